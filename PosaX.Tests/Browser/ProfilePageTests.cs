using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>/profil and the public artist page in a real browser.</summary>
public class ProfilePageTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task Editing_the_profile_in_the_page_shows_on_the_public_page()
    {
        await SignedInArtistAsync("Ngono Béatrice");
        var form = Page.Locator("#profile-form");
        await Page.EvaluateAsync("() => { window.__posaxMarker = 'même page'; }");

        await Page.Locator("#profile-name").FillAsync("Béatrice Ngono Atelier");
        await Page.Locator("#profile-bio").FillAsync(
            "Je peins au couteau, en **gras** et en *italique*.\n\n- huile\n- acrylique\n\n<script>window.__bioScript = 1</script>");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(form.Locator("[data-form-message]")).ToHaveTextAsync("Profil enregistré.");
        await Expect(form.Locator("[data-form-message]")).ToHaveClassAsync(new Regex(@"\bis-success\b"));
        Assert.That(Page.Url, Is.EqualTo(Url("/profil")), "saved in place");
        Assert.That(await Page.EvaluateAsync<string?>("() => window.__posaxMarker"), Is.EqualTo("même page"));

        await Page.Locator("#public-page-link").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(Url("/artistes/")) + "ngono-beatrice"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Béatrice Ngono Atelier");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Béatrice Ngono Atelier"));
        var bio = Page.Locator(".bio");
        await Expect(bio.Locator("strong")).ToHaveTextAsync("gras");
        await Expect(bio.Locator("em")).ToHaveTextAsync("italique");
        await Expect(bio.Locator("ul > li")).ToHaveTextAsync(["huile", "acrylique"]);
        await Expect(bio.Locator("script")).ToHaveCountAsync(0);
        Assert.That(await Page.EvaluateAsync<int?>("() => window.__bioScript ?? null"), Is.Null, "the bio's HTML is not run");
        await Expect(Page.Locator(".artist-header .button--whatsapp, .artist-header a[href*='wa.me']").First).ToBeVisibleAsync();
    }

    [Test]
    public async Task An_invalid_field_shows_its_error_and_saves_nothing()
    {
        AllowConsoleError(@"status of 400 \(Bad Request\)");
        await SignedInArtistAsync("Ngono Béatrice");
        var form = Page.Locator("#profile-form");

        await Page.Locator("#profile-name").FillAsync("X");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(form.Locator("[data-error-for=name]")).ToHaveTextAsync(new Regex("2 caractères au moins"));
        await Expect(Page.Locator("#profile-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Page.ReloadAsync();
        await Expect(Page.Locator("#profile-name")).ToHaveValueAsync("Ngono Béatrice");
    }
}
