using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        await Artworks.CreateAsync(App, email, Forest, description: "Acrylique sur toile, la forêt au crépuscule.", images: 0, createdAt: t.AddMinutes(-3));
        await Artworks.CreateAsync(App, email, Market, description: "Peint au marché Mokolo de **Yaoundé**.", images: 0, createdAt: t.AddMinutes(-2));
        await Artworks.CreateAsync(App, email, Vase, category: "ceramique", images: 0, createdAt: t.AddMinutes(-1));
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
    public async Task Postgresql_only_a_misspelled_artist_name_still_finds_the_works()
    {
        if (Provider != DatabaseProvider.Postgres) Assert.Ignore("Misspelling tolerance (trigrams) is a PostgreSQL feature.");
        // One letter doubled, as in "ngonno" for "Ngono".
        var misspelled = _surname[..4] + _surname[3] + _surname[4..];
        Assert.That(await SearchAsync(misspelled), Is.SupersetOf(new[] { Vase, Market, Forest }));
    }

    [Test]
    public async Task Postgresql_only_a_text_search_uses_the_GIN_index_on_the_search_vector()
    {
        if (Provider != DatabaseProvider.Postgres) Assert.Ignore("The tsvector and its GIN index exist on PostgreSQL only.");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var (client, email) = await Accounts.NewArtistAsync(App, "Remplissage " + Word());
        client.Dispose();
        var artistId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var search = scope.ServiceProvider.GetRequiredService<ArtworkSearch>();
        var sql = await search.PageSqlAsync(new CatalogueQuery { Text = $"foret {_word}" });

        // Everything below is rolled back: the shared database keeps neither the rows nor the statistics.
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Enough cheap rows for a search to be worth an index.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm", "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
            SELECT {artistId}, 'Lot ' || g, 'lot-' || g, 1000 * g, 1, 50, 50, 2, 1, 0, 'lot remplissage numero ' || g, now() - g * interval '1 minute', now()
            FROM generate_series(1, 3000) AS g
            """);
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "Artworks"; ANALYZE "AspNetUsers";""");
        // A few thousand rows is still a small table: tell the planner that scans are expensive,
        // as they are on a real catalogue, for this transaction only.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var plan = await ExplainAsync(db, transaction, sql);
        await transaction.RollbackAsync();

        TestContext.Out.WriteLine(sql);
        TestContext.Out.WriteLine(plan);
        Assert.That(plan, Does.Contain("Bitmap Index Scan on \"IX_Artworks_SearchVector\""));
    }

    /// <summary>EXPLAIN of EF's SQL, its parameters (the "-- @name='value'" header of ToQueryString) inlined as literals.</summary>
    private static async Task<string> ExplainAsync(PosaXDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, string sql)
    {
        var parameters = new Dictionary<string, string>();
        var body = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            var m = Regex.Match(line, @"^-- (@\w+)='(.*)'(?: \(.*\))?\s*$");
            if (m.Success) parameters[m.Groups[1].Value] = m.Groups[2].Value;
            else body.Add(line);
        }
        var text = string.Join('\n', body);
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Key.Length))
            text = Regex.Replace(text, Regex.Escape(name) + @"\b", long.TryParse(value, out _) ? value : "'" + value.Replace("'", "''") + "'");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction);
        command.CommandText = "EXPLAIN " + text;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
