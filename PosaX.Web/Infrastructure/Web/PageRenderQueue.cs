using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// The renders of the public pages (the Razor pages under a <see cref="PublicCache"/> policy: home, /oeuvres and its
/// searches, work and artist pages) take their turn: at most <see cref="RateLimitOptions.ConcurrentPageRenders"/> at
/// once, the others wait, oldest first (issue 17).
/// </summary>
/// <remarks>
/// <para>Why: two cores shared by every request in flight serve each one at the speed of one core divided by their
/// number, so under load a search that costs 50 ms of CPU took 8–16 times that while cheap ones crowded it (at
/// 1,000,000 works, 16 connections: p99 309 ms for a mean of 91). In turn, each render runs at full speed and every
/// request waits about the same: the mean, which the load sets (Little's law), is unchanged; the tail is no longer
/// the costliest render multiplied by the crowd.</para>
/// <para>Only renders wait: the output cache answers before this limiter (Program.cs puts <c>UseRateLimiter</c> after
/// <c>UseOutputCache</c>), and static files, POSTs and every other page do not queue. A queued request whose client
/// leaves is dropped from the queue. When the queue is full, a 503 with Retry-After (the site's error page), not a
/// wait nobody sees the end of.</para>
/// <para>Per instance, as the CPU it shares out is.</para>
/// </remarks>
public static class PageRenderQueue
{
    private const string Partition = "page-renders";

    /// <summary>The limiter ASP.NET Core's rate limiting middleware runs before any endpoint's own policy.</summary>
    public static PartitionedRateLimiter<HttpContext> GlobalLimiter() =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!Queues(context)) return RateLimitPartition.GetNoLimiter(string.Empty);
            var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            if (options.ConcurrentPageRenders <= 0) return RateLimitPartition.GetNoLimiter(string.Empty);
            return RateLimitPartition.GetConcurrencyLimiter(Partition, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentPageRenders,
                QueueLimit = options.PageRenderQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });

    /// <summary>A GET or HEAD of a public page: what takes its turn.</summary>
    public static bool Queues(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<PageActionDescriptor>() is not null
        && metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName is PublicCache.Listing or PublicCache.Search or PublicCache.Page;

    /// <summary>
    /// A queued render refused (the queue is full): 503, Retry-After 1 s, and nothing written, so the status code
    /// pages write the site's error page. False for any other refusal (a feature's per-client limit on posts).
    /// </summary>
    public static bool Refused(OnRejectedContext context)
    {
        if (!Queues(context.HttpContext)) return false;
        context.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.HttpContext.Response.Headers.RetryAfter = 1.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}
