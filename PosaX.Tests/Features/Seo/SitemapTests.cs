using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Seo;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Seo;

public class SitemapTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Img = "http://www.google.com/schemas/sitemap-image/1.1";

    private static async Task<XDocument> GetXmlAsync(AppClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string PathOf(string absolute) => new Uri(absolute).PathAndQuery;

    [Test]
    public async Task Robots_txt_points_at_the_absolute_sitemap_and_disallows_private_pages()
    {
        using var client = NewClient();
        var robots = await client.Http.GetStringAsync("/robots.txt");
        Assert.That(robots, Does.Contain($"Sitemap: {PosaXApp.BaseUrl}/sitemap.xml"));
        foreach (var path in new[] { "/connexion", "/inscription", "/profil", "/atelier", "/admin" })
            Assert.That(robots, Does.Contain("Disallow: " + path));
    }

    [Test]
    public async Task The_pages_sitemap_lists_the_trust_pages_and_each_answers_200_indexable()
    {
        using var client = NewClient();
        var locs = (await GetXmlAsync(client, "/sitemaps/pages.xml")).Descendants(Sm + "loc").Select(l => PathOf(l.Value)).ToList();
        var trust = new[] { "/a-propos", "/comment-acheter", "/contact", "/mentions-legales", "/conditions-generales", "/confidentialite" };
        Assert.That(locs, Is.SupersetOf(trust));
        foreach (var path in trust)
        {
            var page = await client.GetPageAsync(path);
            Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content") ?? "", Does.Not.Contain("noindex"), path);
        }
    }

    [Test]
    public async Task The_index_lists_children_whose_works_carry_lastmod_and_an_image_and_hidden_ones_are_left_out()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var updated = new DateTime(2026, 3, 14, 15, 9, 26, DateTimeKind.Utc);
        var visible = await SeedArtworks.CreateAsync(App, email, "Visible au plan " + Guid.NewGuid().ToString("N")[..6], createdAt: updated);
        var hidden = await SeedArtworks.CreateAsync(App, email, "Masquée au plan " + Guid.NewGuid().ToString("N")[..6], hidden: true);
        using var client = NewClient();

        var index = await GetXmlAsync(client, "/sitemap.xml");
        Assert.That(index.Root!.Name, Is.EqualTo(Sm + "sitemapindex"));
        var children = index.Root.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        Assert.That(children, Has.All.StartWith(PosaXApp.BaseUrl + "/sitemaps/"));

        var urls = new List<XElement>();
        foreach (var child in children)
        {
            var doc = await GetXmlAsync(client, PathOf(child));
            var entries = doc.Root!.Elements(Sm + "url").ToList();
            Assert.That(entries, Has.Count.LessThanOrEqualTo(10_000));
            urls.AddRange(entries);
        }
        var locs = urls.Select(u => u.Element(Sm + "loc")!.Value).ToList();
        var work = urls.Single(u => u.Element(Sm + "loc")!.Value.Contains($"/oeuvres/{visible}/"));
        Assert.Multiple(() =>
        {
            Assert.That(work.Element(Sm + "lastmod")!.Value, Is.EqualTo("2026-03-14T15:09:26Z"));
            Assert.That(work.Element(Img + "image")?.Element(Img + "loc")?.Value, Does.StartWith(PosaXApp.BaseUrl + "/media/a/").And.EndWith("/og.jpg"));
            Assert.That(locs, Has.None.Contains($"/oeuvres/{hidden}/"));
            Assert.That(locs, Has.Some.EqualTo(PosaXApp.BaseUrl + "/oeuvres"));
            Assert.That(locs.Where(l => SitemapPrivate(l)), Is.Empty, "no private page");
        });
    }

    private static bool SitemapPrivate(string url) =>
        new[] { "/connexion", "/inscription", "/profil", "/atelier", "/admin" }.Any(p => new Uri(url).AbsolutePath.StartsWith(p, StringComparison.Ordinal));

    [Test]
    public async Task Twelve_thousand_works_are_split_into_children_of_at_most_2000_listed_by_a_streamed_index()
    {
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?>());
        var (artist, email) = await Accounts.NewArtistAsync(app);
        artist.Dispose();
        await app.WithDbAsync(async db =>
        {
            var artistId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            // 12,000 plain rows in one statement: the sitemap reads ids, never the images.
            var generator = Provider == DatabaseProvider.Postgres
                ? "SELECT g AS n FROM generate_series(1, 12000) AS g"
                : "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 12000) SELECT n FROM s";
            var artistParam = Provider == DatabaseProvider.Postgres ? "{0}::uuid" : "{0}";
            // Only constants are spliced in; the values are parameters.
            var sql = """
                INSERT INTO "Artworks" ("ArtistId", "Title", "Slug", "Price", "CategoryId", "HeightCm", "WidthCm",
                    "Orientation", "SizeClass", "Status", "SearchText", "CreatedAt", "UpdatedAt")
                SELECT ARTIST, 'Œuvre ' || n, 'oeuvre-' || n, 1000 + n, 1, 50, 50, 2, 1, 0, 'oeuvre', {1}, {1}
                FROM (GENERATOR) AS numbers
                """.Replace("ARTIST", artistParam).Replace("GENERATOR", generator);
            return await db.Database.ExecuteSqlRawAsync(sql, artistId, now);
        });
        using var client = app.CreateBrowserClient();

        var index = await GetXmlAsync(client, "/sitemap.xml");
        var workSitemaps = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).Where(l => l.Contains("/oeuvres-")).ToList();
        // Blocks of 2,000 ids: six full ones, or seven when the ids do not start on a block's edge.
        Assert.That(workSitemaps, Has.Count.InRange(6, 7));
        var total = 0;
        foreach (var child in workSitemaps)
        {
            var count = (await GetXmlAsync(client, PathOf(child))).Root!.Elements(Sm + "url").Count();
            Assert.That(count, Is.LessThanOrEqualTo(2_000));
            total += count;
        }
        Assert.That(total, Is.EqualTo(12_000));
    }

    [Test]
    public async Task Four_thousand_artists_are_split_into_numbered_blocks_each_holding_only_its_visible_artists_listed_by_one_query()
    {
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?>());
        const int count = 4_100;
        // Who must stay out: not activated, suspended, only a hidden work, no work at all (today's Listed rule).
        static bool Unconfirmed(int n) => n % 97 == 0;
        static bool Suspended(int n) => n % 89 == 0;
        static bool OnlyHidden(int n) => n % 83 == 0;
        static bool NoWork(int n) => n % 79 == 0;
        var created = new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            // Through EF, as a sign-up writes them: the database numbers each one.
            db.Users.AddRange(Enumerable.Range(1, count).Select(n => new Artist
            {
                DisplayName = "Plan " + n, Slug = "plan-" + n, Email = $"plan-{n}@example.cm", UserName = $"plan-{n}@example.cm",
                NormalizedEmail = $"PLAN-{n}@EXAMPLE.CM", NormalizedUserName = $"PLAN-{n}@EXAMPLE.CM",
                EmailConfirmed = !Unconfirmed(n), SuspendedAt = Suspended(n) ? created : null, CreatedAt = created.AddMinutes(n),
                SecurityStamp = Guid.NewGuid().ToString("N"),
            }));
            await db.SaveChangesAsync();
            var artists = await db.Users.Where(u => u.Slug.StartsWith("plan-")).Select(u => new { u.Id, u.Slug }).ToListAsync();
            var now = DateTime.UtcNow;
            foreach (var artist in artists)
            {
                var n = int.Parse(artist.Slug["plan-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                if (NoWork(n)) continue;
                db.Artworks.Add(new Artwork
                {
                    ArtistId = artist.Id, Title = "Œuvre " + n, Slug = "oeuvre-" + n, Price = 1000 + n, CategoryId = 1,
                    HeightCm = 50, WidthCm = 50, SearchText = "oeuvre", CreatedAt = now, UpdatedAt = now,
                    HiddenAt = OnlyHidden(n) ? now : null,
                });
            }
            return await db.SaveChangesAsync();
        });
        var numbers = await app.WithDbAsync(db => db.Users.Where(u => u.Slug.StartsWith("plan-"))
            .Select(u => new { u.Slug, Number = EF.Property<long>(u, Artist.SitemapNumberProperty) })
            .ToDictionaryAsync(u => u.Slug, u => u.Number));
        using var client = app.CreateBrowserClient();

        IReadOnlyList<string> blocks, artistQueries;
        using (var commands = new DatabaseCommands())
        {
            blocks = await ArtistSitemaps.BlocksAsync(client);
            artistQueries = commands.Texts.Where(t => t.Contains(Artist.SitemapNumberProperty, StringComparison.Ordinal)).ToList();
        }
        var expectedBlocks = numbers.Values.Select(v => v / SitemapEndpoints.ArtistsPerSitemap).Distinct().Order()
            .Select(b => $"/sitemaps/artistes-{b}.xml").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(numbers.Values.Distinct().Count(), Is.EqualTo(count), "each artist its own number");
            Assert.That(expectedBlocks, Has.Count.GreaterThanOrEqualTo(3), "several blocks");
            Assert.That(blocks, Is.EqualTo(expectedBlocks), "the index lists the artists' blocks");
            // The last number, then one query for every block (not one per block).
            Assert.That(artistQueries, Has.Count.EqualTo(2), "the index's queries of the artists' numbers:\n" + string.Join("\n", artistQueries));
        });
        var listed = new List<string>();
        foreach (var path in blocks)
        {
            var block = long.Parse(path["/sitemaps/artistes-".Length..^".xml".Length], System.Globalization.CultureInfo.InvariantCulture);
            var doc = await GetXmlAsync(client, path);
            Assert.That(doc.Root!.Name, Is.EqualTo(Sm + "urlset"), path);
            var locs = doc.Root.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value).ToList();
            Assert.That(locs, Has.All.StartWith(PosaXApp.BaseUrl + "/artistes/"), "absolute");
            var slugs = locs.Select(l => PathOf(l)["/artistes/".Length..]).ToList();
            Assert.That(slugs.Select(s => numbers[s] / SitemapEndpoints.ArtistsPerSitemap), Has.All.EqualTo(block), path + ": only its artists");
            Assert.That(slugs, Has.Count.LessThanOrEqualTo(SitemapEndpoints.ArtistsPerSitemap));
            listed.AddRange(slugs);
        }
        var visible = Enumerable.Range(1, count).Where(n => !Unconfirmed(n) && !Suspended(n) && !OnlyHidden(n) && !NoWork(n)).Select(n => "plan-" + n);
        Assert.That(listed, Is.EquivalentTo(visible), "every visible artist once, no other");
    }

    [Test]
    public async Task A_block_past_the_last_number_or_below_zero_is_404_for_artists_and_works_alike_and_the_old_single_list_moved_to_the_first_block()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        await SeedArtworks.CreateAsync(App, email, "Au bord du plan " + Guid.NewGuid().ToString("N")[..6]);
        var last = await App.WithDbAsync(db => db.Users.MaxAsync(u => EF.Property<long>(u, Artist.SitemapNumberProperty)));
        var lastWork = await App.WithDbAsync(db => db.Artworks.MaxAsync(a => a.Id));
        using var client = NewClient();
        // The last blocks themselves answer (200): only past them is 404.
        await GetXmlAsync(client, $"/sitemaps/artistes-{last / SitemapEndpoints.ArtistsPerSitemap}.xml");
        await GetXmlAsync(client, $"/sitemaps/oeuvres-{lastWork / SitemapEndpoints.UrlsPerSitemap}.xml");
        foreach (var path in new[]
        {
            $"/sitemaps/artistes-{last / SitemapEndpoints.ArtistsPerSitemap + 1}.xml", "/sitemaps/artistes--1.xml", "/sitemaps/artistes-x.xml",
            $"/sitemaps/oeuvres-{lastWork / SitemapEndpoints.UrlsPerSitemap + 1}.xml", "/sitemaps/oeuvres--1.xml", "/sitemaps/oeuvres-x.xml",
        })
        {
            using var response = await client.Http.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }
        using var old = await client.Http.GetAsync("/sitemaps/artistes.xml");
        Assert.Multiple(() =>
        {
            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
            Assert.That(old.Headers.Location?.OriginalString, Is.EqualTo("/sitemaps/artistes-0.xml"));
        });
    }
}
