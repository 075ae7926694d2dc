using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>
/// The brief end to end in a real browser: an artist publishes a work with two photos, a visitor
/// finds it through the catalogue filters and orders it, landing on the order's confirmation page and
/// from there on the artist's WhatsApp.
/// </summary>
public class PublishFindOrderTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task An_artist_publishes_a_work_a_visitor_finds_it_with_the_filters_and_orders_it()
    {
        // The artist, signed in through the activation link, publishes through the atelier form.
        await SignedInArtistAsync("Ngono Béatrice");
        var title = "Forêt d'ébène " + Guid.NewGuid().ToString("N")[..6];
        await Page.GotoAsync("/atelier/oeuvres/nouvelle");
        await Page.Locator("#artwork-title").FillAsync(title);
        await Page.Locator("#artwork-images").SetInputFilesAsync([TestImages.Png("face.png"), TestImages.Png("dos.png")]);
        await Expect(Page.Locator("[data-previews] img")).ToHaveCountAsync(2);
        await Page.Locator("#artwork-price").FillAsync("275 000");
        await Page.Locator("#artwork-category").SelectOptionAsync("sculpture");
        await Page.Locator("#artwork-medium").FillAsync("Ébène sculptée");
        await Page.Locator("#artwork-height").FillAsync("45");
        await Page.Locator("#artwork-width").FillAsync("20");
        await Page.Locator("#artwork-description").FillAsync("Une pièce taillée à **Foumban**.");
        await Page.Locator("#artwork-form").GetByRole(AriaRole.Button, new() { Name = "Publier l’œuvre" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/atelier/oeuvres\?publiee=\d+$"));
        await Expect(Page.Locator("#published-notice")).ToContainTextAsync(title);
        await Expect(Page.Locator("#atelier-works")).ToContainTextAsync(title);

        // A visitor, in another browser, filters the catalogue.
        var visitor = await NewPageAsync(await NewContextAsync());
        await visitor.GotoAsync("/oeuvres");
        var filters = visitor.Locator("#catalogue-filters");
        if (await filters.Locator("summary").CountAsync() > 0 && !await filters.Locator("details").First.EvaluateAsync<bool>("d => d.open"))
            await filters.Locator("summary").First.ClickAsync();
        await filters.Locator("[name=q]").FillAsync("foret ebene");
        await filters.Locator("[name=categorie]").SelectOptionAsync("sculpture");
        await filters.Locator("[name=prixMin]").FillAsync("200000");
        await filters.Locator("[name=prixMax]").FillAsync("300000");
        await filters.Locator("[type=submit]").First.ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex("categorie=sculpture"));
        var card = visitor.Locator(".artwork-card", new() { HasText = title });
        await Expect(card).ToHaveCountAsync(1);
        await card.GetByRole(AriaRole.Link).First.ClickAsync();

        // The work's page: two photos, the price, the order form.
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("main")).ToContainTextAsync("275\u202F000\u00A0FCFA");
        Assert.That(await visitor.Locator("main img[srcset]").CountAsync(), Is.GreaterThanOrEqualTo(2));

        // wa.me is outside this sandbox: answer for it, and keep what the browser asked for.
        string? whatsapp = null;
        await visitor.Context.RouteAsync(new Regex(@"^https://(wa\.me|api\.whatsapp\.com)/"), async route =>
        {
            whatsapp ??= route.Request.Url;
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>WhatsApp</title>" });
        });
        // "Commander" opens the order form in a dialog.
        await visitor.Locator("#buy-bar").GetByRole(AriaRole.Link, new() { Name = "Commander" }).ClickAsync();
        await Expect(visitor.Locator("#order-dialog")).ToHaveJSPropertyAsync("open", true);
        await visitor.Locator("#order-name").FillAsync("Awa Mbarga");
        await visitor.Locator("#order-phone").FillAsync("699 88 77 66");
        await visitor.Locator("#order-message").FillAsync("Bonjour, elle est toujours disponible ?");
        await visitor.Locator("#order-form [type=submit]").ClickAsync();

        // The order lands on its confirmation page: the reference, then the button to WhatsApp.
        await Expect(visitor).ToHaveURLAsync(new Regex(@"/commandes/PX-[0-9A-Z]{4}/[A-Za-z0-9_-]{22}$"));
        var reference = (await visitor.Locator("#order-reference").TextContentAsync())!;
        Assert.That(reference, Does.Match(@"^PX-[0-9A-Z]{4}$"));
        await Expect(visitor.Locator(".order-work")).ToContainTextAsync(title);
        var button = visitor.Locator("#open-whatsapp");
        await Expect(button).ToBeInViewportAsync();
        await button.ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex(@"^https://wa\.me/237677123456\?text="));
        var text = Uri.UnescapeDataString(new Uri(whatsapp!).Query);
        Assert.That(text, Does.Contain(reference));
        Assert.That(text, Does.Contain(title));
        Assert.That(text, Does.Contain("275\u202F000\u00A0FCFA"));
    }
}
