using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// /oeuvres as a phone needs it: results first (filters closed), what is in force as chips that each
/// drop one filter, a heading that names what is shown, an empty result with ways out.
/// </summary>
public class BrowsingOnAPhoneTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Nbsp = "\u00A0";
    private string _word = "";
    private string _artistSlug = "";
    private string _artistName = "";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _word = Word();
        _artistName = "Chips " + _word;
        var (client, email) = await Accounts.NewArtistAsync(App, _artistName);
        client.Dispose();
        _artistSlug = await SlugOfAsync(App, email);
        await SeedArtworks.CreateAsync(App, email, $"Forêt {_word}", 150_000, category: "sculpture", heightCm: 120, widthCm: 40);
    }

    [Test]
    public async Task The_filters_stay_closed_and_each_active_filter_is_a_chip_whose_link_drops_only_it()
    {
        var url = $"/oeuvres?q={_word}&categorie=sculpture&artiste={_artistSlug}&prixMin=1000&prixMax=900000&taille=L&orientation=portrait&disponible=1";
        using var client = NewClient();
        var page = await client.GetPageAsync(url);

        Assert.That(page.QuerySelector("details.filters")!.HasAttribute("open"), Is.False, "filters closed even when in force");
        var chips = page.QuerySelectorAll("nav.active-filters a").Cast<IHtmlAnchorElement>().ToList();
        var given = Query(url);
        var dropped = chips.Select(a =>
        {
            var left = Query(a.GetAttribute("href")!);
            Assert.That(left.Keys, Is.SubsetOf(given.Keys), a.TextContent);
            Assert.That(left.All(p => given[p.Key] == p.Value), Is.True, "the other filters are kept as they were");
            return given.Keys.Except(left.Keys).Single();
        }).ToList();
        Assert.That(dropped, Is.EquivalentTo(new[] { "q", "categorie", "artiste", "prixMin", "prixMax", "taille", "orientation", "disponible" }));
        Assert.Multiple(() =>
        {
            Assert.That(chips.Select(a => a.TextContent), Has.Some.StartsWith($"«{Nbsp}{_word}{Nbsp}»"));
            Assert.That(chips.Select(a => a.TextContent), Has.Some.StartsWith($"Dès 1{Nbsp}000{Nbsp}FCFA".Replace($"1{Nbsp}000", "1\u202F000")));
            Assert.That(chips.Select(a => a.GetAttribute("aria-label")), Has.Some.EqualTo("Retirer le filtre Sculpture"));
            Assert.That(Titles(page), Is.EqualTo(new[] { $"Forêt {_word}" }));
        });
    }

    [Test]
    public async Task The_heading_title_and_description_name_what_is_shown()
    {
        using var client = NewClient();
        var category = await client.GetPageAsync("/oeuvres?categorie=sculpture");
        var search = await client.GetPageAsync("/oeuvres?q=" + _word);
        var artist = await client.GetPageAsync("/oeuvres?artiste=" + _artistSlug);
        var all = await client.GetPageAsync("/oeuvres");
        Assert.Multiple(() =>
        {
            Assert.That(H1(category), Is.EqualTo("Sculptures"));
            Assert.That(category.Title, Does.StartWith("Sculptures"));
            Assert.That(Description(category), Does.StartWith("Sculptures"));
            Assert.That(H1(search), Is.EqualTo($"Résultats pour «{Nbsp}{_word}{Nbsp}»"));
            Assert.That(search.Title, Does.StartWith($"Résultats pour «{Nbsp}{_word}{Nbsp}»"));
            Assert.That(H1(artist), Is.EqualTo("Œuvres de " + _artistName));
            Assert.That(artist.Title, Does.StartWith("Œuvres de " + _artistName));
            Assert.That(Description(artist), Does.StartWith("Œuvres de " + _artistName));
            Assert.That(H1(all), Is.EqualTo("Œuvres"));
        });
    }

    [Test]
    public async Task A_row_of_category_chips_links_each_category_that_has_works()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres?q={_word}");
        var chips = page.QuerySelectorAll("nav.category-chips a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(chips, Does.Contain($"/oeuvres?q={_word}&categorie=sculpture"), "a chip keeps the search");
        Assert.That(chips[0], Is.EqualTo($"/oeuvres?q={_word}"), "the first chip shows every category");
        Assert.That(page.QuerySelector("nav.category-chips a[aria-current=page]")!.GetAttribute("href"), Is.EqualTo(chips[0]));
    }

    [Test]
    public async Task An_empty_result_says_what_was_searched_and_offers_ways_out()
    {
        using var client = NewClient();
        // A word of its own: "rien" + this fixture's word is sometimes close enough to its artist's name
        // ("Chips …") for the search's artist-name match (trigram word similarity), and then finds works.
        var nothing = "rien" + Word();
        var page = await client.GetPageAsync($"/oeuvres?q={nothing}&categorie=sculpture&disponible=1");
        var empty = page.GetElementById("empty-state")
            ?? throw new AssertionException("no empty state; the page shows: " + string.Join(" | ", page.QuerySelectorAll("#results h2, .artwork-card h2, .artwork-card h3, h1").Select(e => e.TextContent.Trim())));
        Assert.Multiple(() =>
        {
            // What was searched, said once: in the h1, not again in the empty state's heading.
            Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain($"«{Nbsp}{nothing}{Nbsp}»"));
            Assert.That(empty.QuerySelector("h2")!.TextContent, Is.EqualTo(PosaX.Web.Features.Catalogue.CatalogueTexts.Browse.EmptyFor("x")));
            Assert.That(empty.QuerySelector("h2")!.TextContent, Does.Not.Contain($"{nothing}"));
            Assert.That(empty.QuerySelectorAll(".widen-list a").Select(a => a.GetAttribute("href")), Is.EquivalentTo(new[]
            {
                "/oeuvres?categorie=sculpture&disponible=1", $"/oeuvres?q={nothing}&disponible=1", $"/oeuvres?q={nothing}&categorie=sculpture",
            }));
            Assert.That(empty.QuerySelectorAll(".category-list a"), Is.Not.Empty, "popular categories");
            Assert.That(empty.QuerySelector("a[href='/oeuvres']"), Is.Not.Null);
        });
    }

    [Test]
    public async Task The_header_search_and_the_filters_are_search_landmarks_with_distinct_names()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/oeuvres");
        var names = page.QuerySelectorAll("[role=search]").Select(f => f.GetAttribute("aria-label")).ToList();
        Assert.That(names, Has.Count.EqualTo(2));
        Assert.That(names, Has.None.Null.And.None.Empty);
        Assert.That(names.Distinct().Count(), Is.EqualTo(2), string.Join(" | ", names));
    }

    [Test]
    public async Task A_minimum_above_the_maximum_is_swapped_and_said()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres?q={_word}&prixMin=300000&prixMax=100000");
        Assert.Multiple(() =>
        {
            Assert.That(Titles(page), Is.EqualTo(new[] { $"Forêt {_word}" }));
            Assert.That(page.GetElementById("prices-swapped"), Is.Not.Null);
            Assert.That(page.QuerySelectorAll("nav.active-filters a").Select(a => a.GetAttribute("href")),
                Does.Contain($"/oeuvres?q={_word}&prixMax=300000"), "dropping the (swapped) minimum keeps the maximum");
        });
    }

    [Test]
    public async Task A_misspelled_search_that_finds_nothing_suggests_a_close_name_on_PostgreSQL()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/oeuvres?q=scultpure");
        var suggestion = page.QuerySelector("#empty-state .suggestion a");
        if (Provider == DatabaseProvider.Postgres)
        {
            Assert.That(suggestion?.TextContent, Is.EqualTo($"Vouliez-vous dire «{Nbsp}Sculpture{Nbsp}»\u202F?"));
            Assert.That(suggestion!.GetAttribute("href"), Is.EqualTo("/oeuvres?q=Sculpture"));
        }
        else Assert.That(suggestion, Is.Null, "SQLite has no trigrams");
    }

    [Test]
    public async Task A_category_with_no_work_on_the_site_is_noindex_and_gets_no_chip()
    {
        var slug = "vide-" + _word;
        await App.WithDbAsync(async db =>
        {
            db.Categories.Add(new PosaX.Web.Data.Category { Slug = slug, Name = "Vide " + _word, SortOrder = 99 });
            return await db.SaveChangesAsync();
        });
        using var client = NewClient();
        var empty = await client.GetPageAsync("/oeuvres?categorie=" + slug);
        var sculpture = await client.GetPageAsync("/oeuvres?categorie=sculpture");
        Assert.Multiple(() =>
        {
            Assert.That(empty.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            Assert.That(sculpture.QuerySelector("meta[name=robots]")?.GetAttribute("content") ?? "", Does.Not.Contain("noindex"));
            Assert.That(sculpture.QuerySelectorAll("nav.category-chips a").Select(a => a.GetAttribute("href")), Has.None.Contains(slug));
        });
    }

    private static Dictionary<string, string> Query(string url) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static string H1(IHtmlDocument page) => page.QuerySelector("h1")!.TextContent.Trim();

    private static string Description(IHtmlDocument page) => page.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
}
