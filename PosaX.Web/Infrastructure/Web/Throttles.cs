using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// A limit keyed by what a request is about rather than where it comes from: the address typed at
/// login, a buyer's phone, a reporter's network. The one mechanism behind every per-key limit
/// (AccountThrottle, OrderThrottle, ReportThrottle); per-IP limits are <see cref="ClientRateLimits"/>.
/// </summary>
public sealed class KeyedThrottle(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    /// <summary>Null when allowed (and counted), otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Per-client-IP limits on the posts of a page or folder, through ASP.NET Core's rate limiter: the
/// one way a feature declares one (its registration names the policy, the limit and the pages).
/// Only POSTs count: reading a form is free.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>Adds the policy <paramref name="name"/>: <paramref name="limit"/> posts per client IP per window.</summary>
    public static IServiceCollection AddPerClientPostLimit(this IServiceCollection services, string name,
        Func<RateLimitOptions, (int Permits, TimeSpan Window)> limit) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(name, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
            var (permits, window) = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
            var ip = context.Connection.RemoteIpAddress ?? IPAddress.None;
            return RateLimitPartition.GetFixedWindowLimiter(ip.ToString(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = window, QueueLimit = 0,
            });
        }));

    /// <summary>The page model convention that puts a page (or a folder's pages) under the policy.</summary>
    public static void Limit(PageApplicationModel model, string policy) =>
        model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
}
