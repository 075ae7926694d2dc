using System.Globalization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Seo;

/// <summary>
/// /robots.txt and /sitemap.xml: a sitemap index whose children hold at most 2,000 work URLs each,
/// written with XmlWriter straight to the response while rows stream from the database (1,000,000
/// works never sit in memory at once). Work sitemaps are blocks of 2,000 ids, so a child is found
/// by an index range, never by OFFSET; the index is written block by block too. Only what the
/// public may see is listed. Artists' sitemaps are blocks of 1,000 artist numbers the same way
/// (<c>/sitemaps/artistes-{n}.xml</c>; <see cref="Artist.SitemapNumberProperty"/>).
/// </summary>
public static class SitemapEndpoints
{
    /// <summary>
    /// URLs per work sitemap (the protocol allows 50,000): 2,000 keeps a child near 480 KB, so a
    /// crawler's fetch neither pins megabytes in the server's buffers nor churns the large object
    /// heap (10,000 made 2.4 MB children; docs/benchmarks.md).
    /// </summary>
    public const int UrlsPerSitemap = 2_000;

    /// <summary>
    /// Artists per artists' sitemap (<c>/sitemaps/artistes-{n}.xml</c>, a block of
    /// <see cref="Artist.SitemapNumberProperty"/>): an artist's &lt;url&gt; with its three language links is
    /// ≈ 400 bytes (2,000 made 812 KB at 50,000 artists), so 1,000 keeps a child near 400 KB like the work
    /// children's 480 KB: 50,000 artists make 50 children, far from the protocol's 50,000 URLs and 50 MB,
    /// one artist's change makes a crawler fetch 400 KB again instead of the whole list (20 MB at
    /// 50,000), and no child pins megabytes in the output cache (docs/benchmarks.md).
    /// </summary>
    public const int ArtistsPerSitemap = 1_000;

    /// <summary>The first artists' block: where the single list of old (/sitemaps/artistes.xml) now sends, 301.</summary>
    public const string FirstArtistsSitemap = "/sitemaps/artistes-0.xml";

