using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>The home page, /artistes and the artist page list public works and activated artists only.</summary>
public class ListingTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_home_page_shows_the_newest_works_the_categories_and_artists_but_no_hidden_work()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Accueil " + word);
        client.Dispose();
        var slug = await SlugOfAsync(App, email);
        var future = DateTime.UtcNow.AddDays(1); // newest of the whole shared database
        await SeedArtworks.CreateAsync(App, email, $"Nouvelle {word}", images: 1, createdAt: future);
        await SeedArtworks.CreateAsync(App, email, $"Masquée {word}", images: 0, createdAt: future.AddMinutes(1), hidden: true);

        using var visitor = NewClient();
        var page = await visitor.GetPageAsync("/");
        var hero = page.QuerySelectorAll("#hero .hero-works__title").Select(t => t.TextContent.Trim()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(hero, Does.Contain($"Nouvelle {word}"), "the newest work with a photo is in the hero");
            Assert.That(hero.Concat(Titles(page, "#latest-works")), Has.None.EqualTo($"Masquée {word}"));
            Assert.That(page.QuerySelectorAll("#categories a").Select(a => a.GetAttribute("href")), Does.Contain("/oeuvres?categorie=peinture"));
            Assert.That(page.QuerySelectorAll("#home-artists a").Select(a => a.GetAttribute("href")), Does.Contain("/artistes/" + slug));
            // The hero's first two pictures are in a phone's first screen; the cards below it load lazily.
            Assert.That(page.QuerySelectorAll("#hero li:nth-child(-n+2) img").Select(i => i.GetAttribute("loading")), Is.All.EqualTo("eager"));
            Assert.That(page.QuerySelectorAll("#hero li:nth-child(n+3) img, #latest-works img").Select(i => i.GetAttribute("loading")), Is.All.EqualTo("lazy"));
            Assert.That(page.QuerySelectorAll("#how-it-works ol > li"), Has.Length.EqualTo(3));
            Assert.That(page.GetElementById("how-it-works")!.TextContent, Does.Contain("WhatsApp").And.Contain("aucun paiement"));
            Assert.That(page.QuerySelectorAll("h1"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task The_artists_page_lists_artists_with_a_public_work_and_their_number_of_public_works()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Liste " + word);
        client.Dispose();
        await SeedArtworks.CreateAsync(App, email, $"Une {word}", images: 0, createdAt: DateTime.UtcNow.AddDays(2));
        await SeedArtworks.CreateAsync(App, email, $"Deux {word}", images: 0, createdAt: DateTime.UtcNow.AddDays(2));
        await SeedArtworks.CreateAsync(App, email, $"Cachée {word}", images: 0, hidden: true);
        var (empty, emptyEmail) = await Accounts.NewArtistAsync(App, "Aaaa Vide " + word);
        empty.Dispose();
        var (onlyHidden, onlyHiddenEmail) = await Accounts.NewArtistAsync(App, "Aaaa Masquée " + word);
        onlyHidden.Dispose();
        await SeedArtworks.CreateAsync(App, onlyHiddenEmail, $"Seule cachée {word}", images: 0, hidden: true, createdAt: DateTime.UtcNow.AddDays(2));
        using var visitor = NewClient();
        var inactive = NewEmail();
        Assert.That((await visitor.RegisterAsync(inactive, "Inactif " + word)).Success, Is.True);

        var page = await visitor.GetPageAsync("/artistes");
        // Other tests register artists under the same default name: look up this test's own, unique ones.
        var items = page.QuerySelectorAll("#artists .artist-item")
            .Select(li => (Name: li.QuerySelector(".artist-item__name")!.TextContent.Trim(), Count: li.QuerySelector(".artist-item__count")!.TextContent.Trim()))
            .Where(i => i.Name.EndsWith(word, StringComparison.Ordinal))
            .ToDictionary(i => i.Name, i => i.Count);
        Assert.Multiple(() =>
        {
            Assert.That(items[$"Liste {word}"], Is.EqualTo("2 œuvres"));
            Assert.That(items.Keys, Has.None.EqualTo($"Aaaa Vide {word}"), "no work: not listed");
            Assert.That(items.Keys, Has.None.EqualTo($"Aaaa Masquée {word}"), "only a hidden work: not listed");
            Assert.That(items.Keys, Has.None.EqualTo($"Inactif {word}"));
            Assert.That(page.QuerySelector("meta[name=description]")?.GetAttribute("content")?.Length, Is.InRange(50, 160));
        });
        // Not listed, but a direct link still answers.
        await visitor.GetPageAsync("/artistes/" + await SlugOfAsync(App, emptyEmail));
        var xml = await Seo.ArtistSitemaps.AllTextAsync(visitor);
        Assert.That(xml, Does.Contain("/artistes/" + await SlugOfAsync(App, email)));
        Assert.That(xml, Does.Not.Contain("/artistes/" + await SlugOfAsync(App, emptyEmail) + "<"), "no work: not in the sitemap");
    }

    [Test]
    public async Task An_account_that_is_only_an_admin_is_never_a_public_artist()
    {
        var email = NewEmail("admin");
        Assert.That(await PosaX.Web.Features.Admin.AdminCommands.CreateAdminAsync(App.Services,
            ["create-admin", "--email", email, "--password", "une phrase de passe d'administration"], TextWriter.Null), Is.Zero);
        var slug = await SlugOfAsync(App, email);
        using var visitor = NewClient();

        using var page = await visitor.Http.GetAsync("/artistes/" + slug);
        Assert.That(page.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That((await visitor.GetPageAsync("/artistes")).QuerySelectorAll($"a[href='/artistes/{slug}']"), Is.Empty);

        // An admin who also publishes is an artist like any other.
        await SeedArtworks.CreateAsync(App, email, "Œuvre d'admin " + Word(), images: 0);
        await visitor.GetPageAsync("/artistes/" + slug);
    }

    [Test]
    public async Task The_artist_page_shows_their_public_works_as_cards()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Galerie " + word);
        client.Dispose();
        var slug = await SlugOfAsync(App, email);
        var id = await SeedArtworks.CreateAsync(App, email, $"Visible {word}", images: 1);
        await SeedArtworks.CreateAsync(App, email, $"Cachée {word}", images: 0, hidden: true);

        using var visitor = NewClient();
        var page = await visitor.GetPageAsync("/artistes/" + slug);
        Assert.That(Titles(page, "#artist-works"), Is.EqualTo(new[] { $"Visible {word}" }));
        Assert.That(page.QuerySelector("#artist-works a")?.GetAttribute("href"), Is.EqualTo($"/oeuvres/{id}/visible-{word}"));
    }

    [Test]
    public async Task Every_public_page_has_a_unique_title_and_a_description_of_50_to_160_characters()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Titres " + word);
        client.Dispose();
        var slug = await SlugOfAsync(App, email);
        var id = await SeedArtworks.CreateAsync(App, email, $"Titre {word}", images: 0);
        using var visitor = NewClient();
        var titles = new List<string>();
        foreach (var url in new[] { "/", "/oeuvres", "/oeuvres?categorie=sculpture", "/artistes", "/artistes/" + slug, $"/oeuvres/{id}/titre-{word}" })
        {
            var page = await visitor.GetPageAsync(url);
            titles.Add(page.Title ?? "");
            Assert.That(page.QuerySelector("meta[name=description]")?.GetAttribute("content")?.Length, Is.InRange(50, 160), url);
            Assert.That(page.QuerySelectorAll("[style]"), Is.Empty, url);
            Assert.That(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"), Is.Empty, url);
        }
        Assert.That(titles, Is.Unique);
    }
}
