using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace PosaX.Web.Infrastructure.Web;

public sealed class PublicCacheOptions
{
    public const string Section = "OutputCache";

    /// <summary>How long a public page is served from memory when nothing evicts it first.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The cached bodies' total size, in MB (least recently used first out). Evicted bodies stay in
    /// the GC heap until a full collection, so the process holds up to about twice this: with
    /// ASP.NET's default 100 MB the app stayed at 460–590 MB after bench/run.sh's load.
    /// </summary>
    public int SizeLimitMegabytes { get; set; } = 32;
}

/// <summary>
/// The output cache of the anonymous public pages, and the one place that evicts it: the data's
/// changes are mapped to tags and evicted after their commit by <see cref="PublicCacheEviction"/>,
/// so a change shows at once. Tags: <see cref="CatalogueTag"/> on every listing (home, /oeuvres, /artistes, sitemaps),
/// <see cref="ArtworkTag"/> on a work page (its own and each similar work's shown on it),
/// <see cref="ArtistTag"/> on an artist's page and on the pages of their works, <see cref="PagesTag"/>
/// on every work and artist page (a category change: work pages show their category's name, and
/// these acts are rare enough that one rule for all of them is worth a few needless renders).
/// </summary>
public sealed class PublicCache(IOutputCacheStore store)
{
    /// <summary>Listings that read no query string: home, /artistes, sitemaps, robots.txt.</summary>
    public const string Listing = "public-listing";
    /// <summary>/oeuvres: one entry per query string (filters, search, pages).</summary>
    public const string Search = "public-search";
    /// <summary>A work or artist page; the page tags itself with what it shows.</summary>
    public const string Page = "public-page";

    public const string CatalogueTag = "catalogue";
    /// <summary>Every page of the <see cref="Page"/> policy (work and artist pages), whatever it tagged itself with.</summary>
    public const string PagesTag = "public-pages";
    /// <summary>Entries also kept on disk by <see cref="PageSnapshotStore"/> (work pages).</summary>
    public const string SnapshotTag = "page-snapshot";
    public static string ArtworkTag(long id) => $"artwork:{id}";
    public static string ArtistTag(Guid id) => $"artist:{id}";

    /// <summary>Tags the response being cached (no-op when the request is not cached).</summary>
    public static void Tag(HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is not { } feature) return;
        foreach (var tag in tags) feature.Context.Tags.Add(tag);
    }

    /// <summary>
    /// Evicts the pages tagged with any of <paramref name="tags"/>. Called by
    /// <see cref="PublicCacheEviction"/> after a commit; no feature calls it.
    /// </summary>
    public async Task EvictAsync(IEnumerable<string> tags)
    {
        // Not the request's token: the commit is done, the eviction must happen even if the client left.
        foreach (var tag in tags) await store.EvictByTagAsync(tag, CancellationToken.None);
    }

    public static void AddPolicies(OutputCacheOptions options)
    {
        options.AddPolicy(Listing, new PublicPagePolicy(varyByQuery: false, CatalogueTag));
        options.AddPolicy(Search, new PublicPagePolicy(varyByQuery: true, CatalogueTag));
        options.AddPolicy(Page, new PublicPagePolicy(varyByQuery: false, PagesTag));
    }

    /// <summary>
    /// Only anonymous GET/HEAD requests are looked up or stored (the layout shows a signed-in
    /// user's account links), and only a 200 that sets no cookie and does not forbid storing:
    /// a page that hands out an antiforgery token (Set-Cookie, Cache-Control: no-store) is never
    /// stored, so no visitor ever receives another's token.
    /// </summary>
    private sealed class PublicPagePolicy(bool varyByQuery, string tag) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = http.RequestServices.GetRequiredService<IOptions<PublicCacheOptions>>().Value.Expiry;
            if (varyByQuery) context.CacheVaryByRules.QueryKeys = "*";
            context.Tags.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
