using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Features.Catalogue;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Demo;

namespace PosaX.Tests.Features.Demo;

/// <summary>
/// <c>dotnet PosaX.Web.dll seed-demo …</c> as an operator runs it, on a fresh database of each
/// provider, then the real app on that database.
/// </summary>
[TestFixtureSource(typeof(AppTest), nameof(AppTest.Providers))]
public class SeedDemoTests(DatabaseProvider provider)
{
    private sealed record Database(string DataDirectory, string ConnectionString);

    private readonly List<string> _folders = [];

    [OneTimeTearDown]
    public void DeleteFolders()
    {
        foreach (var folder in _folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private async Task<Database> FreshDatabaseAsync()
    {
        var data = Directory.CreateTempSubdirectory("posax-demo-").FullName;
        _folders.Add(data);
        var connection = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(data, "posax.db")}"
            : await (await TestApps.PostgresAsync()).CreateDatabaseAsync("posax_demo_" + Guid.NewGuid().ToString("N")[..10]);
        return new Database(data, connection);
    }

    private async Task<(int Code, string Output)> RunAsync(Database database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = database.DataDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PosaX.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__PosaX"] = database.ConnectionString;
        start.Environment["Storage__Root"] = Path.Combine(database.DataDirectory, "media");
        start.Environment["Email__PickupDirectory"] = Path.Combine(database.DataDirectory, "mail");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private PosaXApp AppOn(Database database)
    {
        var app = new PosaXApp(provider, database.ConnectionString, database.DataDirectory);
        TestApps.Track(app);
        return app;
    }

    [Test]
    public async Task Seeded_works_are_in_the_catalogue_the_sitemap_and_search_with_their_pictures()
    {
        var database = await FreshDatabaseAsync();
        // Work pages on disk from before (PageSnapshotStore: "pages" beside the media root) would show the replaced demo.
        var snapshot = Path.Combine(database.DataDirectory, "pages", "build", "ab", "old.snap");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        await File.WriteAllTextAsync(snapshot, "an old page");

        var (code, output) = await RunAsync(database, "seed-demo", "--artists", "20", "--artworks", "200");

        Assert.That(code, Is.Zero, output);
        Assert.That(File.Exists(snapshot), Is.False, "seed-demo drops the work pages kept on disk");
        Assert.That(output, Does.Contain("done in").And.Contain("20 artists, 200 works"));
        var app = AppOn(database);
        using var client = app.CreateBrowserClient();
        var catalogue = await client.GetPageAsync("/oeuvres");
        Assert.That(CatalogueData.ResultCount(catalogue), Is.EqualTo("200 œuvres"));
        Assert.That(CatalogueData.Titles(catalogue), Has.Length.EqualTo(24));

        var sitemap = XDocument.Parse(await client.Http.GetStringAsync("/sitemaps/oeuvres-0.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = sitemap.Descendants(sm + "url").Select(u => new Uri(u.Element(sm + "loc")!.Value).PathAndQuery).ToList();
        Assert.That(locs, Has.Count.EqualTo(200));

        // A work chosen at random: its page, its cover (shared, real WebP variants) and its title in search.
        var work = await app.WithDbAsync(db => db.Artworks.OrderBy(a => a.Id).Skip(Random.Shared.Next(200))
            .Select(a => new { a.Id, a.Title, a.Slug, Cover = a.Images.OrderBy(i => i.Position).Select(i => i.Key).First(), a.SearchText, a.Orientation })
            .FirstAsync());
        Assert.That(locs, Does.Contain($"/oeuvres/{work.Id}/{work.Slug}"));
        var page = await client.GetPageAsync($"/oeuvres/{work.Id}/{work.Slug}");
        Assert.That(page.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo(work.Title));
        using (var cover = await client.Http.GetAsync($"/media/{work.Cover}/320.webp"))
            Assert.That(cover.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(work.SearchText, Does.StartWith(PosaX.Web.Infrastructure.Text.TextFolding.Fold(work.Title)));
        // A short title ("Marché") may be in more than a page of works: the work is on one of the search's pages.
        var found = await client.GetPageAsync("/oeuvres?q=" + Uri.EscapeDataString(work.Title));
        var pages = 1;
        while (found.QuerySelector($"a[href='/oeuvres/{work.Id}/{work.Slug}']") is null
               && found.QuerySelector("#next-page")?.GetAttribute("href") is { } next && pages++ < 10)
            found = await client.GetPageAsync(next);
        Assert.That(found.QuerySelectorAll($"a[href='/oeuvres/{work.Id}/{work.Slug}']"), Is.Not.Empty, $"search for « {work.Title} », {pages} pages read");

        // Derived columns as the atelier writes them, and accounts that are demo accounts, activated.
        var (users, demoUsers, confirmed, withoutPassword) = await app.WithDbAsync(async db => (
            await db.Users.CountAsync(),
            await db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoSeeding.EmailDomain) && u.NormalizedEmail == u.Email.ToUpper()),
            await db.Users.CountAsync(u => u.EmailConfirmed),
            await db.Users.CountAsync(u => u.PasswordHash == null)));
        Assert.That((users, demoUsers, confirmed, withoutPassword), Is.EqualTo((20, 20, 20, 20)));
        Assert.That(await app.WithDbAsync(db => db.Artworks.CountAsync(a => a.Price < 10_000 || a.Price > 5_000_000)), Is.Zero);
        var stored = await app.WithDbAsync(db => db.Artworks.Select(a => new
        {
            a.Title, a.Description, a.Medium, a.HeightCm, a.WidthCm, a.DepthCm, Category = a.Category.Name, Artist = a.Artist.DisplayName,
            Derived = new { a.Slug, a.Orientation, a.SizeClass, a.SearchText },
        }).ToListAsync());
        foreach (var row in stored)
        {
            var expected = new Artwork
            {
                Title = row.Title, Description = row.Description, Medium = row.Medium, HeightCm = row.HeightCm, WidthCm = row.WidthCm, DepthCm = row.DepthCm,
            };
            ArtworkDerivedFields.Apply(expected, row.Category, row.Artist);
            Assert.That(row.Derived, Is.EqualTo(new { expected.Slug, expected.Orientation, expected.SizeClass, expected.SearchText }), row.Title);
        }
    }

    /// <summary>A plain context on the database, for counting without starting an app.</summary>
    private PosaXDbContext Context(Database database) => provider == DatabaseProvider.Sqlite
        ? new SqlitePosaXDbContext(new DbContextOptionsBuilder<SqlitePosaXDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PosaXDbContext(new DbContextOptionsBuilder<PosaXDbContext>().UseNpgsql(database.ConnectionString).Options);

    [Test]
    public async Task A_database_with_a_real_account_is_refused_without_force_and_left_untouched_then_force_adds_beside_it()
    {
        var database = await FreshDatabaseAsync();
        var admin = await RunAsync(database, "create-admin", "--email", "vraie@posax.test", "--password", "une phrase de passe d'administration");
        Assert.That(admin.Code, Is.Zero, admin.Output);

        var (code, output) = await RunAsync(database, "seed-demo", "--artists", "3", "--artworks", "10");

        Assert.That(code, Is.EqualTo(DemoSeeding.ExitRefused), output);
        Assert.That(output, Does.Contain("refused").And.Contain("--force"));
        await using (var db = Context(database))
            Assert.That((await db.Users.CountAsync(), await db.Artworks.CountAsync()), Is.EqualTo((1, 0)));
        Assert.That(Directory.Exists(Path.Combine(database.DataDirectory, "media", "a")), Is.False, "no picture made for nothing");

        // No works this time: only a profile picture to make, the test stays quick.
        var forced = await RunAsync(database, "seed-demo", "--artists", "3", "--artworks", "0", "--force");

        Assert.That(forced.Code, Is.Zero, forced.Output);
        await using (var db = Context(database))
        {
            Assert.That(await db.Users.CountAsync(u => u.Email == "vraie@posax.test" && u.PasswordHash != null), Is.EqualTo(1));
            Assert.That(await db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoSeeding.EmailDomain)), Is.EqualTo(3));
            Assert.That(await db.Users.CountAsync(), Is.EqualTo(4));
        }
    }
}

/// <summary>Bad arguments through the real command line (once: parsing does not depend on the provider).</summary>
public class SeedDemoCommandLineTests
{
    [Test]
    public async Task Bad_arguments_exit_2_with_the_usage()
    {
        var data = Directory.CreateTempSubdirectory("posax-demo-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PosaX.Web.dll"), "seed-demo", "--artists", "-5", "--artworks", "10" })
                start.ArgumentList.Add(arg);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__PosaX"] = $"Data Source={Path.Combine(data, "posax.db")}";
            start.Environment["Storage__Root"] = Path.Combine(data, "media");
            start.Environment["Email__PickupDirectory"] = Path.Combine(data, "mail");
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.That(process.ExitCode, Is.EqualTo(DemoSeeding.ExitBadArguments), output);
            Assert.That(output, Does.Contain("--artists").And.Contain("Usage: seed-demo"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

/// <summary>The argument rules, without a process per case.</summary>
public class SeedDemoArgumentTests
{
    [TestCase(new[] { "seed-demo" }, "both required")]
    [TestCase(new[] { "seed-demo", "--artists", "10" }, "both required")]
    [TestCase(new[] { "seed-demo", "--artists", "0", "--artworks", "10" }, "--artists")]
    [TestCase(new[] { "seed-demo", "--artists", "abc", "--artworks", "10" }, "--artists")]
    [TestCase(new[] { "seed-demo", "--artists", "10", "--artworks", "1e5" }, "--artworks")]
    [TestCase(new[] { "seed-demo", "--artists", "10", "--artworks", "99999999999" }, "--artworks")]
    [TestCase(new[] { "seed-demo", "--artists", "10", "--artworks" }, "--artworks")]
    [TestCase(new[] { "seed-demo", "--artists", "10", "--artworks", "5", "--forse" }, "unknown argument '--forse'")]
    [TestCase(new[] { "seed-demo", "--artists", "10", "--artworks", "5", "--password", "password123" }, "password rules")]
    public void Refuses(string[] args, string message)
    {
        var (options, error) = DemoSeeding.Parse(args);
        Assert.That(options, Is.Null);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Accepts_the_documented_forms()
    {
        Assert.That(DemoSeeding.Parse(["seed-demo", "--artists", "5000", "--artworks", "100000"]).Options,
            Is.EqualTo(new DemoSeeding.Options(5000, 100_000, false, null)));
        Assert.That(DemoSeeding.Parse(["seed-demo", "--force", "--artworks", "0", "--artists", "1", "--password", "une phrase de démonstration"]).Options,
            Is.EqualTo(new DemoSeeding.Options(1, 0, true, "une phrase de démonstration")));
    }

    [Test]
    public void Demo_addresses_are_recognised_and_cannot_be_real_mailboxes()
    {
        Assert.That(DemoSeeding.IsDemoEmail(DemoSeeding.EmailOf(42)), Is.True);
        Assert.That(DemoSeeding.EmailOf(42), Does.EndWith(".invalid"));
        Assert.That(DemoSeeding.IsDemoEmail("artiste@demo.posax.invalid.example.com"), Is.False);
        Assert.That(DemoSeeding.IsDemoEmail("artiste@posax.cm"), Is.False);
    }
}
