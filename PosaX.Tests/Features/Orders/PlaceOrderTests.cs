using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Features.Orders;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;
using static PosaX.Tests.Features.Orders.OrderRequests;

namespace PosaX.Tests.Features.Orders;

public partial class PlaceOrderTests(DatabaseProvider provider) : AppTest(provider)
{
    [GeneratedRegex(@"PX-[0-9A-Z]{4}")]
    private static partial Regex ReferencePattern();

    private async Task<(string Email, long ArtworkId, string Slug)> ArtistWithWorkAsync(string title = "Masque Bamiléké",
        long price = 150_000, ArtworkStatus status = ArtworkStatus.Available, bool hidden = false)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Fotso Marie");
        client.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, title, price, status: status, hidden: hidden);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (email, id, slug);
    }

    private async Task AssertNothingRecordedAsync(long artworkId, string artistEmail)
    {
        Assert.That(await CountForWorkAsync(App, artworkId), Is.Zero, "no order row");
        Assert.That(await QueuedOrderMailsAsync(App, artistEmail), Is.Zero, "no mail queued");
    }

    [Test]
    public async Task Placing_an_order_records_it_mails_the_artist_and_sends_the_buyer_to_its_confirmation_page_with_the_WhatsApp_message()
    {
        var (email, id, slug) = await ArtistWithWorkAsync("Reine d'ébène", 275_000);
        using var buyer = NewClient();
        var phone = NewPhone();
        var buyerEmail = NewEmail("acheteur");

        var reply = await PlaceAsync(buyer, id, Fields(phone: phone, name: "Atangana Paul", email: buyerEmail, message: "Livrable à Douala ?"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Message);
        Assert.That(reply.Success, Is.True);
        Assert.That(reply.RedirectUrl, Does.Match(@"^/commandes/PX-[0-9A-Z]{4}/[A-Za-z0-9_-]{22}$"));
        var confirmation = await buyer.GetPageAsync(reply.RedirectUrl!);
        var whatsApp = confirmation.QuerySelector("#open-whatsapp")?.GetAttribute("href") ?? "";
        Assert.That(whatsApp, Does.StartWith("https://wa.me/237677123456?text="));
        var text = Uri.UnescapeDataString(whatsApp[(whatsApp.IndexOf("?text=", StringComparison.Ordinal) + 6)..]);
        var reference = ReferencePattern().Match(text).Value;
        Assert.Multiple(() =>
        {
            Assert.That(reference, Is.Not.Empty, text);
            Assert.That(text, Does.Contain("Reine d'ébène"));
            Assert.That(text, Does.Contain(Money.Fcfa(275_000)));
            Assert.That(text, Does.Contain(PosaXApp.BaseUrl + ArtworkUrls.Page(id, slug)));
            Assert.That(reply.Message, Does.Contain(reference));
        });

        var order = await App.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ArtworkId == id));
        Assert.Multiple(() =>
        {
            Assert.That(order.Reference, Is.EqualTo(reference));
            Assert.That(order.BuyerPhone, Is.EqualTo(E164(phone)));
            Assert.That(order.BuyerName, Is.EqualTo("Atangana Paul"));
            Assert.That(order.BuyerEmail, Is.EqualTo(buyerEmail));
            Assert.That(reply.RedirectUrl, Does.StartWith("/commandes/" + reference + "/"));
            Assert.That(order.ConfirmationSecretHash, Has.Length.EqualTo(64).And.Not.Contains(reply.RedirectUrl!.Split('/')[3]), "only the secret's hash is stored");
            Assert.That(order.Message, Is.EqualTo("Livrable à Douala ?"));
            Assert.That(order.Price, Is.EqualTo(275_000));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.New));
        });

        var mail = await App.Mailbox.WaitForAsync(email, "Nouvelle commande");
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Does.Contain(reference));
            Assert.That(mail.Body, Does.Contain("Atangana Paul"));
            Assert.That(mail.Body, Does.Contain("Reine d'ébène"));
            Assert.That(mail.Body, Does.Contain(Money.Fcfa(275_000)));
            Assert.That(mail.Link("/" + E164(phone).TrimStart('+')), Does.StartWith("https://wa.me/" + E164(phone).TrimStart('+')));
            Assert.That(mail.Link("/atelier/commandes"), Is.EqualTo(PosaXApp.BaseUrl + "/atelier/commandes"));
            Assert.That(mail.Body, Does.Contain(PosaXApp.BaseUrl + ArtworkUrls.Page(id, slug)));
        });
    }

    [Test]
    public async Task A_plain_post_is_redirected_to_the_orders_confirmation_page()
    {
        var (_, id, _) = await ArtistWithWorkAsync("Pagne du soir");
        using var buyer = NewClient();

        using var response = await PostAsync(buyer, $"/oeuvres/{id}/commander", Fields(), ajax: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!.OriginalString;
        Assert.That(location, Does.Match(@"^/commandes/PX-[0-9A-Z]{4}/[A-Za-z0-9_-]{22}$"));
        Assert.That(await CountForWorkAsync(App, id), Is.EqualTo(1));
        var page = await buyer.GetPageAsync(location);
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo(OrderTexts.Confirmation.Heading));
        Assert.That(page.QuerySelector(".order-work")!.TextContent, Does.Contain("Pagne du soir"));
    }

    [Test]
    public async Task A_plain_post_with_bad_input_shows_the_real_order_form_again_with_the_values_and_errors()
    {
        var (email, id, _) = await ArtistWithWorkAsync();
        using var buyer = NewClient();

        using var response = await PostAsync(buyer, $"/oeuvres/{id}/commander", Fields(phone: "12", name: "Atangana Paul"), ajax: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var form = AppClient.Form(page, "order-form");
        Assert.Multiple(() =>
        {
            Assert.That(form.GetAttribute("action"), Is.EqualTo($"/oeuvres/{id}/commander"));
            Assert.That(form.Method, Is.EqualTo("post").IgnoreCase);
            foreach (var field in new[] { "name", "phone", "email", "message", "__RequestVerificationToken" })
                Assert.That(form.QuerySelector($"[name={field}]"), Is.Not.Null, field);
            Assert.That(form.QuerySelector("[name=name]")!.GetAttribute("value"), Is.EqualTo("Atangana Paul"));
            Assert.That(form.QuerySelector("[data-error-for=phone]")!.TextContent, Is.EqualTo(OrderTexts.PhoneInvalid));
        });
        await AssertNothingRecordedAsync(id, email);

        // The form shown again is a working form.
        var retry = await buyer.PostAjaxAsync(form, new Dictionary<string, string> { ["name"] = "Atangana Paul", ["phone"] = NewPhone() });
        Assert.That(retry.Success, Is.True, retry.Message);
    }

    [Test]
    public async Task Posted_price_status_or_artist_fields_are_ignored()
    {
        var (_, id, _) = await ArtistWithWorkAsync(price: 90_000);
        var (intruder, intruderEmail) = await Accounts.NewArtistAsync(App, "Intrus");
        intruder.Dispose();
        var intruderId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == intruderEmail).Select(u => u.Id).SingleAsync());
        using var buyer = NewClient();
        var fields = Fields();
        fields["price"] = "1";
        fields["status"] = "3";
        fields["artistId"] = intruderId.ToString();
        fields["reference"] = "PX-AAAA";

        var reply = await PlaceAsync(buyer, id, fields);

        Assert.That(reply.Success, Is.True, reply.Message);
        var order = await App.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ArtworkId == id));
        Assert.That(order.Price, Is.EqualTo(90_000));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.New));
        Assert.That(order.ArtistId, Is.Not.EqualTo(intruderId));
        Assert.That(reply.RedirectUrl, Does.Contain(Uri.EscapeDataString(order.Reference)));
    }

    [Test]
    public async Task An_artist_without_WhatsApp_still_gets_the_order_and_the_mail_and_the_buyer_is_told_so()
    {
        var (email, id, _) = await ArtistWithWorkAsync();
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.WhatsApp, (string?)null)));
        using var buyer = NewClient();
        var phone = NewPhone();

        var reply = await PlaceAsync(buyer, id, Fields(phone: phone));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.Success, Is.True);
        var reference = ReferencePattern().Match(reply.Message!).Value;
        Assert.That(reference, Is.Not.Empty, reply.Message);
        Assert.That(reply.Message, Does.Contain("WhatsApp"));
        Assert.That(reply.RedirectUrl, Does.StartWith("/commandes/" + reference + "/"));
        var page = await buyer.GetPageAsync(reply.RedirectUrl!);
        Assert.That(page.QuerySelector("#open-whatsapp"), Is.Null, "no WhatsApp button without a number");
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Contain(OrderTexts.Confirmation.NoWhatsApp(E164(phone))));
        Assert.That(await CountForWorkAsync(App, id), Is.EqualTo(1));
        var mail = await App.Mailbox.WaitForAsync(email, "Nouvelle commande");
        Assert.That(mail.Subject, Does.Contain(reference));
    }

    [TestCase("name", "", "name")]
    [TestCase("name", "   ", "name")]
    [TestCase("phone", "", "phone")]
    [TestCase("phone", "12", "phone")]
    [TestCase("phone", "pas un numéro", "phone")]
    [TestCase("phone", "0000", "phone")]
    [TestCase("email", "pas-une-adresse", "email")]
    [TestCase("message", "1001", "message")]
    public async Task Bad_input_gets_400_with_the_field_error_and_records_nothing(string field, string value, string errorKey)
    {
        var (email, id, _) = await ArtistWithWorkAsync();
        using var buyer = NewClient();
        var fields = Fields();
        fields[field] = field == "message" ? new string('a', int.Parse(value)) : value;

        var reply = await PlaceAsync(buyer, id, fields);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Success, Is.False);
        Assert.That(reply.ErrorsFor(errorKey), Is.Not.Empty);
        await AssertNothingRecordedAsync(id, email);
    }

    [TestCase("", "Indiquez votre numéro WhatsApp.")]
    [TestCase("   ", "Indiquez votre numéro WhatsApp.")]
    [TestCase("12", "Ce numéro n’est pas valide (ex. 677 12 34 56 ou +237 677 12 34 56).")]
    public async Task An_empty_phone_is_asked_for_and_a_wrong_one_called_invalid(string phone, string error)
    {
        var (_, id, _) = await ArtistWithWorkAsync();
        using var buyer = NewClient();
        var fields = Fields();
        fields["phone"] = phone;
        var reply = await PlaceAsync(buyer, id, fields);
        Assert.That(reply.ErrorsFor("phone"), Is.EqualTo(new[] { error }));
    }

    [Test]
    public async Task A_message_of_1000_characters_with_line_breaks_is_accepted()
    {
        var (_, id, _) = await ArtistWithWorkAsync();
        using var buyer = NewClient();
        // 500 short lines: 1,000 characters as the textarea counts them, 1,499 as posted with CRLF.
        var message = string.Join("\r\n", Enumerable.Repeat("a", 500)) + "b";
        Assert.That(message.Replace("\r\n", "\n"), Has.Length.EqualTo(1000));
        var reply = await PlaceAsync(buyer, id, Fields(message: message));
        Assert.That(reply.Success, Is.True, reply.Message);
    }

    [TestCase(ArtworkStatus.Sold, false)]
    [TestCase(ArtworkStatus.Reserved, false)]
    [TestCase(ArtworkStatus.Available, true)]
    public async Task A_work_that_is_sold_reserved_or_hidden_cannot_be_ordered(ArtworkStatus status, bool hidden)
    {
        var (email, id, _) = await ArtistWithWorkAsync(status: status, hidden: hidden);
        using var buyer = NewClient();

        var reply = await PlaceAsync(buyer, id, Fields());

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Success, Is.False);
        Assert.That(reply.Message, Is.Not.Empty);
        await AssertNothingRecordedAsync(id, email);
    }

    [Test]
    public async Task An_unknown_work_gets_400_with_a_message()
    {
        using var buyer = NewClient();
        var reply = await PlaceAsync(buyer, 987_654_321, Fields());
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Message, Is.EqualTo(OrderTexts.NotOffered));
        Assert.That(await CountForWorkAsync(App, 987_654_321), Is.Zero);
    }

    [Test]
    public async Task A_work_of_an_artist_who_has_not_activated_the_account_cannot_be_ordered()
    {
        using var artist = NewClient();
        var email = NewEmail();
        Assert.That((await artist.RegisterAsync(email)).Success, Is.True);
        var id = await SeedArtworks.CreateAsync(App, email, "Pagne tissé");
        using var buyer = NewClient();

        var reply = await PlaceAsync(buyer, id, Fields());

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Message, Is.EqualTo(OrderTexts.NotOffered));
        await AssertNothingRecordedAsync(id, email);
    }

    [Test]
    public async Task An_artist_cannot_order_their_own_work()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        using var _ = artist;
        var id = await SeedArtworks.CreateAsync(App, email, "Autoportrait");

        var reply = await PlaceAsync(artist, id, Fields());

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Message, Is.EqualTo(OrderTexts.OwnWork));
        await AssertNothingRecordedAsync(id, email);
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_gets_400_and_records_nothing()
    {
        var (email, id, _) = await ArtistWithWorkAsync();
        using var buyer = NewClient();
        using var response = await PostAsync(buyer, $"/oeuvres/{id}/commander", Fields(), withToken: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await AssertNothingRecordedAsync(id, email);
    }

    [Test]
    public async Task More_than_five_orders_an_hour_from_one_phone_get_429_with_Retry_After()
    {
        var (_, id, _) = await ArtistWithWorkAsync();
        var phone = NewPhone();
        var statuses = new List<HttpStatusCode>();
        AjaxReply? last = null;
        for (var i = 0; i < 6; i++)
        {
            using var buyer = NewClient();
            // The same number written differently is the same buyer.
            last = await PlaceAsync(buyer, id, Fields(phone: i % 2 == 0 ? phone : "+237 " + phone));
            statuses.Add(last.Status);
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(last!.Success, Is.False);
        Assert.That(last.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await CountForWorkAsync(App, id), Is.EqualTo(5));

        using var other = NewClient();
        Assert.That((await PlaceAsync(other, id, Fields())).Success, Is.True, "another phone is not limited");
    }

    [Test]
    public async Task Opening_the_order_url_shows_the_order_form_or_404()
    {
        var (_, id, _) = await ArtistWithWorkAsync();
        using var visitor = NewClient();
        var page = await visitor.GetPageAsync($"/oeuvres/{id}/commander");
        Assert.That(AppClient.Form(page, "order-form").QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null);
        using var unknown = await visitor.Http.GetAsync("/oeuvres/987654321/commander");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

public class OrderReferenceTests
{
    [Test]
    public void References_are_PX_and_four_characters_of_Crockford_base32_without_I_L_O_U()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => OrderReference.New()).ToList();
        Assert.That(references, Has.All.Match("^PX-[0-9A-HJKMNP-TV-Z]{4}$"));
        Assert.That(references.Distinct().Count(), Is.GreaterThan(1900), "random");
    }
}

/// <summary>The per-IP limit on order posts, on an app of its own with a tiny limit.</summary>
public class OrderPerIpLimitTests
{
    [Test]
    public async Task Order_posts_beyond_the_per_IP_limit_get_429_with_Retry_After_and_the_JSON_contract()
    {
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:OrdersPerIpPerHour"] = "2" });
        var (artist, email) = await Accounts.NewArtistAsync(app);
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(app, email, "Fleuve Wouri");
        var statuses = new List<HttpStatusCode>();
        AjaxReply? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var buyer = app.CreateBrowserClient();
            last = await PlaceAsync(buyer, id, Fields());
            statuses.Add(last.Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Success, Is.False);
        Assert.That(last.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await app.WithDbAsync(db => db.Orders.CountAsync(o => o.ArtworkId == id)), Is.EqualTo(2));
        // Opening the order URL is not limited.
        using var visitor = app.CreateBrowserClient();
        using var get = await visitor.Http.GetAsync($"/oeuvres/{id}/commander");
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
