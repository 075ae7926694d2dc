using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
}
