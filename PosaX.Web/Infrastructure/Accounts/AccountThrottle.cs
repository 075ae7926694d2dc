using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PosaX.Web.Infrastructure.Accounts;

/// <summary>
/// Strict per-account limits, keyed by the address typed (existing or not, so the limit itself
/// reveals nothing). Per-IP limits are the rate-limiting middleware's job.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _logins;
    private readonly PartitionedRateLimiter<string> _mails;

    public AccountThrottle(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        _logins = Create(o.LoginPerAccount, o.LoginWindow);
        _mails = Create(o.MailPerAccount, o.MailWindow);
    }

    /// <summary>Null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? TryLogin(string email) => Acquire(_logins, email);

    /// <summary>Registration, activation resend and password reset: each one sends a mail.</summary>
    public TimeSpan? TryMail(string action, string email) => Acquire(_mails, action + ":" + email);

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key.Trim().ToUpperInvariant());
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    public void Dispose()
    {
        _logins.Dispose();
        _mails.Dispose();
    }
}
