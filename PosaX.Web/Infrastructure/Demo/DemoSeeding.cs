using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// <c>dotnet PosaX.Web.dll seed-demo --artists N --artworks M [--force] [--password P]</c>: migrates
/// the configured database and fills it with generated artists and works (see
/// <see cref="DemoCatalogue"/>), in bulk: binary COPY on PostgreSQL, one transaction of prepared
/// inserts on SQLite. A few pictures are generated and processed once, and every work points at
/// some of them, as many works could never each get their own in minutes.
/// </summary>
/// <remarks>
/// Demo accounts are recognised by their address: <c>…@demo.posax.invalid</c> (<c>.invalid</c>
/// is reserved by RFC 2606: no such mailbox can exist, so no real person can hold one and no mail
/// can leave for one). Any other account is a real user: the command then refuses unless told
/// <c>--force</c>, which adds the demo beside them. Demo data from an earlier run (and the
/// Development sample of <see cref="DemoData"/>) is replaced, never doubled. Demo accounts have no
/// password unless <c>--password</c> gives one (checked by the password rules, hashed once, shared
/// by every demo account). Exit codes: 0 done, 2 bad arguments, 3 refused (real users), 1 failure.
/// A running app keeps serving its output-cached pages until they expire or it restarts.
/// </remarks>
public static class DemoSeeding
{
    public const string Command = "seed-demo";
    public const string EmailDomain = "demo.posax.invalid";
    public const int MaxArtists = 1_000_000;
    public const int MaxArtworks = 10_000_000;
    public const int ExitBadArguments = 2;
    public const int ExitRefused = 3;

    private const string Usage = "Usage: seed-demo --artists N --artworks M [--force] [--password P]   (e.g. --artists 5000 --artworks 100000)";
    private const int Seed = 20_261_124;
    private static readonly string NormalizedDomainSuffix = "@" + EmailDomain.ToUpperInvariant();

    public sealed record Options(int Artists, int Artworks, bool Force, string? Password);

    public static string EmailOf(int number) => string.Create(CultureInfo.InvariantCulture, $"artiste-{number:D6}@{EmailDomain}");

