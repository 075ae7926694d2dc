using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// What the catalogue does on PostgreSQL only: misspelled artist names still match (trigrams), a
/// text search uses the search vector's GIN index, a deep page walks the date index. SQLite has
/// none of these, so they live here rather than being skipped in the SQLite fixtures.
/// </summary>
public class PostgresCatalogueTests : PostgresAppTest
{
    private string _word = "";
    private string _surname = "";
    private Guid _artistId;
    private string Forest => $"Forêt d'ébène {_word}";
    private string Market => $"Marché du soir {_word}";
    private string Vase => $"Vase {_word}";

    [OneTimeSetUp]
    public async Task CreateWorksAsync()
    {
        _word = Word();
        _surname = Word(10);
        var (client, email) = await Accounts.NewArtistAsync(App, $"Mbarga {char.ToUpperInvariant(_surname[0])}{_surname[1..]}");
        client.Dispose();
        _artistId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var t = DateTime.UtcNow;
        await SeedArtworks.CreateAsync(App, email, Forest, description: "Acrylique sur toile, la forêt au crépuscule.", images: 0, createdAt: t.AddMinutes(-3));
        await SeedArtworks.CreateAsync(App, email, Market, images: 0, createdAt: t.AddMinutes(-2));
        await SeedArtworks.CreateAsync(App, email, Vase, category: "ceramique", images: 0, createdAt: t.AddMinutes(-1));
    }

    [Test]
    public async Task A_misspelled_artist_name_still_finds_the_works()
    {
        // One letter doubled, as in "ngonno" for "Ngono".
        var misspelled = _surname[..4] + _surname[3] + _surname[4..];
        using var client = NewClient();
        var page = await client.GetPageAsync("/oeuvres?q=" + Uri.EscapeDataString(misspelled));
        Assert.That(Titles(page, "#catalogue-results"), Is.SupersetOf(new[] { Vase, Market, Forest }));
    }

    [Test]
    public async Task A_misspelled_name_close_to_more_artists_than_are_kept_keeps_the_closest_ones()
    {
        // A misspelled name (one letter doubled) close to 21 artists' names: 20 whose name also ends
        // differently, then the one whose name it misspells, created last. Only the 20 closest names
        // add their works (none of which holds the misspelled word), so the last artist's is one of them.
        var surname = Word(14);
        var misspelled = surname[..4] + surname[3] + surname[4..];
        string Named(string word) => $"Tchana {char.ToUpperInvariant(word[0])}{word[1..]}";
        var others = new List<string>();
        for (var i = 0; i < ArtworkSearch.ArtistsMatchedByName; i++)
        {
            var (artist, artistEmail) = await Accounts.NewArtistAsync(App, Named(surname[..^1] + "aeiou"[i % 5] + "x"));
            artist.Dispose();
            others.Add($"Calebasse {Word()}");
            await SeedArtworks.CreateAsync(App, artistEmail, others[^1], images: 0);
        }
        var (client, email) = await Accounts.NewArtistAsync(App, Named(surname));
        client.Dispose();
        var closest = $"Calebasse {Word()}";
        await SeedArtworks.CreateAsync(App, email, closest, images: 0);

        using var visitor = NewClient();
        var titles = Titles(await visitor.GetPageAsync("/oeuvres?q=" + misspelled), "#catalogue-results");
        Assert.That(titles, Does.Contain(closest));
        Assert.That(titles, Has.Length.EqualTo(ArtworkSearch.ArtistsMatchedByName));
        Assert.That(titles, Is.SubsetOf(others.Append(closest)));
    }

    [Test]
    public async Task A_text_search_uses_the_GIN_index_on_the_search_vector()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<ArtworkSearch>();
        var sql = await search.PageSqlAsync(new CatalogueQuery { Text = $"foret {_word}" });

        // Everything below is rolled back: the shared database keeps neither the rows nor the statistics.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AddBulkWorksAsync(db, _artistId);
        // A few thousand rows is still a small table: tell the planner that scans are expensive,
        // as they are on a real catalogue, for this transaction only.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var plan = await ExplainAsync(db, transaction, sql);
        await transaction.RollbackAsync();

