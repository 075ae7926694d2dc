using PosaX.Tests.Features.Languages;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>On a phone, the switch on a work page leads to the same work in English, and back.</summary>
public class LanguageSwitchBrowserTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task On_a_phone_the_switch_leads_to_the_same_work_in_English_and_back()
    {
        await UsePhoneAsync();
        var (id, slug, _) = await EnglishPages.CreateWorkAsync(App);
        await Page.GotoAsync(Url($"/oeuvres/{id}/{slug}"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        var title = (await Page.Locator("h1").TextContentAsync())!.Trim();

        await Page.Locator("a[data-language-switch]").TapAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/en/artworks/{id}/{slug}"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("h1")).ToHaveTextAsync(title);
        Assert.That((await Context.CookiesAsync()).Single(c => c.Name == "lang").Value, Is.EqualTo("en"), "the choice is remembered");
        await SaveScreenshotAsync("language-switch-en", fullPage: true);

        await Page.Locator("a[data-language-switch]").TapAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/oeuvres/{id}/{slug}"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.That((await Context.CookiesAsync()).Single(c => c.Name == "lang").Value, Is.EqualTo("fr"));
        await SaveScreenshotAsync("language-switch-fr", fullPage: true);
        AssertNoPageErrors();
    }
}
