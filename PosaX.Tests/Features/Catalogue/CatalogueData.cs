using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using PosaX.Web.Data;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>Unique words and page readers: tests share a database, so each one finds its own works by a word of its own.</summary>
public static class CatalogueData
{
    /// <summary>Letters only (search folds and stems words; digits would make them "numwords").</summary>
    public static string Word(int length = 9)
    {
        var letters = "bcdfghjklmnpqrstvwxz";
        var vowels = "aeiou";
        var random = Random.Shared;
        return string.Concat(Enumerable.Range(0, length).Select(i => i % 2 == 0 ? letters[random.Next(letters.Length)] : vowels[random.Next(vowels.Length)]));
    }

    public static Task<string> SlugOfAsync(PosaXApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());

    public static string[] Titles(IHtmlDocument page, string scope = "") =>
        page.QuerySelectorAll($"{scope} .artwork-card__title").Select(t => t.TextContent.Trim()).ToArray();

    public static string ResultCount(IHtmlDocument page) =>
        page.GetElementById("result-count")?.TextContent.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ') ?? throw new AssertionException("No #result-count.");

    /// <summary>EXPLAIN of EF's SQL, its parameters (the "-- @name='value'" header of ToQueryString) inlined as literals.</summary>
    public static async Task<string> ExplainAsync(PosaXDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, string sql)
    {
        var parameters = new Dictionary<string, string>();
        var body = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            // FromSql's parameters are listed without their "@" ("-- p0='…'"), LINQ's with it.
            var m = Regex.Match(line, @"^-- @?(\w+)='(.*)'(?: \(.*\))?\s*$");
            if (m.Success) parameters["@" + m.Groups[1].Value] = m.Groups[2].Value;
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

    /// <summary>3,000 cheap public works of one artist, then fresh statistics: a catalogue worth an index. Call inside a transaction that is rolled back.</summary>
    public static async Task AddBulkWorksAsync(PosaXDbContext db, Guid artistId)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm", "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
            SELECT {artistId}, 'Lot ' || g, 'lot-' || g, 1000 * g, 1, 50, 50, 2, 1, 0, 'lot remplissage numero ' || g, now() - g * interval '1 minute', now()
            FROM generate_series(1, 3000) AS g
            """);
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "Artworks"; ANALYZE "AspNetUsers";""");
    }
}
