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
}
