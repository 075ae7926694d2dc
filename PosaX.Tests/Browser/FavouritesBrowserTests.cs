using Microsoft.Playwright;
using PosaX.Tests.Features.Catalogue;
using PosaX.Tests.Features.Statistics;
using PosaX.Web.Features.Favourites;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>Favourites on a phone, with JavaScript: the heart on a card, /favoris after a reload, removing one.</summary>
public class FavouritesBrowserTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task A_visitor_adds_a_favourite_on_a_card_finds_it_on_the_favourites_page_after_a_reload_and_removes_it()
    {
        await UsePhoneAsync();
        var work = await Reporting.WorkAsync(App, "Coup de cœur");
        await Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = Reporting.NewIp() });
        await Page.GotoAsync("/oeuvres");

        var card = Page.Locator("#catalogue-results article.artwork-card", new() { HasText = work.Title });
        var heart = card.Locator("button.favourite");
        await Expect(heart).ToBeVisibleAsync();
        await Expect(heart).ToHaveAttributeAsync("aria-pressed", "false");
        var counted = Page.WaitForResponseAsync(r => r.Url.EndsWith($"/oeuvres/{work.Id}/favori") && r.Status == 200);
        await heart.ClickAsync();
        await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
        await counted;

        await Page.Locator("header a[href='/favoris']").ClickAsync();
        await Page.ReloadAsync();
        var favourite = Page.Locator("#favourite-works article.artwork-card", new() { HasText = work.Title });
        await Expect(favourite).ToBeVisibleAsync();
        await Expect(favourite.Locator("button.favourite")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Page.Locator("#favourites-status")).ToHaveTextAsync("");

        // The count is posted after the heart changes (a token fetched first on this fresh page): wait for
        // it before reloading, as a reload may cut a request that has not left yet.
        var uncounted = Page.WaitForResponseAsync(r => r.Url.EndsWith($"/oeuvres/{work.Id}/favori") && r.Status == 200);
        await favourite.Locator("button.favourite").ClickAsync();
        await Expect(favourite.Locator("button.favourite")).ToHaveAttributeAsync("aria-pressed", "false");
        await uncounted;
        await Page.ReloadAsync();
        await Expect(Page.Locator("#favourites-status")).ToHaveTextAsync(FavouritesTexts.Page.Empty);
        await Expect(Page.Locator("#favourite-works")).Not.ToBeAttachedAsync();

        // The header stays one row on the phone.
        var header = await Page.Locator(".site-header").BoundingBoxAsync();
        Assert.That(header!.Height, Is.LessThanOrEqualTo(64));

        await Counting.FlushAsync(App);
        var today = await Counting.TodayOfAsync(App, work.Id);
        Assert.That((today?.FavouritesAdded, today?.FavouritesRemoved), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task On_an_English_work_page_the_heart_posts_to_the_English_URL()
    {
        await UsePhoneAsync();
        var work = await Reporting.WorkAsync(App, "Favourite in English");
        await Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = Reporting.NewIp() });
        var englishPage = LocalizedPaths.For(work.Path, Languages.English);
        Assert.That(englishPage, Does.StartWith("/en/artworks/"));
        await Page.GotoAsync(englishPage);

        var heart = Page.Locator($"button.favourite[data-artwork-id='{work.Id}']").First;
        await Expect(heart).ToBeVisibleAsync();
        var posted = Page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await heart.ClickAsync();
        await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
        // The URL and status only: Playwright never delivers the body of a keepalive request (the answer's
        // language follows the URL's: FavouritesTests posts to both).
        var response = await posted;
        Assert.Multiple(() =>
        {
            Assert.That(new Uri(response.Url).AbsolutePath, Is.EqualTo($"/en/artworks/{work.Id}/favourite"), "the page's language");
            Assert.That(response.Status, Is.EqualTo(200));
        });

        await Counting.FlushAsync(App);
        Assert.That((await Counting.TodayOfAsync(App, work.Id))?.FavouritesAdded, Is.EqualTo(1));
    }
}
