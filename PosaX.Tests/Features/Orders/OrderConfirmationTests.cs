using System.Net;
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

/// <summary>The order's own page, /commandes/{reference}/{secret}, and the buyer's confirmation mail.</summary>
public class OrderConfirmationTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<(long Id, string Slug, string Title)> WorkAsync(string title)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Essomba Jean");
        client.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, title, 320_000);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (id, slug, title);
    }

    private async Task<(string Path, string Reference)> OrderAsync(long id, string? email = null, string? phone = null)
    {
        using var buyer = NewClient();
        var reply = await PlaceAsync(buyer, id, Fields(name: "Mbarga Awa", email: email ?? "", phone: phone));
        Assert.That(reply.Success, Is.True, reply.Message);
        var reference = await App.WithDbAsync(db => db.Orders.Where(o => o.ArtworkId == id).OrderByDescending(o => o.Id).Select(o => o.Reference).FirstAsync());
        return (reply.RedirectUrl!, reference);
    }

    [Test]
    public async Task The_confirmation_page_shows_the_reference_the_work_what_happens_next_and_the_WhatsApp_button_and_is_never_stored()
    {
        var (id, slug, title) = await WorkAsync("Baobab au couchant " + Guid.NewGuid().ToString("N")[..4]);
        var phone = NewPhone();
        var (path, reference) = await OrderAsync(id, phone: phone);

        using var visitor = NewClient();
        using var response = await visitor.Http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var whatsApp = page.QuerySelector("#open-whatsapp");
        var message = Uri.UnescapeDataString(whatsApp?.GetAttribute("href")?.Split("?text=")[1] ?? "");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
            Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            Assert.That(page.QuerySelector("#order-reference")?.TextContent, Is.EqualTo(reference));
            Assert.That(page.QuerySelector(".order-work__title a")?.GetAttribute("href"), Is.EqualTo(ArtworkUrls.Page(id, slug)));
            Assert.That(page.QuerySelector(".order-work__title")?.TextContent.Trim(), Is.EqualTo(title));
            Assert.That(page.QuerySelector(".order-work img")?.GetAttribute("src"), Does.StartWith("/media/"));
            Assert.That(page.QuerySelector(".order-work")?.TextContent, Does.Contain("Essomba Jean").And.Contain(Money.Fcfa(320_000)));
            Assert.That(page.QuerySelectorAll(".steps li"), Has.Length.EqualTo(3));
            Assert.That(page.QuerySelector(".steps")?.TextContent, Does.Contain(WhatsAppNumber.Display(E164(phone))));
            Assert.That(whatsApp?.TextContent.Trim(), Is.EqualTo(OrderTexts.Confirmation.OpenWhatsApp));
            Assert.That(whatsApp?.GetAttribute("href"), Does.StartWith("https://wa.me/237677123456?text="));
            Assert.That(message, Does.Contain(reference).And.Contain(title).And.Contain(Money.Fcfa(320_000))
                .And.Contain(PosaXApp.BaseUrl + ArtworkUrls.Page(id, slug)));
            Assert.That(page.QuerySelector("#confirmation-mailed"), Is.Null, "no address, no mail mentioned");
        });

        // Never served from the output cache: a change to the order's artist shows at once.
        await App.WithDbAsync(db => db.Orders.Where(o => o.Reference == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerPhone, "+237699000111")));
        var again = await visitor.GetPageAsync(path);
        Assert.That(again.QuerySelector(".steps")?.TextContent, Does.Contain(WhatsAppNumber.Display("+237699000111")));
    }

    [Test]
    public async Task A_wrong_missing_or_borrowed_secret_and_an_unknown_reference_are_404()
    {
        var (id, _, _) = await WorkAsync("Masque cimier");
        var (path, reference) = await OrderAsync(id);
        var (otherPath, _) = await OrderAsync(id);
        var secret = path.Split('/')[3];
        var otherSecret = otherPath.Split('/')[3];
        using var visitor = NewClient();

        foreach (var wrong in new[]
        {
            $"/commandes/{reference}/{otherSecret}",
            $"/commandes/{reference}/{secret[..^1]}{(secret[^1] == 'A' ? 'B' : 'A')}",
            $"/commandes/{reference}/{secret.ToUpperInvariant()}x",
            $"/commandes/{reference}",
            $"/commandes/PX-0000/{secret}",
            $"/commandes/{reference}/{new string('a', 200)}",
        })
        {
            using var response = await visitor.Http.GetAsync(wrong);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), wrong);
        }
        using var right = await visitor.Http.GetAsync(path);
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_buyer_who_gave_an_email_gets_a_confirmation_mail_with_the_reference_the_work_and_the_artists_WhatsApp()
    {
        var (id, slug, title) = await WorkAsync("Ndop indigo " + Guid.NewGuid().ToString("N")[..4]);
        var email = NewEmail("acheteur");
        var (path, reference) = await OrderAsync(id, email);

        var queued = await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync());
        Assert.That(queued, Has.Count.EqualTo(1), "one mail in the outbox for the buyer");
        Assert.That(queued[0].Subject, Does.Contain(reference));

        var mail = await App.Mailbox.WaitForAsync(email, reference);
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Does.Contain(title));
            Assert.That(mail.Body, Does.Contain(title).And.Contain(Money.Fcfa(320_000)).And.Contain("Essomba Jean"));
            Assert.That(mail.Link("/237677123456"), Does.StartWith("https://wa.me/237677123456?text="));
            Assert.That(mail.Link("/commandes/"), Is.EqualTo(PosaXApp.BaseUrl + path));
            Assert.That(mail.Body, Does.Contain(PosaXApp.BaseUrl + ArtworkUrls.Page(id, slug)));
        });

        using var buyer = NewClient();
        var page = await buyer.GetPageAsync(path);
        Assert.That(page.QuerySelector("#confirmation-mailed")?.TextContent, Is.EqualTo(OrderTexts.Confirmation.MailSent));
    }

    [Test]
    public async Task A_buyer_without_an_email_gets_no_mail_only_the_artist_does()
    {
        var (id, _, _) = await WorkAsync("Kente du marché");
        var (_, reference) = await OrderAsync(id);
        var subjects = await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Subject.Contains(reference)).Select(m => m.Subject).ToListAsync());
        Assert.That(subjects, Has.Count.EqualTo(1));
        Assert.That(subjects[0], Does.StartWith("Nouvelle commande"));
    }
}
