using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

public class SearchTests(DatabaseProvider provider) : AppTest(provider)
{
    private string _word = "";
    private string _surname = "";
    private string Forest => $"Forêt d'ébène {_word}";
    private string Market => $"Marché du soir {_word}";
    private string Vase => $"Vase {_word}";

    [OneTimeSetUp]
    public async Task CreateWorksAsync()
    {
        _word = Word();
        _surname = Word(10);
        var (client, email) = await Accounts.NewArtistAsync(App, $"Mbarga {Capitalised(_surname)}");
        client.Dispose();
        var t = DateTime.UtcNow;
        await SeedArtworks.CreateAsync(App, email, Forest, description: "Acrylique sur toile, la forêt au crépuscule.", images: 0, createdAt: t.AddMinutes(-3));
        await SeedArtworks.CreateAsync(App, email, Market, description: "Peint au marché Mokolo de **Yaoundé**.", images: 0, createdAt: t.AddMinutes(-2));
        await SeedArtworks.CreateAsync(App, email, Vase, category: "ceramique", images: 0, createdAt: t.AddMinutes(-1));
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private async Task<string[]> SearchAsync(string q)
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/oeuvres?q=" + Uri.EscapeDataString(q));
        return Titles(page, "#catalogue-results");
    }

    [Test]
    public async Task Foret_ebene_without_accents_finds_Foret_d_ebene() =>
        Assert.That(await SearchAsync($"foret ebene {_word}"), Is.EqualTo(new[] { Forest }));

    [Test]
    public async Task An_upper_case_accented_query_finds_the_same_work() =>
        Assert.That(await SearchAsync($"FORÊT {_word.ToUpperInvariant()}"), Is.EqualTo(new[] { Forest }));

    [Test]
    public async Task Yaounde_finds_a_work_whose_description_says_Yaounde() =>
        Assert.That(await SearchAsync($"yaounde {_word}"), Is.EqualTo(new[] { Market }));

    [Test]
    public async Task The_artists_name_finds_their_works() =>
        Assert.That(await SearchAsync($"mbarga {Capitalised(_surname)}"), Is.EqualTo(new[] { Vase, Market, Forest }));

    [Test]
    public async Task A_category_name_finds_its_works() =>
        Assert.That(await SearchAsync($"Céramique {_word}"), Is.EqualTo(new[] { Vase }));

    [Test]
    public async Task A_category_s_English_name_finds_its_works_on_pages_of_either_language()
    {
        // The works' search text holds the categories' French names only ("Céramique", "Peinture").
        using var client = NewClient();
        async Task<string[]> English(string q) =>
            Titles(await client.GetPageAsync("/en/artworks?q=" + Uri.EscapeDataString(q)), "#catalogue-results");
        var paintings = await English($"paintings {_word}");
        var ceramics = await SearchAsync($"Ceramics {_word}");
        var paintingInYaounde = await English($"painting yaounde {_word}");
        var ceramicsInYaounde = await English($"ceramics yaounde {_word}");
        Assert.Multiple(() =>
        {
            Assert.That(paintings, Is.EqualTo(new[] { Market, Forest }));
            Assert.That(ceramics, Is.EqualTo(new[] { Vase }), "the same on a French page: results never depend on the page's language");
            Assert.That(paintingInYaounde, Is.EqualTo(new[] { Market }), "the other words are still required");
            Assert.That(ceramicsInYaounde, Is.Empty);
        });
    }

    [Test]
    public async Task Every_word_must_match() =>
        Assert.That(await SearchAsync($"yaounde ebene {_word}"), Is.Empty);

