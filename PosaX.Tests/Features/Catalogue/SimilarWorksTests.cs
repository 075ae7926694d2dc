using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// A work page's "similar works" come from the category's newest works, kept in the output cache's
/// store under the catalogue tag, merged with the artist's newest only when one of those is recent
/// enough (ArtworkSearch.SimilarAsync, issue 17). What a visitor sees must not differ from one query
/// over both: the newest of the category or the artist, never the work itself nor a hidden work,
/// and a change shows at once.
/// </summary>
public class SimilarWorksTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<string> ArtistAsync(string name)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, name);
        client.Dispose();
        return email;
    }

    private Task<string> SlugAsync(long id) => App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());

    [Test]
    public async Task An_artists_new_work_in_another_category_shows_and_an_old_one_gives_way_to_the_categorys_newest()
    {
        var word = Word();
        var artist = await ArtistAsync("Proche " + word);
        var other = await ArtistAsync("Voisin " + word);
        await SeedArtworks.CreateAsync(App, artist, $"Ancienne {word}", category: "textile", images: 0, createdAt: DateTime.UtcNow.AddYears(-5));
        var main = await SeedArtworks.CreateAsync(App, artist, $"Principale {word}", category: "gravure", images: 0);
        for (var i = 1; i <= 4; i++)
            await SeedArtworks.CreateAsync(App, other, $"Gravure {i} {word}", category: "gravure", images: 0);
        await SeedArtworks.CreateAsync(App, artist, $"Nouvelle {word}", category: "textile", images: 0);

        using var visitor = NewClient();
        var similar = Titles(await visitor.GetPageAsync($"/oeuvres/{main}/{await SlugAsync(main)}"), "#similar-works");
        Assert.That(similar, Has.Length.EqualTo(4));
        Assert.That(similar[0], Is.EqualTo($"Nouvelle {word}"), "the artist's newest, newer than the category's");
        Assert.That(similar[1..], Is.EqualTo(new[] { $"Gravure 4 {word}", $"Gravure 3 {word}", $"Gravure 2 {word}" }));
        Assert.That(similar, Has.None.EqualTo($"Ancienne {word}").And.None.EqualTo($"Principale {word}"));
    }

    [Test]
    public async Task A_change_to_a_similar_work_shows_on_the_page_at_once_and_a_hidden_one_leaves_it()
    {
        var word = Word();
        var artist = await ArtistAsync("Changeante " + word);
        var neighbour = await SeedArtworks.CreateAsync(App, artist, $"Voisine {word}", category: "sculpture", images: 0);
        var main = await SeedArtworks.CreateAsync(App, artist, $"Centre {word}", category: "sculpture", images: 0);
        var url = $"/oeuvres/{main}/{await SlugAsync(main)}";

        using var visitor = NewClient();
        Assert.That(Titles(await visitor.GetPageAsync(url), "#similar-works"), Does.Contain($"Voisine {word}"));
        // A category's newest works are now cached, and so is the page: both must follow the data.
        Assert.That(Titles(await visitor.GetPageAsync(url), "#similar-works"), Does.Contain($"Voisine {word}"));

        await App.WithDbAsync(async db =>
        {
            (await db.Artworks.SingleAsync(a => a.Id == neighbour)).Title = $"Renommée {word}";
            return await db.SaveChangesAsync();
        });
        var renamed = Titles(await visitor.GetPageAsync(url), "#similar-works");
        Assert.That(renamed, Does.Contain($"Renommée {word}").And.No.EqualTo($"Voisine {word}"));

        await App.WithDbAsync(async db =>
        {
            var work = await db.Artworks.SingleAsync(a => a.Id == neighbour);
            work.HiddenAt = DateTime.UtcNow;
            work.HiddenReason = "test";
            return await db.SaveChangesAsync();
        });
        Assert.That(Titles(await visitor.GetPageAsync(url), "#similar-works"), Has.None.Contain(word));
    }

    [Test]
    public async Task A_sold_work_offers_available_works_only_the_artists_newest_among_them()
    {
        var word = Word();
        var artist = await ArtistAsync("Vendeuse " + word);
        var main = await SeedArtworks.CreateAsync(App, artist, $"Partie {word}", category: "photographie", images: 0, status: ArtworkStatus.Sold);
        await SeedArtworks.CreateAsync(App, artist, $"Réservée {word}", category: "textile", images: 0, status: ArtworkStatus.Reserved);
        await SeedArtworks.CreateAsync(App, artist, $"Disponible {word}", category: "textile", images: 0);
        await SeedArtworks.CreateAsync(App, artist, $"Aussi vendue {word}", category: "photographie", images: 0, status: ArtworkStatus.Sold);

        using var visitor = NewClient();
        var similar = Titles(await visitor.GetPageAsync($"/oeuvres/{main}/{await SlugAsync(main)}"), "#similar-works");
        Assert.That(similar[0], Is.EqualTo($"Disponible {word}"));
        Assert.That(similar, Has.None.EqualTo($"Réservée {word}").And.None.EqualTo($"Aussi vendue {word}").And.None.EqualTo($"Partie {word}"));
    }
}
