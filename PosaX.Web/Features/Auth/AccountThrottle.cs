using Microsoft.Extensions.Options;

using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Strict per-account limits, keyed by the address typed (existing or not, so the limit itself
/// reveals nothing). Per-IP limits are the rate-limiting middleware's job.
/// </summary>
public sealed class AccountThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly KeyedThrottle _logins = new(options.Value.LoginPerAccount, options.Value.LoginWindow);
    private readonly KeyedThrottle _mails = new(options.Value.MailPerAccount, options.Value.MailWindow);

    /// <summary>Null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? TryLogin(string email) => _logins.TryAcquire(Key(email));

    /// <summary>Registration, activation resend and password reset: each one sends a mail.</summary>
    public TimeSpan? TryMail(string action, string email) => _mails.TryAcquire(Key(action + ":" + email));

    private static string Key(string typed) => typed.Trim().ToUpperInvariant();

    public void Dispose()
    {
        _logins.Dispose();
        _mails.Dispose();
    }
}
