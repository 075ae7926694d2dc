using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Base of the abuse suite (run it alone: <c>bash scripts/abuse.sh</c>, i.e. <c>--filter Category=Abuse</c>).
/// Each fixture says which providers it runs on: the bulk on SQLite, a sample on PostgreSQL.
/// It gives what every abuse test asserts with: the database's state (row counts, or a digest of
/// every row), the media folder's files, and the app's log since a point in time.
/// </summary>
public abstract class AbuseTest(DatabaseProvider provider)
{
    public static readonly TestFixtureData[] SqliteOnly = ProviderFixtures.Of(DatabaseProvider.Sqlite);
    public static readonly TestFixtureData[] BothProviders = ProviderFixtures.Of(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    protected DatabaseProvider Provider { get; } = provider;
    protected PosaXApp App { get; private set; } = null!;
    protected AbuseWorld World { get; private set; } = null!;

    private (int Category, long Report) _madeBefore;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        App = await TestApps.GetAsync(Provider);
        World = new AbuseWorld(App);
        _madeBefore = await App.WithDbAsync(async db => (await db.Categories.MaxAsync(c => (int?)c.Id) ?? 0,
            await db.ArtworkReports.MaxAsync(r => (long?)r.Id) ?? 0));
    }

    /// <summary>
    /// The other tests share this database and read lists from it whole: the categories a fixture
    /// added (the public filters show them) and the reports it filed (the admin queue shows the
    /// 200 oldest) go again. Works and accounts stay: nothing lists them all.
    /// </summary>
    [OneTimeTearDown]
    public async Task RemoveListedLeftoversAsync()
    {
        if (App is null) return;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        await db.ArtworkReports.Where(r => r.Id > _madeBefore.Report).ExecuteDeleteAsync();
        await db.Categories.Where(c => c.Id > _madeBefore.Category && !db.Artworks.Any(a => a.CategoryId == c.Id)).ExecuteDeleteAsync();
        await scope.ServiceProvider.GetRequiredService<PosaX.Web.Infrastructure.Web.PublicCache>().EvictAsync([PosaX.Web.Infrastructure.Web.PublicCache.CatalogueTag, PosaX.Web.Infrastructure.Web.PublicCache.PagesTag]); // deleted behind the tracker
    }

    protected static void Progress(string line) => TestContext.Progress.WriteLine(line);

    /// <summary>Rows per table, in one query: cheap enough to take around every single request.</summary>
    protected Task<RowCounts> CountRowsAsync() => DatabaseState.CountAsync(App);

    /// <summary>A digest of every row of every table (volatile bookkeeping columns left out).</summary>
    protected Task<RowDigest> DigestAsync() => DatabaseState.DigestAsync(App);

    protected MediaState Media() => MediaState.Of(App);

    protected LogWatch WatchLog() => new(App.LogFile);

    /// <summary>What "no half-written row, no orphan file" is checked against afterwards.</summary>
    protected sealed record Consistency(MediaState Media, long LastWork, long LastImage, Dictionary<Guid, string?> Photos);

    protected async Task<Consistency> ConsistencyAsync() => await App.WithDbAsync(async db => new Consistency(Media(),
        await db.Artworks.MaxAsync(a => (long?)a.Id) ?? 0, await db.ArtworkImages.MaxAsync(i => (long?)i.Id) ?? 0,
        await db.Users.ToDictionaryAsync(u => u.Id, u => u.PhotoKey)));

