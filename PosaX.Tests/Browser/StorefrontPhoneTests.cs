using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>The storefront on a 390×844 phone: what fits in the first screen and what a thumb can reach.</summary>
public class StorefrontPhoneTests(DatabaseProvider provider) : BrowserTest(provider)
{
    private ILocator Header => Page.Locator("header.site-header");

    [Test]
    public async Task The_header_is_one_compact_row_with_a_search_and_a_menu_signed_out_and_in()
    {
        await UsePhoneAsync();
        await Page.GotoAsync("/");
        Assert.That((await Header.BoundingBoxAsync())!.Height, Is.LessThanOrEqualTo(64), "signed out");
        await Expect(Header.Locator("form[role=search] input[name=q]")).ToBeVisibleAsync();
        await Expect(Page.Locator("#site-menu")).ToBeHiddenAsync();
        await SaveScreenshotAsync("header-signed-out");

        await Header.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Expect(Page.Locator("#site-menu").GetByRole(AriaRole.Link, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("header-menu-signed-out");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator("#site-menu")).ToBeHiddenAsync();

        await SignedInArtistAsync();
        Assert.That((await Header.BoundingBoxAsync())!.Height, Is.LessThanOrEqualTo(64), "signed in");
        await Header.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var menu = Page.Locator("#site-menu");
        foreach (var name in new[] { "Atelier", "Commandes", "Profil" })
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Déconnexion" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("header-menu-signed-in");
    }

    [Test]
    public async Task The_header_search_leads_to_the_catalogue_with_the_words_typed()
    {
        await UsePhoneAsync();
        await Page.GotoAsync("/artistes");
        await Header.Locator("input[name=q]").FillAsync("forêt");
        await Header.Locator("input[name=q]").PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/oeuvres\?q=for%C3%AAt$"));
    }

    [Test]
    public async Task On_the_catalogue_results_start_in_the_first_screen_and_a_filter_chip_removes_its_filter()
    {
        var word = "puce" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 20)).ToArray());
        var (client, email) = await Accounts.NewArtistAsync(App, "Puce Artiste");
        client.Dispose();
        await SeedArtworks.CreateAsync(App, email, "Masque " + word, 85_000, category: "sculpture", heightCm: 90, widthCm: 40, imageWidth: 600, imageHeight: 900);
        await SeedArtworks.CreateAsync(App, email, "Toile " + word, 120_000, category: "peinture");

        await UsePhoneAsync();
        await Page.GotoAsync($"/oeuvres?q={word}&categorie=sculpture");
        await Expect(Page.Locator("h1")).ToHaveTextAsync($"Résultats pour «\u00A0{word}\u00A0»");
        var firstCard = Page.Locator("#catalogue-results li").First;
        Assert.That((await firstCard.BoundingBoxAsync())!.Y, Is.LessThan(Phone.Height), "the first work starts in the first screen");
        await SaveScreenshotAsync("catalogue-filtered");

        // The portrait cover (600×900) is shown whole: no cropping, its size known before it loads.
        var cover = await firstCard.Locator("img").EvaluateAsync<double[]>(
            "i => [i.naturalWidth, i.naturalHeight, i.clientWidth, i.clientHeight, +i.getAttribute('width'), +i.getAttribute('height'), getComputedStyle(i).objectFit === 'cover' ? 1 : 0]");
        Assert.Multiple(() =>
        {
            Assert.That(cover[4] / cover[5], Is.EqualTo(cover[0] / cover[1]).Within(0.01), "width/height attributes of the real cover");
            Assert.That(cover[6], Is.Zero, "never object-fit: cover");
            Assert.That(cover[3] / cover[2], Is.EqualTo(Math.Min(cover[1] / cover[0], 1.4)).Within(0.03), "the true ratio (a very tall work within 1.4×, whole)");
        });

        await Page.Locator("nav.active-filters").GetByRole(AriaRole.Link, new() { Name = "Retirer le filtre Sculpture" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/oeuvres?q={word}"));
        await Expect(Page.Locator("#catalogue-results li")).ToHaveCountAsync(2);

        await Page.GotoAsync($"/oeuvres?q=rien{word}&disponible=1");
        await SaveScreenshotAsync("catalogue-empty", fullPage: true);
    }

    [Test]
    public async Task The_home_page_shows_real_works_in_the_first_screen()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Héros Artiste");
        client.Dispose();
        await SeedArtworks.CreateAsync(App, email, "Héros portrait", 95_000, imageWidth: 600, imageHeight: 900, createdAt: DateTime.UtcNow.AddDays(2));
        await SeedArtworks.CreateAsync(App, email, "Héros paysage", 95_000, imageWidth: 900, imageHeight: 600, createdAt: DateTime.UtcNow.AddDays(2).AddMinutes(-1));

        await UsePhoneAsync();
        await Page.GotoAsync("/");
        var first = Page.Locator("#hero img").First;
        await Expect(first).ToHaveJSPropertyAsync("complete", true);
        Assert.That(await first.EvaluateAsync<int>("i => i.naturalWidth"), Is.GreaterThan(0), "a real photo");
        var box = (await first.BoundingBoxAsync())!;
        Assert.That(box.Y + box.Height, Is.LessThanOrEqualTo(Phone.Height), "the whole first picture is in the first screen");
        await SaveScreenshotAsync("home");
        await SaveScreenshotAsync("home-full", fullPage: true);
    }

    [Test]
    public async Task A_legal_page_and_the_contact_form_read_well_on_a_phone()
    {
        await UsePhoneAsync();
        await Page.GotoAsync("/comment-acheter");
        await Expect(Page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Contact" })).ToBeVisibleAsync();
        Assert.That(await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(Phone.Width), "nothing wider than the screen");
        await SaveScreenshotAsync("comment-acheter", fullPage: true);

        await Page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Contact" }).ClickAsync();
        await Page.Locator("#contact-name").FillAsync("Awa");
        await Page.Locator("#contact-email").FillAsync("awa@exemple.cm");
        await Page.Locator("#contact-message").FillAsync("Bonjour, livrez-vous à Garoua ?");
        await Page.Locator("#contact-form button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#contact-form [data-form-message]")).ToHaveTextAsync(PosaX.Web.Features.About.AboutTexts.Contact.Sent);
        await SaveScreenshotAsync("contact");
    }

    [Test]
    public async Task On_a_work_page_the_bar_opens_the_order_dialog_and_the_gallery_swipes_and_zooms_in_place()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Galerie Artiste");
        client.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Trois vues au téléphone", 180_000, images: 3, imageWidth: 1200, imageHeight: 900);
        var slug = PosaX.Web.Data.ArtworkDerivedFields.Slug("Trois vues au téléphone");

        await UsePhoneAsync();
        var url = $"/oeuvres/{id}/{slug}";
        await Page.GotoAsync(url);
        var bar = Page.Locator("#buy-bar");
        await Expect(bar).ToBeInViewportAsync();
        var box = (await bar.BoundingBoxAsync())!;
        Assert.That(box.Y + box.Height, Is.EqualTo(Phone.Height).Within(1), "at the bottom of the first screen");
        await SaveScreenshotAsync("work");

        // A thumbnail scrolls the strip; the page stays.
        await Page.Locator(".work-gallery__thumbs a").Nth(2).ClickAsync();
        await Expect(Page.Locator(".work-gallery__slides")).Not.ToHaveJSPropertyAsync("scrollLeft", 0);
        Assert.That(new Uri(Page.Url).AbsolutePath, Is.EqualTo(url));

        // A swipe moves the strip by itself (scroll snap): no script needed.
        await Page.Locator(".work-gallery__slides").EvaluateAsync("s => s.scrollTo({ left: 0 })");
        await Page.Locator(".work-gallery__slides").EvaluateAsync("s => s.scrollBy({ left: s.clientWidth })");
        await Expect(Page.Locator(".work-gallery__slides")).Not.ToHaveJSPropertyAsync("scrollLeft", 0);

        // A tap on a photo opens it full size in a dialog, on the same page.
        await Page.Locator(".work-gallery__slides img").First.ClickAsync();
        await Expect(Page.Locator("#photo-zoom")).ToHaveJSPropertyAsync("open", true);
        await Expect(Page.Locator("#photo-zoom img")).ToHaveJSPropertyAsync("complete", true);
        Assert.That(await Page.Locator("#photo-zoom img").EvaluateAsync<int>("i => i.naturalWidth"), Is.EqualTo(960), "the largest variant of a 1200-px photo");
        await SaveScreenshotAsync("work-zoom");
        await Page.Locator("#photo-zoom button").ClickAsync();
        await Expect(Page.Locator("#photo-zoom")).ToHaveJSPropertyAsync("open", false);
        Assert.That(new Uri(Page.Url).AbsolutePath, Is.EqualTo(url));

        await bar.GetByRole(AriaRole.Link, new() { Name = "Commander" }).ClickAsync();
        await Expect(Page.Locator("#order-dialog")).ToHaveJSPropertyAsync("open", true);
        await Expect(Page.Locator("#order-name")).ToBeFocusedAsync();
        await SaveScreenshotAsync("work-order-dialog");

        var share = await Page.Locator("a[data-share]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.That(share.Select(Uri.UnescapeDataString), Has.All.Contain($"/oeuvres/{id}/{slug}"));
    }

    [Test]
    public async Task On_a_phone_an_order_lands_on_its_confirmation_page_with_the_WhatsApp_button_in_the_first_screen()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Confirmation Artiste");
        client.Dispose();
        var title = "Ndop du soir " + Guid.NewGuid().ToString("N")[..4];
        var id = await SeedArtworks.CreateAsync(App, email, title, 95_000, imageWidth: 900, imageHeight: 1200);

        await UsePhoneAsync();
        await Page.GotoAsync($"/oeuvres/{id}/{PosaX.Web.Data.ArtworkDerivedFields.Slug(title)}");
        await Page.Locator("#buy-bar").GetByRole(AriaRole.Link, new() { Name = "Commander" }).ClickAsync();
        await Expect(Page.Locator("#order-dialog")).ToHaveJSPropertyAsync("open", true);
        await Page.Locator("#order-name").FillAsync("Awa Mbarga");
        await Page.Locator("#order-phone").FillAsync("699 88 77 66");
        await Page.Locator("#order-email").FillAsync($"awa-{Guid.NewGuid():N}@exemple.cm");
        await Page.Locator("#order-form [type=submit]").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/commandes/PX-[0-9A-Z]{4}/[A-Za-z0-9_-]{22}$"));
        await Expect(Page.Locator("#order-reference")).ToHaveTextAsync(new Regex(@"^PX-[0-9A-Z]{4}$"));
        await Expect(Page.Locator(".order-work")).ToContainTextAsync(title);
        await Expect(Page.Locator(".order-work img")).ToHaveJSPropertyAsync("complete", true);
        await Expect(Page.Locator("#open-whatsapp")).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.That(await Page.Locator("#open-whatsapp").GetAttributeAsync("href"), Does.StartWith("https://wa.me/237677123456?text="));
        await Expect(Page.Locator("#confirmation-mailed")).ToBeVisibleAsync();
        await SaveScreenshotAsync("order-confirmation");
    }

    [Test]
    public async Task Pages_stay_light_on_a_phone()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Poids Artiste");
        client.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Poids plume", 60_000, images: 3, imageWidth: 1600, imageHeight: 1200);
        var slug = PosaX.Web.Data.ArtworkDerivedFields.Slug("Poids plume");

        await UsePhoneAsync();
        foreach (var (url, budget) in new[] { ("/", 400), ("/oeuvres", 400), ($"/oeuvres/{id}/{slug}", 150), ("/a-propos", 60), ("/contact", 60) })
        {
            await Page.GotoAsync(url);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var bytes = await FirstScreen.BytesAsync(Page);
            var header = (await Header.BoundingBoxAsync())!.Height;
            TestContext.Out.WriteLine($"[weight] {url}: {bytes / 1024:0} KB, header {header:0} px");
            Assert.That(bytes / 1024, Is.LessThanOrEqualTo(budget), url);
            Assert.That(await Page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))"),
                Is.Empty, "no third-party request");
        }
    }
}