    /// <summary>Private pages: out of the sitemap, disallowed in robots.txt, noindex in their head.</summary>
    public static readonly string[] PrivatePaths =
        ["/connexion", "/inscription", "/profil", "/atelier", "/admin", "/activation", "/reinitialisation", "/mot-de-passe-oublie", "/deconnexion"];

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (IOptions<SiteOptions> site) =>
        {
            var lines = new List<string> { "User-agent: *" };
            lines.AddRange(PrivatePaths.Select(p => "Disallow: " + p));
            lines.Add("");
            lines.Add("Sitemap: " + site.Value.Absolute("/sitemap.xml").AbsoluteUri);
            return Results.Text(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
        }).CacheOutput(PublicCache.Listing);
        app.MapGet("/sitemap.xml", WriteIndexAsync).CacheOutput(PublicCache.Listing);
        app.MapGet("/sitemaps/pages.xml", WritePagesAsync).CacheOutput(PublicCache.Listing);
        // The single list of before the blocks: crawlers and Search Console may still hold its URL. 301 rather
        // than serving block 0 under two URLs: one document, one address, and the crawler learns the new one.
        app.MapGet("/sitemaps/artistes.xml", () => Results.Redirect(FirstArtistsSitemap, permanent: true)).CacheOutput(PublicCache.Listing);
        app.MapGet("/sitemaps/artistes-{block:int}.xml", WriteArtistsAsync).CacheOutput(PublicCache.Listing);
        app.MapGet("/sitemaps/oeuvres-{block:int}.xml", WriteArtworksAsync).CacheOutput(PublicCache.Listing);
        return app;
    }

    private static async Task WriteIndexAsync(HttpContext context, PosaXDbContext db, IOptions<SiteOptions> site)
    {
        var ct = context.RequestAborted;
        // Streamed: the head and the fixed children go out first, then the blocks of works, read 50
        // blocks (a range of 100,000 ids of the primary key) at a time. One GROUP BY over every public
        // work took 1.7 s at 1,000,000 works before the first byte (issue 17); one query per block
        // joined all 50,000 artists each time (500 × 34 ms).
        var lastId = await db.Artworks.MaxAsync(a => (long?)a.Id, ct) ?? -1;
        await using var xml = await StartAsync(context, "sitemapindex", null);
        await SitemapAsync(xml, site.Value.Absolute("/sitemaps/pages.xml"), null);
        await xml.FlushAsync();
        await context.Response.Body.FlushAsync(ct);
        // The artists' blocks, from their numbers: one index lookup for the last, then ONE query asking each block
        // number up to it for its first listed artist (a block without one has no sitemap). Written as a scalar
        // subquery with LIMIT 1, which PostgreSQL runs per block as an index range scan that stops at the first
        // listed artist: 1.8 ms at 50,000 artists and 100,000 works, where one query per block took 51 round trips
        // (92 ms), the same test written as EXISTS was flattened into a hash join over every work (448 ms) and a
        // DISTINCT over the listed artists runs every artist's EXISTS too. No lastmod: a GROUP BY of the listed
        // artists for it took 308 ms at 50,000 artists and 200,000 works (each one's EXISTS), and a block's newest
        // sign-up says nothing of an artist suspended or hidden in it; each URL inside carries its own.
        var lastArtist = await db.Users.MaxAsync(u => (long?)EF.Property<long>(u, Artist.SitemapNumberProperty), ct);
        if (lastArtist is not null)
        {
            var artistBlocks = await SitemapBlock.Numbers(db, lastArtist.Value / ArtistsPerSitemap)
                .Where(block => db.Users.Listed(db.Artworks)
                    .Where(u => EF.Property<long>(u, Artist.SitemapNumberProperty) >= block * ArtistsPerSitemap
                        && EF.Property<long>(u, Artist.SitemapNumberProperty) < (block + 1) * ArtistsPerSitemap)
                    .Select(u => (long?)EF.Property<long>(u, Artist.SitemapNumberProperty))
                    .FirstOrDefault() != null)
                .OrderBy(block => block)
                .ToListAsync(ct);
            foreach (var block in artistBlocks)
                await SitemapAsync(xml, site.Value.Absolute($"/sitemaps/artistes-{block}.xml"), null);
        }
        await xml.FlushAsync();
        const long idsPerQuery = 50L * UrlsPerSitemap;
        for (var first = 0L; first <= lastId; first += idsPerQuery)
        {
            var (from, to) = (first, first + idsPerQuery);
            // A block without a public work has no sitemap (no group).
            var blocks = await db.Artworks.OnSite()
                .Where(a => a.Id >= from && a.Id < to)
                .GroupBy(a => a.Id / UrlsPerSitemap)
                .Select(g => new { Block = g.Key, LastModified = g.Max(a => a.UpdatedAt) })
                .OrderBy(g => g.Block)
                .ToListAsync(ct);
            foreach (var block in blocks)
                await SitemapAsync(xml, site.Value.Absolute($"/sitemaps/oeuvres-{block.Block}.xml"), block.LastModified);
            await xml.FlushAsync();
        }
        await EndAsync(xml);
    }

    private static async Task WritePagesAsync(HttpContext context, PosaXDbContext db, IOptions<SiteOptions> site)
    {
        var categories = await CatalogueCategories.Listed(db).Select(c => c.Slug).ToListAsync(context.RequestAborted);
        await using var xml = await StartAsync(context, "urlset", null);
        await UrlAsync(xml, site.Value.Absolute("/"), null);
        await UrlAsync(xml, site.Value.Absolute(ArtworkUrls.Catalogue), null);
        await UrlAsync(xml, site.Value.Absolute("/artistes"), null);
        foreach (var slug in categories)
            await UrlAsync(xml, site.Value.Absolute($"{ArtworkUrls.Catalogue}?categorie={slug}"), null);
        // The trust pages: what a buyer reads before writing to a stranger (About's Markdown pages and contact).
        foreach (var slug in About.AboutTexts.Pages.Keys.Order(StringComparer.Ordinal))
            await UrlAsync(xml, site.Value.Absolute("/" + slug), null);
        await UrlAsync(xml, site.Value.Absolute("/contact"), null);
        await EndAsync(xml);
    }

    private static async Task WriteArtistsAsync(int block, HttpContext context, PosaXDbContext db, IOptions<SiteOptions> site)
    {
        // A block past the last artist's number is unknown (one index lookup, before the head goes out).
        var lastNumber = await db.Users.MaxAsync(u => (long?)EF.Property<long>(u, Artist.SitemapNumberProperty), context.RequestAborted);
        if (SitemapBlock.Of(block, ArtistsPerSitemap, lastNumber) is not (var first, var last)) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
        await using var xml = await StartAsync(context, "urlset", null);
        var artists = db.Users.AsNoTracking().Listed(db.Artworks)
            .Where(u => EF.Property<long>(u, Artist.SitemapNumberProperty) >= first && EF.Property<long>(u, Artist.SitemapNumberProperty) < last)
            .OrderBy(u => EF.Property<long>(u, Artist.SitemapNumberProperty))
            .Select(u => new { u.Slug, u.CreatedAt }).AsAsyncEnumerable();
        await foreach (var artist in artists.WithCancellation(context.RequestAborted))
            await UrlAsync(xml, site.Value.Absolute("/artistes/" + artist.Slug), artist.CreatedAt);
        await EndAsync(xml);
    }

    private static async Task WriteArtworksAsync(int block, HttpContext context, PosaXDbContext db, IOptions<SiteOptions> site)
    {
        // A block past the last work's id is unknown, as the artists' (one index lookup, before the head goes out).
        var lastId = await db.Artworks.MaxAsync(a => (long?)a.Id, context.RequestAborted);
        if (SitemapBlock.Of(block, UrlsPerSitemap, lastId) is not (var first, var last)) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
        var works = db.Artworks.AsNoTracking().OnSite()
            .Where(a => a.Id >= first && a.Id < last)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.UpdatedAt,
                Cover = a.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await using var xml = await StartAsync(context, "urlset", ImageNs);
        await foreach (var work in works.WithCancellation(context.RequestAborted))
        {
            await xml.WriteStartElementAsync(null, "url", SitemapNs);
            await xml.WriteElementStringAsync(null, "loc", SitemapNs, site.Value.Absolute(ArtworkUrls.Page(work.Id, work.Slug)).AbsoluteUri);
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNs, W3CDate(work.UpdatedAt));
            await LanguageAlternatesAsync(xml, site.Value.Absolute(ArtworkUrls.Page(work.Id, work.Slug)));
            if (work.Cover is not null)
            {
                await xml.WriteStartElementAsync("image", "image", ImageNs);
                await xml.WriteElementStringAsync("image", "loc", ImageNs, site.Value.Absolute(ImagePipeline.OgUrl(work.Cover)).AbsoluteUri);
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
        await EndAsync(xml);
    }

    private static async Task<XmlWriter> StartAsync(HttpContext context, string root, string? imageNs)
    {
        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, root, SitemapNs);
        if (imageNs is not null) await xml.WriteAttributeStringAsync("xmlns", "image", null, imageNs);
        if (root == "urlset") await xml.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNs);
        // The head goes out before the rows are read: a cold child of 2,000 works waited ≈ 190 ms for
        // its query at 1,000,000 works before its first byte (issue 17); the rest follows as it is read.
        await xml.FlushAsync();
        await context.Response.Body.FlushAsync(context.RequestAborted);
        return xml;
    }

    private static async Task EndAsync(XmlWriter xml)
    {
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task SitemapAsync(XmlWriter xml, Uri loc, DateTime? lastModified)
    {
        await xml.WriteStartElementAsync(null, "sitemap", SitemapNs);
        await xml.WriteElementStringAsync(null, "loc", SitemapNs, loc.AbsoluteUri);
        if (lastModified is not null) await xml.WriteElementStringAsync(null, "lastmod", SitemapNs, W3CDate(lastModified.Value));
        await xml.WriteEndElementAsync();
    }

    private static async Task UrlAsync(XmlWriter xml, Uri loc, DateTime? lastModified)
    {
        await xml.WriteStartElementAsync(null, "url", SitemapNs);
        await xml.WriteElementStringAsync(null, "loc", SitemapNs, loc.AbsoluteUri);
        if (lastModified is not null) await xml.WriteElementStringAsync(null, "lastmod", SitemapNs, W3CDate(lastModified.Value));
        await LanguageAlternatesAsync(xml, loc);
        await xml.WriteEndElementAsync();
    }

    /// <summary>
    /// The page in both languages (hreflang fr, en and x-default: French), as its head says: one &lt;url&gt; per
    /// page, its loc the French URL, so a block counts its pages once (not one URL per language).
    /// </summary>
    private static async Task LanguageAlternatesAsync(XmlWriter xml, Uri loc)
    {
        var french = loc.PathAndQuery;
        var english = LocalizedPaths.For(french, Infrastructure.Text.Languages.English);
        if (english == french) return;
        var origin = loc.GetLeftPart(UriPartial.Authority);
        foreach (var (language, path) in new[] { ("fr", french), ("en", english), ("x-default", french) })
        {
            await xml.WriteStartElementAsync("xhtml", "link", XhtmlNs);
            await xml.WriteAttributeStringAsync(null, "rel", null, "alternate");
            await xml.WriteAttributeStringAsync(null, "hreflang", null, language);
            await xml.WriteAttributeStringAsync(null, "href", null, origin + path);
            await xml.WriteEndElementAsync();
        }
    }

    /// <summary>W3C datetime in UTC, 24-hour clock (Miniblog wrote a 12-hour "hh").</summary>
    private static string W3CDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
