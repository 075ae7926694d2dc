using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// The one counting rule behind every limit of the site (per client IP and per key): a sliding log
/// of the instants of the last <c>permits</c> acquisitions. In ANY interval as long as the window,
/// at most <c>permits</c> get through — a fixed window lets twice the limit through across its
/// boundary, this does not, and it names the exact wait (when the oldest counted attempt leaves the
/// window). Memory: one timestamp per permit in use, per key; an idle key is dropped by the
/// partitioned limiter that holds it.
/// </summary>
public sealed class SlidingWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private DateTimeOffset _lastUsed = time.GetUtcNow();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_recent)
            {
                var now = Prune();
                return _recent.Count == 0 ? now - _lastUsed : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_recent)
        {
            Prune();
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - _recent.Count) };
        }
    }

    /// <summary>A permit count of 0 asks "would one be allowed?" without counting anything.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (permitCount > permits) return new RetryAfterLease(false, window);
        lock (_recent)
        {
            var now = Prune();
            if (_recent.Count + Math.Max(permitCount, 1) > permits)
                return new RetryAfterLease(false, _recent.ElementAt(_recent.Count + Math.Max(permitCount, 1) - permits - 1) + window - now);
            for (var i = 0; i < permitCount; i++) _recent.Enqueue(now);
            if (permitCount > 0) _lastUsed = now;
            return new RetryAfterLease(true, null);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private DateTimeOffset Prune()
    {
        var now = time.GetUtcNow();
        while (_recent.Count > 0 && _recent.Peek() + window <= now) _recent.Dequeue();
        return now;
    }

}

/// <summary>
/// A limit keyed by what a request is about rather than where it comes from: the address typed at
/// login, a buyer's phone, a reporter's network. The one mechanism behind every per-key limit
/// (AccountThrottle, OrderThrottle, ReportThrottle); per-IP limits are <see cref="ClientRateLimits"/>.
/// Both count with <see cref="SlidingWindowLimiter"/>; with Redis configured, with the same rule in
/// Redis (<see cref="Redis.SharedWindows"/>: one count for every instance) — <paramref name="name"/>
/// then tells this limit's keys from another's.
/// </summary>
public sealed class KeyedThrottle(int permits, TimeSpan window, TimeProvider? time = null,
    Redis.SharedWindows? shared = null, string name = "") : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.Get(key, _ => LimitCounters.Create(shared, $"{name}:{key}", permits, window, time ?? TimeProvider.System)));

    /// <summary>Null when allowed (and counted), otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string key) => Answer(key, 1);

    /// <summary>Null when one more would be allowed; counts nothing (see <see cref="TryAcquire"/> to count).</summary>
    public TimeSpan? WaitFor(string key) => Answer(key, 0);

    private TimeSpan? Answer(string key, int permitCount)
    {
        using var lease = _limiter.AttemptAcquire(key, permitCount);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// The one place a limit's counter is made: in process (<see cref="SlidingWindowLimiter"/>), or with
/// Redis configured the same sliding log in Redis, counted once for all instances, which falls back to
/// the in-process one while Redis does not answer (fail open to per-instance limits; README).
/// </summary>
public static class LimitCounters
{
    public static RateLimiter Create(Redis.SharedWindows? shared, string key, int permits, TimeSpan window, TimeProvider time)
    {
        var local = new SlidingWindowLimiter(permits, window, time);
        return shared is null ? local : new Redis.SharedWindowLimiter(shared, key, permits, window, local);
    }
}

/// <summary>
/// Per-client-IP limits on the posts of a page or folder, through ASP.NET Core's rate limiter: the
/// one way a feature declares one (its registration names the policy, the limit and the pages).
/// Only POSTs count: reading a form is free. Counted by <see cref="SlidingWindowLimiter"/>.
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
            var time = context.RequestServices.GetRequiredService<TimeProvider>();
            var shared = context.RequestServices.GetService<Redis.SharedWindows>();
            var ip = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
            return RateLimitPartition.Get(ip, _ => LimitCounters.Create(shared, $"{name}:{ip}", permits, window, time));
        }));

    /// <summary>The page model convention that puts a page (or a folder's pages) under the policy.</summary>
    public static void Limit(PageApplicationModel model, string policy) =>
        model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
}

/// <summary>A limiter's answer: acquired, or not with the exact wait (Retry-After). Both sliding windows use it.</summary>
internal sealed class RetryAfterLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = retryAfter;
        return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
    }
}