        TestContext.Out.WriteLine(sql);
        TestContext.Out.WriteLine(plan);
        Assert.That(plan, Does.Contain("Bitmap Index Scan on \"IX_Artworks_SearchVector_Filters\""));
    }

    [Test]
    public async Task A_deep_page_walks_the_date_index_from_the_cursor_as_page_one_does()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<ArtworkSearch>();
        var deep = WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes($"0.{DateTime.UtcNow.AddMinutes(-2000).Ticks}.{long.MaxValue}"));
        var firstSql = await search.PageSqlAsync(new CatalogueQuery());
        var deepSql = await search.PageSqlAsync(new CatalogueQuery { After = deep });

        await using var transaction = await db.Database.BeginTransactionAsync();
        await AddBulkWorksAsync(db, _artistId);
        var first = await ExplainAsync(db, transaction, firstSql);
        var plan = await ExplainAsync(db, transaction, deepSql);
        await transaction.RollbackAsync();

        TestContext.Out.WriteLine(plan);
        Assert.That(first, Does.Contain("Index Scan Backward using \"IX_Artworks_CreatedAt_Id\""));
        Assert.That(plan, Does.Contain("Index Scan Backward using \"IX_Artworks_CreatedAt_Id\""));
        Assert.That(plan, Does.Match(@"Index Cond: \(ROW\(""CreatedAt"", ""Id""\) < ROW\("));
    }

    [Test]
    public async Task Searches_read_in_windows_walks_or_postings_find_the_same_works_in_the_same_order_as_every_match_sorted(
        [Values] bool postings)
    {
        // 30,000 works with fresh statistics: a word in one work of 20 (a window of the sort's order is
        // cheapest), another in one of 3 (a walk of the sort's index), dates in no relation to the ids,
        // 997 prices (ties broken by id). Every first page, total and second page must be what sorting
        // every match gives. 400 more, the newest, by a suspended artist: they are read first and must
        // not be shown (the artists are checked after the sort: the margin holds too many of them then).
        // A third word, "apart", is only in works of the second category (1 + g % 3): searched in the first, its share and
        // the category's promise a ninth of the works, and there are none (the postings' read runs out of its budget).
        var (lot, rare, common, apart) = (Word(), Word(), Word(), Word());
        // And a word that is also an artist's name: the works that hold it, and that artist's 600 (dates and prices of their
        // own), match; the postings' read merges them.
        var nameWord = Word();
        var (named, namedEmail) = await Accounts.NewArtistAsync(App, char.ToUpperInvariant(nameWord[0]) + nameWord[1..]);
        named.Dispose();
        var namedId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == namedEmail).Select(u => u.Id).SingleAsync());
        var (suspended, suspendedEmail) = await Accounts.NewArtistAsync(App, "Artiste Suspendu");
        suspended.Dispose();
        var suspendedId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == suspendedEmail).Select(u => u.Id).SingleAsync());
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AspNetUsers\" SET \"SuspendedAt\" = now() WHERE \"Id\" = {suspendedId}"));
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm", "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
            SELECT {_artistId}, {lot} || ' ' || g || CASE WHEN g % 20 = 0 THEN ' ' || {rare} ELSE '' END || CASE WHEN g % 3 = 0 THEN ' ' || {common} ELSE '' END
                   || CASE WHEN g % 3 = 1 THEN ' ' || {apart} ELSE '' END || CASE WHEN g % 40 = 0 THEN ' ' || {nameWord} ELSE '' END,
                   'lot-' || g, 1000 * (1 + (g * 31) % 997), 1 + g % 3, 50, 50, g % 3, (g / 3) % 3, g % 2, 'lot', now() - ((g * 7919) % 30000) * interval '1 minute', now()
            FROM generate_series(1, 30000) AS g
            """));
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm", "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
            SELECT {suspendedId}, {lot} || ' s' || g || ' ' || {rare} || ' ' || {common}, 'lot-s' || g, 1000 * (1 + (g * 37) % 997), 1 + g % 3, 50, 50, g % 3, (g / 3) % 3, g % 2, 'lot',
                   now() + g * interval '1 second', now()
            FROM generate_series(1, 400) AS g
            """));
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm", "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
            SELECT {namedId}, {lot} || ' n' || g, 'lot-n' || g, 1000 * (1 + (g * 43) % 997), 1 + g % 3, 50, 50, g % 3, (g / 3) % 3, g % 2, 'lot',
                   now() - ((g * 6007) % 30000) * interval '1 minute' - interval '30 seconds', now()
            FROM generate_series(1, 600) AS g
            """));
        var statistics = App.Services.GetRequiredService<SearchStatistics>();
        try
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ANALYZE "Artworks"; ANALYZE "AspNetUsers";"""));
            statistics.Forget();
            var works = await App.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith(lot + " ") && a.ArtistId != suspendedId)
                .Select(a => new { a.Id, a.Title, a.Price, a.CreatedAt, a.SizeClass, a.Status, a.CategoryId, a.ArtistId, a.Orientation }).ToListAsync());
            var firstCategory = await App.WithDbAsync(db => db.Categories.Where(c => c.Id == 1).Select(c => new { c.Id, c.Slug }).SingleAsync());
            var queries = new (CatalogueQuery Query, Func<dynamic, bool> Keeps)[]
            {
                (new CatalogueQuery { Text = rare }, w => ((string)w.Title).EndsWith(rare) || ((string)w.Title).Contains(rare + " ")),
                (new CatalogueQuery { Text = rare, Sort = CatalogueSort.PriceDescending }, w => ((string)w.Title).Contains(rare)),
                (new CatalogueQuery { Text = rare, Sort = CatalogueSort.PriceAscending, MinPrice = 200_000 }, w => ((string)w.Title).Contains(rare) && (long)w.Price >= 200_000),
                (new CatalogueQuery { Text = rare, MinPrice = 100_000, MaxPrice = 900_000 }, w => ((string)w.Title).Contains(rare) && (long)w.Price is >= 100_000 and <= 900_000),
                (new CatalogueQuery { Text = common }, w => ((string)w.Title).Contains(common)),
                (new CatalogueQuery { Text = common, Size = SizeClass.L, AvailableOnly = true }, w => ((string)w.Title).Contains(common) && (SizeClass)w.SizeClass == SizeClass.L && (ArtworkStatus)w.Status == ArtworkStatus.Available),
                (new CatalogueQuery { Text = $"{rare} {common}", Sort = CatalogueSort.PriceAscending }, w => ((string)w.Title).Contains(rare) && ((string)w.Title).Contains(common)),
                (new CatalogueQuery { Text = apart, Category = firstCategory.Slug }, w => ((string)w.Title).Contains(apart) && (int)w.CategoryId == firstCategory.Id),
                (new CatalogueQuery { Text = nameWord, MinPrice = 100_000 }, w => (((string)w.Title).Contains(nameWord) || (Guid)w.ArtistId == namedId) && (long)w.Price >= 100_000),
                (new CatalogueQuery { Text = nameWord, Sort = CatalogueSort.PriceAscending, Orientation = Orientation.Landscape },
                    w => (((string)w.Title).Contains(nameWord) || (Guid)w.ArtistId == namedId) && (Orientation)w.Orientation == Orientation.Landscape),
            };
            var reads = new List<string>();
            var apartReads = new List<string>();
            var namedReads = new List<string>();
            var byPriceReads = new List<string>();
            var byPriceSql = new List<string>();
            foreach (var (query, keeps) in queries)
            {
                var expected = works.Where(w => keeps(w));
                var sorted = (query.Sort switch
                {
                    CatalogueSort.PriceAscending => expected.OrderBy(w => w.Price).ThenBy(w => w.Id),
                    CatalogueSort.PriceDescending => expected.OrderByDescending(w => w.Price).ThenByDescending(w => w.Id),
                    _ => expected.OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id),
                }).Select(w => w.Title).ToList();
                await using var scope = App.Services.CreateAsyncScope();
                var search = scope.ServiceProvider.GetRequiredService<ArtworkSearch>();
                search.ReadsPostings = postings;
                // "apart" alone by the product of the shares, as before the sample: it then promises a ninth of the works in the first
                // category and the postings' read runs to its budget. The others as a search runs, counted on the sample.
                search.CountsOnSample = query.Text != apart;
                if (query.Sort != CatalogueSort.Recent) search.PostingsSql = byPriceSql;
                var first = await search.SearchAsync(query);
                var second = await search.SearchAsync(query with { After = first.NextCursor });
                reads.AddRange(search.Reads);
                if (query.Text == apart) apartReads.AddRange(search.Reads);
                if (query.Text == nameWord) namedReads.AddRange(search.Reads);
                if (query.Sort != CatalogueSort.Recent) byPriceReads.AddRange(search.Reads);
                Assert.Multiple(() =>
                {
                    Assert.That(first.Works.Select(w => w.Title), Is.EqualTo(sorted.Take(ArtworkSearch.PageSize)), query.Url());
                    Assert.That((first.Total, first.TotalIsCapped), Is.EqualTo((Math.Min(sorted.Count, ArtworkSearch.CountCap), sorted.Count > ArtworkSearch.CountCap)), query.Url());
                    Assert.That(second.Works.Select(w => w.Title), Is.EqualTo(sorted.Skip(ArtworkSearch.PageSize).Take(ArtworkSearch.PageSize)), query.Url());
                });
            }
            TestContext.Out.WriteLine(string.Join(", ", reads));
            // The postings were read (they hold no work of the suspended artist), or without them the windows and walks,
            // not only every match; there the artists of the works read first were checked, and the 400 of the suspended
            // artist were too many for the margin.
            Assert.That(reads, postings
                ? Does.Contain("postings")
                : Does.Contain("window").And.Contain("walk").And.Contain("artists").And.Not.Contain("postings"));
            // Sorted by price, the postings are read in price order (their second index) like the others: the index serves the
            // order from the range's start, so the read stops after the page instead of sorting every posting of the word. Sorts
            // and other scans cost the most here, as on a real catalogue where the word's postings are thousands.
            if (postings)
            {
                Assert.That(byPriceReads, Does.Contain("postings"), string.Join(", ", byPriceReads));
                Assert.That(byPriceSql, Is.Not.Empty);
                foreach (var sql in byPriceSql)
                {
                    var plan = await App.WithDbAsync(async db =>
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_sort = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
                        var explained = await ExplainAsync(db, transaction, sql);
                        await transaction.RollbackAsync();
                        return explained;
                    });
                    TestContext.Out.WriteLine(plan);
                    Assert.That(plan, Does.Match("Index Only Scan (Backward )?using \"IX_SearchPostings_Price\""), sql);
                }
            }
            // A word that is an artist's name: the postings, that artist's works merged in.
            if (postings) Assert.That(namedReads, Has.Some.EqualTo("postings"), string.Join(", ", namedReads));
            // A word and a category that never meet: the postings' read stopped at its budget and another read answered (nothing).
            if (postings)
            {
                var said = string.Join(", ", apartReads);
                Assert.That(apartReads, Has.Count.GreaterThan(1), said);
                Assert.That(apartReads[0], Is.EqualTo("postings"), said);
                Assert.That(apartReads[1], Is.Not.EqualTo("postings"), "the postings' read gave up at its budget: " + said);
            }
        }
        finally
        {
            await App.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith(lot + " ")).ExecuteDeleteAsync());
            await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ANALYZE "Artworks";"""));
            statistics.Forget();
        }
    }

    [Test]
    public async Task How_often_words_and_a_category_meet_is_counted_on_a_sample_of_works_not_taken_as_the_product_of_their_shares()
    {
        // 30,000 works with fresh statistics. Two words always together, in one work of 60, every one of them in the first
        // category (a third of the works): the product of the shares promises 1 work in 10,800 (3), there are 500, and
        // reading every match would read them all. A third word only in the second category, searched in the first:
        // the product promises a ninth of the works, there are none, and the postings' read would run to its budget.
        var (lot, paired, together, apart) = (Word(), Word(), Word(), Word());
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm", "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
            SELECT {_artistId}, {lot} || ' ' || g || CASE WHEN g % 60 = 0 THEN ' ' || {paired} || ' ' || {together} ELSE '' END
                   || CASE WHEN g % 3 = 1 THEN ' ' || {apart} ELSE '' END,
                   'meet-' || g, 1000 * (1 + (g * 31) % 997), 1 + g % 3, 50, 50, g % 3, (g / 3) % 3, g % 2, 'lot', now() - ((g * 7919) % 30000) * interval '1 minute', now()
            FROM generate_series(1, 30000) AS g
            """));
        var statistics = App.Services.GetRequiredService<SearchStatistics>();
        try
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ANALYZE "Artworks";"""));
            statistics.Forget();
            var first = await App.WithDbAsync(db => db.Categories.Where(c => c.Id == 1).Select(c => c.Slug).SingleAsync());
            var (met, neverMet) = (new CatalogueQuery { Text = $"{paired} {together}", Category = first }, new CatalogueQuery { Text = apart, Category = first });
            async Task<(List<string> Reads, List<string> Titles, int Total)> SearchAsync(CatalogueQuery query, bool onSample)
            {
                await using var scope = App.Services.CreateAsyncScope();
                var search = scope.ServiceProvider.GetRequiredService<ArtworkSearch>();
                search.CountsOnSample = onSample;
                var page = await search.SearchAsync(query);
                return (search.Reads.ToList(), page.Works.Select(w => w.Title).ToList(), page.Total);
            }
            var (metCounted, metMultiplied) = (await SearchAsync(met, true), await SearchAsync(met, false));
            var (apartCounted, apartMultiplied) = (await SearchAsync(neverMet, true), await SearchAsync(neverMet, false));
            TestContext.Out.WriteLine($"together: {string.Join(", ", metCounted.Reads)} / {string.Join(", ", metMultiplied.Reads)}; " +
                $"apart: {string.Join(", ", apartCounted.Reads)} / {string.Join(", ", apartMultiplied.Reads)}");
            Assert.Multiple(() =>
            {
                // Counted: the words' postings, in order (a page's worth of them), not every one of the 500 matches.
                Assert.That(metMultiplied.Reads, Is.EqualTo(new[] { "matches" }), "the product of the shares");
                Assert.That(metCounted.Reads, Is.EqualTo(new[] { "postings" }), "counted on the sample");
                // Counted: none in the sample, so few at most; every match at once (none), no postings read to their budget first.
                Assert.That(apartMultiplied.Reads.FirstOrDefault(), Is.EqualTo("postings"), "the product of the shares");
                Assert.That(apartCounted.Reads, Is.EqualTo(new[] { "matches" }), "counted on the sample");
                // Only the cost differs: the same works, in the same order, the same totals.
                Assert.That(metCounted.Titles, Is.EqualTo(metMultiplied.Titles));
                Assert.That((metCounted.Total, metCounted.Titles.Count), Is.EqualTo((ArtworkSearch.CountCap, ArtworkSearch.PageSize)));
                Assert.That((apartCounted.Total, apartMultiplied.Total), Is.EqualTo((0, 0)));
            });
        }
        finally
        {
            await App.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith(lot + " ")).ExecuteDeleteAsync());
            await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ANALYZE "Artworks";"""));
            statistics.Forget();
        }
    }

    [Test]
    public async Task A_misspelled_English_category_name_suggests_the_English_name_on_English_pages()
    {
        using var client = NewClient();
        static (string? Text, string? Href) Suggestion(AngleSharp.Dom.IDocument page) =>
            page.QuerySelector("#empty-state .suggestion a") is { } a ? (a.TextContent, a.GetAttribute("href")) : (null, null);

        // French first: what a French page keeps for these words must not answer the English page (a key per language).
        var frenchPaintng = Suggestion(await client.GetPageAsync("/oeuvres?q=paintng"));
        var frenchCeramcs = Suggestion(await client.GetPageAsync("/oeuvres?q=ceramcs"));
        var paintng = Suggestion(await client.GetPageAsync("/en/artworks?q=paintng&prixMax=900000"));
        var ceramcs = Suggestion(await client.GetPageAsync("/en/artworks?q=ceramcs"));
        var sculture = Suggestion(await client.GetPageAsync("/en/artworks?q=sculture"));
        Assert.Multiple(() =>
        {
            Assert.That(frenchPaintng.Text, Is.Null, "French pages weigh the database's names only, as before");
            Assert.That(frenchCeramcs.Text, Is.EqualTo("Vouliez-vous dire «\u00A0Céramique\u00A0»\u202F?"));
            Assert.That(frenchCeramcs.Href, Does.StartWith("/oeuvres?q="), "a French name is in the works' search text: searched");
            // The English name is in no work's search text: the suggestion leads to the category, other filters kept.
            Assert.That(paintng, Is.EqualTo(("Did you mean “Painting”?", "/en/artworks?categorie=peinture&prixMax=900000")));
            Assert.That(ceramcs, Is.EqualTo(("Did you mean “Ceramics”?", "/en/artworks?categorie=ceramique")),
                "closer to the English name (0.55) than to the French one (0.38): the closest of both");
            Assert.That(sculture.Text, Is.EqualTo("Did you mean “Sculpture”?"));
        });
    }

    [Test]
    public async Task The_trigram_similarity_weighed_in_CSharp_is_PostgreSQL_s()
    {
        var pairs = new[]
        {
            ("painting", "paintng"), ("ceramics", "ceramcs"), ("ceramique", "ceramcs"), ("digital art", "digitl"), ("mixed media", "mixd medias"),
            ("printmaking", "printmakng"), ("beadwork", "bead work"), ("photography", "fotography"), ("textile", "textil"), ("a", "ab"),
        };
        foreach (var (a, b) in pairs)
        {
            var postgres = await App.WithDbAsync(db => db.Database.SqlQuery<float>($"SELECT similarity({a}, {b}) AS \"Value\"").SingleAsync());
            Assert.That(Trigrams.Similarity(a, b), Is.EqualTo(postgres).Within(1e-6), $"{a} / {b}");
        }
    }
}