    /// <summary>
    /// Since <paramref name="before"/>: every new work has a picture; every new picture row and every
    /// changed profile photo has its files; every new media file belongs to a row.
    /// </summary>
    protected async Task<List<string>> BrokenSinceAsync(Consistency before)
    {
        var problems = new List<string>();
        var now = Media();
        await App.WithDbAsync(async db =>
        {
            var bare = await db.Artworks.Where(a => a.Id > before.LastWork && !a.Images.Any()).Select(a => a.Id).ToListAsync();
            if (bare.Count > 0) problems.Add($"works without a picture: {string.Join(", ", bare)}");
            var newKeys = await db.ArtworkImages.Where(i => i.Id > before.LastImage).Select(i => i.Key).ToListAsync();
            var photos = await db.Users.Where(u => u.PhotoKey != null).Select(u => new { u.Id, u.PhotoKey }).ToListAsync();
            var changedPhotos = photos.Where(p => !before.Photos.TryGetValue(p.Id, out var old) || old != p.PhotoKey).Select(p => p.PhotoKey!);
            foreach (var key in newKeys.Concat(changedPhotos))
                if (!Directory.Exists(Path.Combine(App.MediaDirectory, key))) problems.Add($"a row points at missing files: {key}");
            var referenced = (await db.ArtworkImages.Select(i => i.Key).ToListAsync()).Concat(photos.Select(p => p.PhotoKey!)).ToHashSet();
            var orphans = now.AddedSince(before.Media).Where(k => !referenced.Contains(k)).ToList();
            if (orphans.Count > 0) problems.Add($"files no row points at: {string.Join(", ", orphans.Take(5))}");
            return 0;
        });
        return problems;
    }
}

public sealed record RowCounts(IReadOnlyDictionary<string, long> Tables)
{
    /// <summary>"Orders +1, OutboxMessages +1", or "" when nothing changed.</summary>
    public string DifferenceFrom(RowCounts before) => string.Join(", ",
        Tables.Where(t => before.Tables[t.Key] != t.Value).Select(t => $"{t.Key} {t.Value - before.Tables[t.Key]:+#;-#}"));
}

public sealed record RowDigest(IReadOnlyDictionary<string, string> Tables)
{
    public string DifferenceFrom(RowDigest before) => string.Join(", ",
        Tables.Where(t => before.Tables[t.Key] != t.Value).Select(t => t.Key));
}

/// <summary>Reads the whole database through the app's own model: every table it maps, nothing listed by hand.</summary>
public static class DatabaseState
{
    /// <summary>
    /// Columns that change behind the requests' back: the outbox sender marks mails sent, and
    /// sliding sessions renew their ticket. Neither is data a request writes.
    /// </summary>
    private static readonly HashSet<string> VolatileColumns =
    [
        "OutboxMessages.SentAt", "OutboxMessages.Attempts", "OutboxMessages.NextAttemptAt", "OutboxMessages.LastError",
        "UserSessions.Ticket", "UserSessions.ExpiresAt",
    ];

    private sealed record Table(string Name, string Sql, string[] Columns);

    private static IReadOnlyList<Table> Tables(PosaXDbContext db)
    {
        var tables = new List<Table>();
        foreach (var group in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
                     .GroupBy(e => (Name: e.GetTableName()!, Schema: e.GetSchema())))
        {
            var store = StoreObjectIdentifier.Table(group.Key.Name, group.Key.Schema);
            var columns = group.SelectMany(e => e.GetProperties()).Select(p => p.GetColumnName(store)).OfType<string>()
                .Distinct().Where(c => !VolatileColumns.Contains($"{group.Key.Name}.{c}")).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            var qualified = group.Key.Schema is null ? Quote(group.Key.Name) : $"{Quote(group.Key.Schema)}.{Quote(group.Key.Name)}";
            tables.Add(new Table(group.Key.Name, qualified, columns));
        }
        return tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static async Task<RowCounts> CountAsync(PosaXApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var tables = Tables(db);
        var sql = "SELECT " + string.Join(", ", tables.Select((t, i) => $"(SELECT COUNT(*) FROM {t.Sql}) AS c{i}"));
        var counts = new Dictionary<string, long>();
        await WithCommandAsync(db, sql, async reader =>
        {
            await reader.ReadAsync();
            for (var i = 0; i < tables.Count; i++) counts[tables[i].Name] = Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        });
        return new RowCounts(counts);
    }

    public static async Task<RowDigest> DigestAsync(PosaXApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var digests = new Dictionary<string, string>();
        foreach (var table in Tables(db))
        {
            var rows = new List<string>();
            await WithCommandAsync(db, $"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {table.Sql}", async reader =>
            {
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                        row.Append(Text(reader.GetValue(i))).Append('\u001f');
                    rows.Add(row.ToString());
                }
            });
            rows.Sort(StringComparer.Ordinal); // no ORDER BY: the same rows hash the same in any order
            digests[table.Name] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
        }
        return new RowDigest(digests);
    }