    [Test]
    public async Task A_query_with_only_punctuation_lists_everything_instead_of_failing()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/oeuvres?q=%27%22%25_%5C*");
        Assert.That(page.QuerySelector("#catalogue-q")?.GetAttribute("value"), Is.Null.Or.Empty);
    }

    [Test]
    public async Task A_search_counts_up_to_a_hundred_works_and_a_listing_counts_them_all()
    {
        // 150 old works of a new artist, each with a word of their own; removed at the end.
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Lot " + Capitalised(Word()));
        client.Dispose();
        var slug = await SlugOfAsync(App, email);
        await App.WithDbAsync(async db =>
        {
            var artist = await db.Users.SingleAsync(u => u.Email == email);
            var old = DateTime.UtcNow.AddYears(-3);
            for (var i = 0; i < 150; i++)
                db.Artworks.Add(new Artwork
                {
                    ArtistId = artist.Id, Title = $"Lot {word} {i}", Slug = $"lot-{word}-{i}", Price = 10_000 + i, CategoryId = 1,
                    HeightCm = 50, WidthCm = 40, Orientation = Orientation.Portrait, SizeClass = SizeClass.M, Status = ArtworkStatus.Available,
                    SearchText = ArtworkDerivedFields.SearchText($"Lot {word} {i}", null, "Peinture", null, artist.DisplayName),
                    CreatedAt = old.AddMinutes(-i), UpdatedAt = old,
                });
            return await db.SaveChangesAsync();
        });
        try
        {
            using var visitor = NewClient();
            var search = await visitor.GetPageAsync("/oeuvres?q=" + word);
            var next = search.GetElementById("next-page")?.GetAttribute("href") ?? throw new AssertionException("No #next-page.");
            var secondPage = await visitor.GetPageAsync(next);
            var narrowed = await visitor.GetPageAsync($"/oeuvres?q={word}&prixMax=10040");
            var listing = await visitor.GetPageAsync("/oeuvres?artiste=" + slug);
            var listingByPrice = await visitor.GetPageAsync($"/oeuvres?artiste={slug}&tri=prix-desc");

            Assert.Multiple(() =>
            {
                Assert.That(ResultCount(search), Is.EqualTo("Plus de 100 œuvres"));
                // Newest first: "Lot … 0" was created last. The page's cards come in the walk's order.
                Assert.That(Titles(search, "#catalogue-results"), Is.EqualTo(Enumerable.Range(0, ArtworkSearch.PageSize).Select(i => $"Lot {word} {i}")));
                Assert.That(ResultCount(secondPage), Is.EqualTo("Plus de 100 œuvres"));
                Assert.That(Titles(secondPage, "#catalogue-results"), Is.EqualTo(Enumerable.Range(ArtworkSearch.PageSize, ArtworkSearch.PageSize).Select(i => $"Lot {word} {i}")));
                // Under the cap, a search's total is exact.
                Assert.That(ResultCount(narrowed), Is.EqualTo("41 œuvres"));
                Assert.That(ResultCount(listing), Is.EqualTo("150 œuvres"));
                Assert.That(ResultCount(listingByPrice), Is.EqualTo("150 œuvres"));
            });
        }
        finally
        {
            await App.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith("Lot " + word + " ")).ExecuteDeleteAsync());
        }
    }

    [Test]
    public async Task Filters_that_few_works_pass_still_find_every_work_in_order_past_a_long_walk()
    {
        // 4,200 works at a price of their own, then 80 large ones and 30 square ones older than all of
        // them; one in 84 of the 4,200 is large too: whatever PostgreSQL reads first (a walk, a window,
        // every match: ArtworkSearch.IdsAsync), the pages are every match in order. Windows and walks on
        // fresh statistics: PostgresCatalogueTests.
        const long price = 987_654_321;
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Pile " + Capitalised(Word()));
        client.Dispose();
        var old = DateTime.UtcNow.AddYears(-2);
        var works = new List<(string Title, SizeClass Size, Orientation Orientation, DateTime CreatedAt)>();
        for (var i = 0; i < 4_200; i++) works.Add(($"Pile {word} {i}", i % 84 == 0 ? SizeClass.L : SizeClass.M, Orientation.Portrait, old.AddMinutes(-i)));
        for (var i = 0; i < 80; i++) works.Add(($"Pile {word} grande {i}", SizeClass.L, Orientation.Portrait, old.AddDays(-10).AddMinutes(-i)));
        for (var i = 0; i < 30; i++) works.Add(($"Pile {word} carrée {i}", SizeClass.M, Orientation.Square, old.AddDays(-20).AddMinutes(-i)));
        await App.WithDbAsync(async db =>
        {
            var artist = await db.Users.SingleAsync(u => u.Email == email);
            foreach (var (title, size, orientation, createdAt) in works)
                db.Artworks.Add(new Artwork
                {
                    ArtistId = artist.Id, Title = title, Slug = "pile-" + Guid.NewGuid().ToString("N")[..12], Price = price, CategoryId = 1,
                    HeightCm = 50, WidthCm = 50, Orientation = orientation, SizeClass = size, Status = ArtworkStatus.Available,
                    SearchText = ArtworkDerivedFields.SearchText(title, null, "Peinture", null, artist.DisplayName),
                    CreatedAt = createdAt, UpdatedAt = createdAt,
                });
            return await db.SaveChangesAsync();
        });
        try
        {
            using var visitor = NewClient();
            var large = await visitor.GetPageAsync($"/oeuvres?prixMin={price}&prixMax={price}&taille=L");
            var square = await visitor.GetPageAsync($"/oeuvres?prixMin={price}&prixMax={price}&orientation=carre");
            var largeNext = large.GetElementById("next-page")?.GetAttribute("href") ?? throw new AssertionException("No #next-page.");
            var largeSecond = await visitor.GetPageAsync(largeNext);

            var largeTitles = works.Where(w => w.Size == SizeClass.L).Select(w => w.Title).ToList();
            var squareTitles = works.Where(w => w.Orientation == Orientation.Square).Select(w => w.Title).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(ResultCount(large), Is.EqualTo("Plus de 100 œuvres"));
                Assert.That(Titles(large, "#catalogue-results"), Is.EqualTo(largeTitles.Take(ArtworkSearch.PageSize)));
                Assert.That(Titles(largeSecond, "#catalogue-results"), Is.EqualTo(largeTitles.Skip(ArtworkSearch.PageSize).Take(ArtworkSearch.PageSize)));
                Assert.That(ResultCount(square), Is.EqualTo("30 œuvres"));
                Assert.That(Titles(square, "#catalogue-results"), Is.EqualTo(squareTitles.Take(ArtworkSearch.PageSize)));
            });
        }
        finally
        {
            await App.WithDbAsync(db => db.Artworks.Where(a => a.Price == price).ExecuteDeleteAsync());
        }
    }
}