    public static bool IsDemoEmail(string? email) =>
        email is not null && email.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options, or why they are wrong (a message naming the option).</summary>
    public static (Options? Options, string? Error) Parse(string[] args)
    {
        int? artists = null, artworks = null;
        var force = false;
        string? password = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--artists":
                case "--artworks":
                    var name = args[i];
                    var max = name == "--artists" ? MaxArtists : MaxArtworks;
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > max)
                        return (null, $"{name} needs a whole number from {(name == "--artists" ? 1 : 0)} to {max:N0}.");
                    if (name == "--artists") artists = n; else artworks = n;
                    i++;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--password":
                    if (i + 1 >= args.Length) return (null, "--password needs a value.");
                    password = args[++i];
                    if (PasswordRules.Check(password, EmailOf(1)) is { } problem) return (null, $"--password breaks the password rules: {problem}");
                    break;
                default:
                    return (null, $"unknown argument '{args[i]}'.");
            }
        }
        if (artists is null || artworks is null) return (null, "--artists and --artworks are both required.");
        if (artists < 1) return (null, $"--artists needs a whole number from 1 to {MaxArtists:N0}.");
        return (new Options(artists.Value, artworks.Value, force, password), null);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var (options, error) = Parse(args);
        if (options is null)
        {
            await output.WriteLineAsync($"{Command}: {error}\n{Usage}");
            return ExitBadArguments;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var pipeline = scope.ServiceProvider.GetRequiredService<ImagePipeline>();
        // Deleting or loading 100,000 rows takes longer than a command's default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync(ct);

        var realUsers = await db.Users.CountAsync(u => u.NormalizedEmail == null || !u.NormalizedEmail.EndsWith(NormalizedDomainSuffix), ct);
        if (realUsers > 0 && !options.Force)
        {
            await output.WriteLineAsync($"{Command}: refused: the database has {realUsers:N0} real account(s) (not @{EmailDomain}). " +
                "Demo data is meant for an empty or demo-only database; add --force to put it beside them.");
            return ExitRefused;
        }

        var total = Stopwatch.StartNew();
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        await output.WriteLineAsync($"{Command}: {options.Artists:N0} artists and {options.Artworks:N0} works into {provider}…");

        var phase = Stopwatch.StartNew();
        var pictures = await DemoPictures.CreateAsync(pipeline, options.Artists, options.Artworks, ct);
        await output.WriteLineAsync($"{Command}: {pictures.Count} pictures generated and processed once, shared by every work ({phase.Elapsed.TotalSeconds:F1} s)");

        string? passwordHash = null;
        if (options.Password is not null)
        {
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Artist>>();
            passwordHash = hasher.HashPassword(new Artist { DisplayName = "demo", Slug = "demo" }, options.Password);
        }

        LoadResult result;
        try
        {
            result = await db.InOneTransactionAsync(token => LoadAsync(db, options, pictures, passwordHash, output, token), ct);
        }
        catch
        {
            pictures.DeleteAll(pipeline);
            throw;
        }

        phase.Restart();
        if (db.Database.IsNpgsql())
        {
            // Fresh statistics for the planner, and a visibility map so index-only scans skip the heap (a search reads
            // the postings by their index alone: without it, a table page per posting).
            await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "AspNetUsers", "Artworks", "ArtworkImages", "SearchPostings";""", ct);
            await output.WriteLineAsync($"{Command}: VACUUM ANALYZE in {phase.Elapsed.TotalSeconds:F1} s");
        }
        // The pictures of the replaced demo data: nothing refers to them any more.
        foreach (var key in result.OldMediaKeys.Where(ImagePipeline.IsValidKey)) pipeline.Delete(key);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Command}: done in {total.Elapsed.TotalSeconds:F1} s: {result.Artists:N0} artists, {result.Artworks:N0} works, {result.Images:N0} photos " +
            $"({result.ReplacedArtists:N0} earlier demo accounts replaced)."));
        await output.WriteLineAsync(options.Password is null
            ? $"{Command}: demo accounts ({EmailOf(1)} …) have no password: they cannot sign in."
            : $"{Command}: demo accounts sign in as {EmailOf(1)} … {EmailOf(options.Artists)} with the password given.");
        return 0;
    }

    private sealed record LoadResult(int Artists, long Artworks, long Images, int ReplacedArtists, IReadOnlyList<string> OldMediaKeys);

    private sealed record SeededArtist(Guid Id, string Name, string City, string MainCategory, DateTime CreatedAt);

    private static async Task<LoadResult> LoadAsync(PosaXDbContext db, Options options, DemoPictures pictures, string? passwordHash,
        TextWriter output, CancellationToken ct)
    {
        var phase = Stopwatch.StartNew();
        var demoUsers = db.Users.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(NormalizedDomainSuffix));
        var demoImages = db.ArtworkImages.Where(i => db.Artworks.Any(a => a.Id == i.ArtworkId && demoUsers.Any(u => u.Id == a.ArtistId)));
        var oldKeys = await demoImages.Select(i => i.Key).Distinct().ToListAsync(ct);
        oldKeys.AddRange(await demoUsers.Where(u => u.PhotoKey != null).Select(u => u.PhotoKey!).Distinct().ToListAsync(ct));
        // Set-based deletes, children first: orders point at artists without a cascade, and one
        // statement per table is much faster than the row-by-row cascades of a single delete.
        await db.Orders.Where(o => demoUsers.Any(u => u.Id == o.ArtistId)).ExecuteDeleteAsync(ct);
        await demoImages.ExecuteDeleteAsync(ct);
        await db.Artworks.Where(a => demoUsers.Any(u => u.Id == a.ArtistId)).ExecuteDeleteAsync(ct);
        var replaced = await demoUsers.ExecuteDeleteAsync(ct);
        if (replaced > 0)
            await output.WriteLineAsync($"{Command}: {replaced:N0} earlier demo accounts and their works removed ({phase.Elapsed.TotalSeconds:F1} s)");

        var catalogue = new DemoCatalogue(Seed);
        var now = DateTime.UtcNow;
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, ct);

        // Artists.
        phase.Restart();
        var slugs = (await db.Users.Select(u => u.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var artists = new List<SeededArtist>(options.Artists);
        await using (var writer = await BulkWriter<Artist>.StartAsync(db, includeKey: true, ct))
        {
            for (var n = 1; n <= options.Artists; n++)
            {
                var sketch = catalogue.NextArtist();
                var slug = ArtistSlugs.NextFree(sketch.DisplayName, slugs);
                var createdAt = now.AddMinutes(-catalogue.Next(3 * 365 * 24 * 60) - 30 * 24 * 60);
                var email = EmailOf(n);
                var artist = new Artist
                {
                    Id = Guid.CreateVersion7(createdAt),
                    DisplayName = sketch.DisplayName,
                    Slug = slug,
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    PasswordHash = passwordHash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                    Bio = sketch.Bio,
                    WhatsApp = sketch.WhatsApp,
                    // Most artists have a photo; the rest show the default avatar.
                    PhotoKey = catalogue.Next(5) == 0 ? null : pictures.Profile(catalogue)?.Key,
                    CreatedAt = createdAt,
                };
                await writer.WriteAsync(artist, ct);
                artists.Add(new SeededArtist(artist.Id, sketch.DisplayName, sketch.City, sketch.MainCategory, createdAt));
            }
            await writer.CompleteAsync(ct);
        }
        await output.WriteLineAsync($"{Command}: {artists.Count:N0} artists written ({phase.Elapsed.TotalSeconds:F1} s)");

        // Works, with explicit ids so their photos can point at them; the photos follow in a second pass
        // (PostgreSQL runs one COPY at a time on a connection).
        phase.Restart();
        var firstId = (await db.Artworks.MaxAsync(a => (long?)a.Id, ct) ?? 0) + 1;
        var images = new List<ArtworkImage>(options.Artworks * 2);
        await using (var writer = await BulkWriter<Artwork>.StartAsync(db, includeKey: true, ct))
        {
            for (var i = 0; i < options.Artworks; i++)
            {
                var artist = artists[catalogue.SkewedIndex(artists.Count)];
                var sketch = catalogue.NextWork(artist.City, artist.MainCategory);
                var category = categories[sketch.CategorySlug];
                var createdAt = artist.CreatedAt.AddTicks((long)(catalogue.NextDouble() * (now - artist.CreatedAt).Ticks));
                var work = new Artwork
                {
                    Id = firstId + i,
                    ArtistId = artist.Id,
                    Title = sketch.Title,
                    Description = sketch.Description,
                    Price = sketch.Price,
                    CategoryId = category.Id,
                    Medium = sketch.Medium,
                    HeightCm = sketch.HeightCm,
                    WidthCm = sketch.WidthCm,
                    DepthCm = sketch.DepthCm,
                    Year = Math.Min(sketch.Year, createdAt.Year),
                    Status = sketch.Status,
                    CreatedAt = createdAt,
                    UpdatedAt = createdAt,
                };
                ArtworkDerivedFields.Apply(work, category.Name, artist.Name);
                await writer.WriteAsync(work, ct);
                for (var position = 0; position < sketch.ImageCount; position++)
                {
                    // The cover has the work's own orientation; the other photos are details.
                    var picture = position == 0 ? pictures.Cover(work.Orientation, catalogue) : pictures.Any(catalogue);
                    images.Add(new ArtworkImage
                    {
                        ArtworkId = work.Id, Key = picture.Key, Position = position, Width = picture.Width, Height = picture.Height,
                        Widths = string.Join(',', picture.Widths),
                    });
                }
            }
            await writer.CompleteAsync(ct);
        }
        await output.WriteLineAsync($"{Command}: {options.Artworks:N0} works written ({phase.Elapsed.TotalSeconds:F1} s)");

        phase.Restart();
        await using (var writer = await BulkWriter<ArtworkImage>.StartAsync(db, includeKey: false, ct))
        {
            foreach (var image in images) await writer.WriteAsync(image, ct);
            await writer.CompleteAsync(ct);
        }
        await output.WriteLineAsync($"{Command}: {images.Count:N0} photos written ({phase.Elapsed.TotalSeconds:F1} s)");

        if (db.Database.IsNpgsql())
        {
            // Explicit ids leave the identity sequence behind: the next work an artist publishes would collide.
            await db.Database.ExecuteSqlRawAsync("""
                SELECT setval(pg_get_serial_sequence('"Artworks"', 'Id'), GREATEST((SELECT max("Id") FROM "Artworks"), 1));
                """, ct);
        }
        return new LoadResult(artists.Count, options.Artworks, images.Count, replaced, oldKeys);
    }
}