    private static string Text(object value) => value switch
    {
        DBNull => "∅",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task WithCommandAsync(PosaXDbContext db, string sql, Func<DbDataReader, Task> read)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            await read(reader);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}

/// <summary>
/// What the media root holds: its picture keys ("a/2026/0f3c…", one folder of variants each) and
/// any stray file, relative to it, plus what staging holds. Listing folders three levels deep
/// instead of every file keeps this cheap enough to take around each of thousands of requests:
/// a key's files never change once the pipeline has moved its folder in (keys are never reused).
/// Staging is read as the app's image pipeline uses it (see <see cref="StagingLeftovers"/>).
/// </summary>
public sealed record MediaState(IReadOnlySet<string> Entries, string[] Staging)
{
    public static MediaState Of(PosaXApp app)
    {
        var root = app.MediaDirectory;
        var entries = new HashSet<string>(StringComparer.Ordinal);
        string Relative(string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
        if (Directory.Exists(root))
        {
            entries.UnionWith(Directory.GetFiles(root).Select(Relative));
            foreach (var kind in Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                entries.UnionWith(Directory.GetFiles(kind).Select(Relative));
                foreach (var year in Directory.GetDirectories(kind))
                    entries.UnionWith(Directory.GetFileSystemEntries(year).Select(Relative));
            }
        }
        return new MediaState(entries, StagingLeftovers(app, root));
    }

    /// <summary>
    /// What a finished request may not leave under staging: the app's working folder holds its lock
    /// and the markers of keys it stored (each naming a key that is really there), nothing else —
    /// no half-made variants, no trash, no marker of a picture that is not stored.
    /// </summary>
    private static string[] StagingLeftovers(PosaXApp app, string root)
    {
        var working = app.Services.GetRequiredService<PosaX.Web.Infrastructure.Images.ImagePipeline>().WorkingPath;
        if (!Directory.Exists(working)) return [];
        var leftovers = Directory.GetFileSystemEntries(working)
            .Where(e => Path.GetFileName(e) is not (".lock" or "keys")).ToList();
        var keys = Path.Combine(working, "keys");
        if (Directory.Exists(keys))
            leftovers.AddRange(Directory.GetFileSystemEntries(keys)
                .Where(marker => !Directory.Exists(Path.Combine(root, Path.GetFileName(marker).Replace('_', '/')))));
        return [.. leftovers];
    }

    public string[] AddedSince(MediaState before) => Entries.Except(before.Entries).Order(StringComparer.Ordinal).ToArray();
    public string[] RemovedSince(MediaState before) => before.Entries.Except(Entries).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>What the app logged (warnings and errors, see FileLoggerProvider) since this watch began.</summary>
public sealed class LogWatch(string path)
{
    private long _offset = File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>New log entries at level Error or Critical (an unhandled exception is one), then moves on.</summary>
    public List<string> NewErrors()
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < _offset) _offset = 0;
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        _offset = stream.Length;
        // Entries start with an ISO timestamp and a level; exception lines follow their entry.
        var entries = System.Text.RegularExpressions.Regex.Split(text, @"(?m)^(?=\d{4}-\d\d-\d\dT)");
        return entries.Where(e => System.Text.RegularExpressions.Regex.IsMatch(e, @"^\S+ (Error|Critical) "))
            .Select(e => e.Length > 1500 ? e[..1500] + "…" : e).ToList();
    }
}
