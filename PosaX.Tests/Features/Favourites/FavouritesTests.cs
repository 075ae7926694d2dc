using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Features.Favourites;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;
using static PosaX.Tests.Features.Statistics.Counting;
using Reporting = PosaX.Tests.Features.Catalogue.Reporting;

namespace PosaX.Tests.Features.Favourites;

/// <summary>Hearts without an account: the buttons on cached pages, POST /oeuvres/{id}/favori, and /favoris.</summary>
public class FavouritesTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_cached_work_page_and_the_cards_carry_a_heart_hidden_until_the_script_shows_its_state()
    {
        var work = await Reporting.WorkAsync(App, "Cœur");
        using var visitor = Visitor(App);
        await visitor.GetPageAsync(work.Path);
        var page = await visitor.GetPageAsync(work.Path); // from the output cache
        var heart = page.QuerySelector($".work-info button.favourite[data-artwork-id='{work.Id}']");
        Assert.That(heart, Is.Not.Null, "a heart on the work page");
        Assert.Multiple(() =>
        {
            Assert.That(heart!.GetAttribute("aria-pressed"), Is.EqualTo("false"), "the page is the same for everyone: the script applies the state");
            Assert.That(heart.HasAttribute("hidden"), Is.True, "hidden without JavaScript");
            Assert.That(heart.GetAttribute("type"), Is.EqualTo("button"));
            Assert.That(heart.GetAttribute("aria-label"), Is.EqualTo(ComponentTexts.Favourite));
            Assert.That(page.QuerySelector("input[name=__RequestVerificationToken]"), Is.Null, "still a cacheable page: no token");
            Assert.That(page.QuerySelector("header a[href='/favoris']")?.GetAttribute("aria-label"), Is.EqualTo("Mes favoris"));
        });

        var list = await visitor.GetPageAsync("/oeuvres");
        var cards = list.QuerySelectorAll("#catalogue-results article.artwork-card");
        Assert.That(cards, Is.Not.Empty);
        foreach (var card in cards)
        {
            var button = card.QuerySelector("button.favourite[data-artwork-id][aria-pressed=false][hidden]");
            Assert.That(button, Is.Not.Null, card.OuterHtml[..Math.Min(200, card.OuterHtml.Length)]);
            Assert.That(button!.Closest("a"), Is.Null, "a button outside the card's link");
        }
    }

    [Test]
    public async Task Each_page_carries_the_count_URL_of_its_language_once_and_the_English_one_answers_in_English()
    {
        var work = await Reporting.WorkAsync(App, "Cœur bilingue");
        using var visitor = Visitor(App);
        var english = LocalizedPaths.For(work.Path, PosaX.Web.Infrastructure.Text.Languages.English);
        // One template a page (favourites.js fills in the heart's data-artwork-id), not a URL on each card.
        string HeartUrl(AngleSharp.Html.Dom.IHtmlDocument page)
        {
            var heart = page.QuerySelector($".work-info button.favourite[data-artwork-id='{work.Id}']");
            Assert.That(page.QuerySelectorAll("[data-toggle-url]"), Is.Empty, "no URL per heart");
            Assert.That(page.Body!.GetAttribute("data-favourite-url"), Does.Contain("{id}"));
            return page.Body!.GetAttribute("data-favourite-url")!.Replace("{id}", heart?.GetAttribute("data-artwork-id"), StringComparison.Ordinal);
        }
        var frenchUrl = HeartUrl(await visitor.GetPageAsync(work.Path));
        var englishUrl = HeartUrl(await visitor.GetPageAsync(english));
        Assert.Multiple(() =>
        {
            Assert.That(frenchUrl, Is.EqualTo($"/oeuvres/{work.Id}/favori"));
            Assert.That(englishUrl, Is.EqualTo($"/en/artworks/{work.Id}/favourite"));
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, englishUrl) { Content = new FormUrlEncodedContent([new("state", "on")]) };
        request.Headers.Add("RequestVerificationToken", await TokenAsync(visitor));
        request.Headers.Accept.ParseAdd("application/json");
        var reply = await AppClient.ReadAjaxAsync(await visitor.Http.SendAsync(request));
        string added;
        using (PosaX.Web.Infrastructure.Text.Languages.Use(PosaX.Web.Infrastructure.Text.Languages.English)) added = FavouritesTexts.Added;
        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.OK, true, added)));
        Assert.That(added, Is.Not.EqualTo(FavouritesTexts.Added), "a text of its own in English");
    }

    [Test]
    public async Task Each_on_and_off_counts_once_toward_the_works_favourites_of_the_day()
    {
        var work = await Reporting.WorkAsync(App, "Favori");
        using var visitor = Visitor(App);
        var token = await TokenAsync(visitor);

        var on = await FavouriteAsync(visitor, work.Id, "on", token);
        Assert.That((on.Status, on.Success, on.Message), Is.EqualTo((HttpStatusCode.OK, true, FavouritesTexts.Added)));
        Assert.That(on.Response.Headers.CacheControl?.NoStore, Is.True);
        var off = await FavouriteAsync(visitor, work.Id, "off", token);
        Assert.That((off.Status, off.Success, off.Message), Is.EqualTo((HttpStatusCode.OK, true, FavouritesTexts.Removed)));
        Assert.That((await FavouriteAsync(visitor, work.Id, "on", token)).Success, Is.True);
        using (var other = Visitor(App)) Assert.That((await FavouriteAsync(other, work.Id, "on")).Success, Is.True);

        Assert.That(await TodayOfAsync(App, work.Id), Is.Null, "kept in memory until the batch is written");
        await FlushAsync(App);
        var today = await TodayOfAsync(App, work.Id);
        Assert.That((today?.FavouritesAdded, today?.FavouritesRemoved, today?.Views), Is.EqualTo((3, 1, 0)));
    }

    [TestCase("")]
    [TestCase("yes")]
    [TestCase("ON ")]
    public async Task A_state_other_than_on_or_off_is_400_with_its_field_error_and_counts_nothing(string state)
    {
        var work = await Reporting.WorkAsync(App, "Etat");
        using var visitor = Visitor(App);

        var reply = await FavouriteAsync(visitor, work.Id, state);

        Assert.That((reply.Status, reply.Success), Is.EqualTo((HttpStatusCode.BadRequest, false)));
        Assert.That(reply.ErrorsFor("state"), Is.EqualTo(new[] { FavouritesTexts.BadState }));
        await FlushAsync(App);
        Assert.That(await TodayOfAsync(App, work.Id), Is.Null);
    }

    [Test]
    public async Task A_hidden_or_unknown_work_is_404_and_a_post_without_token_is_400()
    {
        var hidden = await Reporting.WorkAsync(App, "Cachée", hidden: true);
        var visible = await Reporting.WorkAsync(App, "Visible");
        using var visitor = Visitor(App);

        var reply = await FavouriteAsync(visitor, hidden.Id, "on");
        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.NotFound, false, FavouritesTexts.NotOnSite)));
        Assert.That((await FavouriteAsync(visitor, long.MaxValue - 7, "on")).Status, Is.EqualTo(HttpStatusCode.NotFound));

        var forged = await FavouriteAsync(visitor, visible.Id, "on", token: "not-a-token");
        Assert.That((forged.Status, forged.Success, forged.Message), Is.EqualTo((HttpStatusCode.BadRequest, false, InfrastructureTexts.Ajax.SessionExpired)));
        using var get = await visitor.Http.GetAsync($"/oeuvres/{visible.Id}/favori");
        Assert.That(get.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK).And.Not.EqualTo(HttpStatusCode.InternalServerError));

        await FlushAsync(App);
        Assert.That(await TodayOfAsync(App, hidden.Id), Is.Null);
        Assert.That(await TodayOfAsync(App, visible.Id), Is.Null);
    }

    [Test]
    public async Task Past_the_limit_per_client_the_heart_answers_429_with_Retry_After()
    {
        var work = await Reporting.WorkAsync(App, "Limite");
        var limit = App.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.FavouritesPerIpPerHour;
        using var visitor = Visitor(App);
        var token = await TokenAsync(visitor);
        for (var i = 0; i < limit; i++)
        {
            var reply = await FavouriteAsync(visitor, work.Id, i % 2 == 0 ? "on" : "off", token);
            Assert.That(reply.Success, Is.True, $"post {i + 1}: {reply.Message}");
        }

        var refused = await FavouriteAsync(visitor, work.Id, "on", token);

        Assert.That((refused.Status, refused.Success), Is.EqualTo((HttpStatusCode.TooManyRequests, false)));
        Assert.That(int.Parse(refused.Response.Headers.GetValues("Retry-After").Single()), Is.InRange(1, 3600));
        using (var someoneElse = Visitor(App)) Assert.That((await FavouriteAsync(someoneElse, work.Id, "on")).Success, Is.True, "another client is not limited");
        await FlushAsync(App);
        var today = await TodayOfAsync(App, work.Id);
        Assert.That(today!.FavouritesAdded + today.FavouritesRemoved, Is.EqualTo(limit + 1), "the refused post counts nothing");
    }

    [Test]
    public async Task The_favourites_page_is_noindex_and_renders_the_given_works_sold_and_gone_ones_as_such()
    {
        var available = await Reporting.WorkAsync(App, "Disponible");
        var hidden = await Reporting.WorkAsync(App, "Retirée", hidden: true);
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var soldTitle = "Vendue " + Guid.NewGuid().ToString("N")[..6];
        var sold = await SeedArtworks.CreateAsync(App, email, soldTitle, status: ArtworkStatus.Sold);
        using var visitor = Visitor(App);

        var shell = await visitor.GetPageAsync("/favoris");
        Assert.Multiple(() =>
        {
            Assert.That(shell.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            Assert.That(shell.GetElementById("favourites")?.GetAttribute("data-cards-url"), Is.EqualTo(FavouriteCardsModel.Path));
            Assert.That(shell.GetElementById("favourites")?.GetAttribute("data-text-empty"), Is.EqualTo(FavouritesTexts.Page.Empty));
            Assert.That(shell.QuerySelector("script[src*='favourites-page']"), Is.Not.Null);
        });

        using var response = await visitor.Http.GetAsync($"{FavouriteCardsModel.Path}?ids={hidden.Id},{sold},x,-4,{available.Id},{sold}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Robots-Tag").Single(), Is.EqualTo("noindex"));
        var cards = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var items = cards.QuerySelectorAll("#favourite-works > li");
        Assert.That(items.Select(i => i.GetAttribute("data-favourite")), Is.EqualTo(new[] { $"{hidden.Id}", $"{sold}", $"{available.Id}" }), "in the device's order, once each");
        Assert.Multiple(() =>
        {
            Assert.That(items[0].HasAttribute("data-gone"), Is.True);
            Assert.That(items[0].TextContent, Does.Contain(FavouritesTexts.Page.Gone).And.Not.Contain(hidden.Title), "nothing of a hidden work shows");
            Assert.That(items[0].QuerySelector($"button.favourite[data-artwork-id='{hidden.Id}']"), Is.Not.Null, "its heart, to remove it");
            Assert.That(items[1].QuerySelector(".artwork-card__title")?.TextContent, Is.EqualTo(soldTitle));
            Assert.That(items[1].QuerySelector(".badge--sold")?.TextContent, Is.EqualTo(ComponentTexts.Sold));
            Assert.That(items[1].TextContent, Does.Contain(FavouritesTexts.Page.SoldNote));
            Assert.That(items[2].QuerySelector(".artwork-card__title")?.TextContent, Is.EqualTo(available.Title));
            Assert.That(items[2].QuerySelector($"button.favourite[data-artwork-id='{available.Id}']"), Is.Not.Null);
        });

        // At most 100 ids are looked at.
        var many = string.Join(",", Enumerable.Range(1, 150).Select(i => long.MaxValue - i));
        var capped = await visitor.GetPageAsync($"{FavouriteCardsModel.Path}?ids={many}");
        Assert.That(capped.QuerySelectorAll("#favourite-works > li"), Has.Length.EqualTo(FavouritesFeature.MaxFavourites));
        var none = await visitor.GetPageAsync(FavouriteCardsModel.Path);
        Assert.That(none.QuerySelectorAll("#favourite-works > li"), Is.Empty);
    }
}
