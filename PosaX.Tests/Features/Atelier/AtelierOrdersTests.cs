using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Features.Orders;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Orders.OrderRequests;

namespace PosaX.Tests.Features.Atelier;

public class AtelierOrdersTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Page = "/atelier/commandes";

    private static Task<AjaxReply> MoveAsync(AppClient client, long orderId, string status, IDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string> { ["status"] = status };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) fields[k] = v;
        return MoveRawAsync(client, orderId, fields);
    }

    private static async Task<AjaxReply> MoveRawAsync(AppClient client, long orderId, IDictionary<string, string> fields) =>
        await AppClient.ReadAjaxAsync(await PostAsync(client, $"{Page}/{orderId}/statut", fields));

    /// <summary>The status form of the order, as the owner's page shows it, posted the AJAX way.</summary>
    private static async Task<AjaxReply> MoveWithPageFormAsync(AppClient owner, long orderId, string status)
    {
        var page = await owner.GetPageAsync(Page);
        var form = AppClient.Form(page, $"order-status-{orderId}");
        Assert.That(form.ClassList, Does.Contain("order-status-form"));
        return await owner.PostAjaxAsync(form, new Dictionary<string, string> { ["status"] = status });
    }

    private async Task<(AppClient Owner, string Email, long ArtworkId)> ArtistWithWorkAsync(string title = "Marché de Mokolo")
    {
        var (owner, email) = await Accounts.NewArtistAsync(App, "Mbarga Luc");
        var id = await SeedArtworks.CreateAsync(App, email, title);
        return (owner, email, id);
    }

    [Test]
    public async Task The_owner_sees_their_orders_newest_first_and_not_those_of_other_artists()
    {
        var (owner, email, first) = await ArtistWithWorkAsync("Premier tableau");
        using var _o = owner;
        var second = await SeedArtworks.CreateAsync(App, email, "Second tableau");
        var older = await PlaceNewAsync(App, first, "Ndzana Alice");
        var newer = await PlaceNewAsync(App, second, "Owona Eric");
        var (other, _, otherWork) = await ArtistWithWorkAsync("Tableau d'un autre");
        using var _x = other;
        var foreign = await PlaceNewAsync(App, otherWork, "Etoundi Rose");

        var page = await owner.GetPageAsync(Page);

        var rows = page.QuerySelectorAll(".order-row").Select(r => r.GetAttribute("data-order-id")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { newer.ToString(), older.ToString() }));
        var row = page.GetElementById($"commande-{older}")!;
        var order = await FindAsync(App, older);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == first).Select(a => a.Slug).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(row.QuerySelector("[data-reference]")!.TextContent, Is.EqualTo(order.Reference));
            Assert.That(row.QuerySelector("[data-buyer]")!.TextContent, Is.EqualTo("Ndzana Alice"));
            Assert.That(row.QuerySelector("a[data-whatsapp]")!.GetAttribute("href"), Does.StartWith("https://wa.me/" + order.BuyerPhone.TrimStart('+') + "?text="));
            Assert.That(row.QuerySelector("a[data-work]")!.GetAttribute("href"), Is.EqualTo(ArtworkUrls.Page(first, slug)));
            Assert.That(row.QuerySelector("a[data-work]")!.TextContent, Is.EqualTo("Premier tableau"));
            Assert.That(row.QuerySelector("[data-status]")!.TextContent, Is.EqualTo("Nouvelle"));
            Assert.That(row.QuerySelector("time"), Is.Not.Null);
            Assert.That(page.GetElementById($"commande-{foreign}"), Is.Null);
            Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            Assert.That(page.QuerySelector("a[href='/atelier/commandes']"), Is.Not.Null, "the layout links to the page");
        });

        var otherPage = await other.GetPageAsync(Page);
        Assert.That(otherPage.QuerySelectorAll(".order-row").Select(r => r.GetAttribute("data-order-id")), Is.EqualTo(new[] { foreign.ToString() }));
    }

    [Test]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var visitor = NewClient();
        using var response = await visitor.Http.GetAsync(Page);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.EndWith("/connexion?ReturnUrl=%2Fatelier%2Fcommandes"));
    }

    [Test]
    public async Task Only_the_owner_can_change_an_order_and_nothing_changes_for_anyone_else()
    {
        var (owner, email, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        var (other, _) = await Accounts.NewArtistAsync(App, "Autre Artiste");
        using var _x = other;
        var ownerId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        // Another artist: 404, even posting the owner's id.
        foreach (var status in new[] { "contactee", "reservee", "vendue", "annulee" })
        {
            var reply = await MoveAsync(other, orderId, status, new Dictionary<string, string> { ["artistId"] = ownerId.ToString() });
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NotFound), status);
            Assert.That(reply.Success, Is.False);
        }

        // Anonymous: 401 to the fetch helper, the login page to a plain post.
        using var anonymous = NewClient();
        using (var ajax = await PostAsync(anonymous, $"{Page}/{orderId}/statut", new Dictionary<string, string> { ["status"] = "vendue" }))
            Assert.That(ajax.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using (var plain = await PostAsync(anonymous, $"{Page}/{orderId}/statut", new Dictionary<string, string> { ["status"] = "vendue" }, ajax: false))
        {
            Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(plain.Headers.Location!.OriginalString, Does.Contain("/connexion"));
        }

        // The other artist's page does not show the order either.
        var page = await other.GetPageAsync(Page);
        Assert.That(page.GetElementById($"commande-{orderId}"), Is.Null);

        var order = await FindAsync(App, orderId);
        Assert.That(order.Status, Is.EqualTo(OrderStatus.New));
        Assert.That(order.ArtistId, Is.EqualTo(ownerId));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Available));

        // The owner can.
        var mine = await MoveWithPageFormAsync(owner, orderId, "contactee");
        Assert.That(mine.Status, Is.EqualTo(HttpStatusCode.OK), mine.Message);
        Assert.That(mine.Success, Is.True);
        Assert.That(mine.RedirectUrl, Is.EqualTo(Page));
        Assert.That((await FindAsync(App, orderId)).Status, Is.EqualTo(OrderStatus.Contacted));
    }

    [Test]
    public async Task An_order_goes_from_new_to_contacted_to_reserved_to_sold_and_the_work_follows()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        var rival = await PlaceNewAsync(App, work, "Second Acheteur");

        Assert.That((await MoveWithPageFormAsync(owner, orderId, "contactee")).Success, Is.True);
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Available));

        Assert.That((await MoveWithPageFormAsync(owner, orderId, "reservee")).Success, Is.True);
        Assert.That((await FindAsync(App, orderId)).Status, Is.EqualTo(OrderStatus.Reserved));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Reserved));

        // The rival request cannot take the reserved work.
        var taken = await MoveAsync(owner, rival, "vendue");
        Assert.That(taken.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(taken.Message, Does.Contain((await FindAsync(App, orderId)).Reference));

        var sold = await MoveWithPageFormAsync(owner, orderId, "vendue");
        Assert.That(sold.Success, Is.True, sold.Message);
        Assert.That((await FindAsync(App, orderId)).Status, Is.EqualTo(OrderStatus.Sold));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Sold));
        // The work is gone: the other open request is cancelled.
        Assert.That((await FindAsync(App, rival)).Status, Is.EqualTo(OrderStatus.Cancelled));

        // The page shows the outcome, and a sold order has no form left.
        var page = await owner.GetPageAsync(Page);
        Assert.That(page.GetElementById("orders-flash")?.TextContent, Does.Contain("vendue"));
        Assert.That(page.GetElementById($"commande-{orderId}")!.QuerySelector(".order-status-form"), Is.Null);
        Assert.That(page.GetElementById($"commande-{orderId}")!.QuerySelector("[data-status]")!.TextContent, Is.EqualTo("Vendue"));
    }

    [Test]
    public async Task Selling_a_new_order_directly_marks_the_work_sold()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        Assert.That((await MoveAsync(owner, orderId, "vendue")).Success, Is.True);
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Sold));
    }

    [Test]
    public async Task Cancelling_the_reserved_order_puts_the_work_back_on_sale()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        Assert.That((await MoveAsync(owner, orderId, "reservee")).Success, Is.True);
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Reserved));

        var cancelled = await MoveWithPageFormAsync(owner, orderId, "annulee");

        Assert.That(cancelled.Success, Is.True, cancelled.Message);
        Assert.That((await FindAsync(App, orderId)).Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Available));
        // On sale again: a new buyer can order it.
        await PlaceNewAsync(App, work, "Nouvel Acheteur");
    }

    [Test]
    public async Task Cancelling_an_order_that_does_not_hold_the_work_leaves_the_work_alone()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var holder = await PlaceNewAsync(App, work);
        var other = await PlaceNewAsync(App, work, "Second Acheteur");
        Assert.That((await MoveAsync(owner, holder, "reservee")).Success, Is.True);

        Assert.That((await MoveAsync(owner, other, "annulee")).Success, Is.True);

        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Reserved));
        Assert.That((await FindAsync(App, holder)).Status, Is.EqualTo(OrderStatus.Reserved));
    }

    [TestCase(new[] { "vendue" }, "contactee")]
    [TestCase(new[] { "vendue" }, "annulee")]
    [TestCase(new[] { "annulee" }, "nouvelle")]
    [TestCase(new[] { "annulee" }, "reservee")]
    [TestCase(new[] { "reservee" }, "contactee")]
    [TestCase(new[] { "contactee" }, "nouvelle")]
    [TestCase(new[] { "contactee" }, "contactee")]
    [TestCase(new string[0], "payee")]
    [TestCase(new string[0], "")]
    public async Task An_invalid_transition_gets_400_and_changes_nothing(string[] before, string status)
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        foreach (var step in before) Assert.That((await MoveAsync(owner, orderId, step)).Success, Is.True, step);
        var orderBefore = await FindAsync(App, orderId);
        var workBefore = await WorkStatusAsync(App, work);

        var reply = await MoveAsync(owner, orderId, status);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Success, Is.False);
        Assert.That(reply.Message, Is.Not.Empty);
        Assert.That((await FindAsync(App, orderId)).Status, Is.EqualTo(orderBefore.Status));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(workBefore));
    }

    [Test]
    public async Task A_status_post_without_the_antiforgery_token_gets_400_and_changes_nothing()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);

        using var response = await PostAsync(owner, $"{Page}/{orderId}/statut", new Dictionary<string, string> { ["status"] = "vendue" }, withToken: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await FindAsync(App, orderId)).Status, Is.EqualTo(OrderStatus.New));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Available));
    }

    [Test]
    public async Task A_plain_status_post_redirects_to_the_orders_page()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        var page = await owner.GetPageAsync(Page);

        using var response = await owner.PostPlainAsync(AppClient.Form(page, $"order-status-{orderId}"), new Dictionary<string, string> { ["status"] = "reservee" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(Page));
        Assert.That(await WorkStatusAsync(App, work), Is.EqualTo(ArtworkStatus.Reserved));
    }

    [Test]
    public async Task The_status_form_offers_only_the_allowed_next_steps()
    {
        var (owner, _, work) = await ArtistWithWorkAsync();
        using var _o = owner;
        var orderId = await PlaceNewAsync(App, work);
        Assert.That((await MoveAsync(owner, orderId, "reservee")).Success, Is.True);

        var page = await owner.GetPageAsync(Page);

        var options = AppClient.Form(page, $"order-status-{orderId}").QuerySelectorAll("select[name=status] option").Select(o => o.GetAttribute("value"));
        Assert.That(options, Is.EqualTo(new[] { "vendue", "annulee" }));
    }
}
