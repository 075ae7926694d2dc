using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Redis;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Per-account limits, keyed by the address typed (existing or not: the limits answer the same for
/// both, so they reveal nothing), as a salted hash of its normalised form: no address is kept.
/// <para>Logins (OWASP ASVS 5.0 V6.3.1, V6.6.3) count failed attempts — a wrong password, an unknown
/// address, a wrong second-factor code — never successes, and nothing is written to the account:
/// Identity's lockout is off (<see cref="PosaXUserManager"/>), so no stranger can lock anyone out.
/// (a) Per address and client IP (an IPv6 /64 is one client): <c>LoginPerAccount</c> failures per
/// <c>LoginWindow</c>, sliding. (b) Per address, from any client: after <c>LoginPerAccount</c>
/// failures each further one needs a wait that doubles from one second up to <c>LoginDelayCap</c>;
/// forgotten after <c>LoginWindow</c> without a failure. The owner, from another client, is never
/// held longer than that cap by a stranger's guesses; a stranger with many IPs gets one guess per cap.</para>
/// Per-IP limits on every post are the rate-limiting middleware's job.
/// <para>With Redis configured (several instances) the salt, (a), (b) and the mail limits are shared by
/// every instance (<see cref="SharedWindows"/>: (a) and the mails as sliding windows, (b) as a run of
/// failures forgotten after <c>LoginWindow</c> without one); while Redis does not answer, each instance
/// counts on its own, as every limit does.</para>
/// </summary>
public sealed class AccountThrottle(IOptions<RateLimitOptions> options, TimeProvider time, SharedWindows? shared = null) : IDisposable
{
    private readonly RateLimitOptions _limits = options.Value;
    private readonly byte[] _localSalt = RandomNumberGenerator.GetBytes(32);
    private readonly KeyedThrottle _loginsPerClient = new(options.Value.LoginPerAccount, options.Value.LoginWindow, time, shared, "login-client");
    private readonly ConcurrentDictionary<string, Failures> _failuresPerAddress = new();
    private readonly KeyedThrottle _mails = new(options.Value.MailPerAccount, options.Value.MailWindow, time, shared, "account-mail");
    private long _sweepAfter;

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>Null when a login attempt (password or second factor) may be made; otherwise how long to wait.</summary>
    public TimeSpan? LoginWait(string email, IPAddress? client)
    {
        var address = Key(email);
        var perClient = _loginsPerClient.WaitFor(ClientKey(address, client));
        TimeSpan? perAddress = null;
        if (FailuresOf(address) is { } streak && streak.Count >= _limits.LoginPerAccount)
        {
            var wait = DelayAfter(streak.Count) - streak.SinceLast;
            if (wait > TimeSpan.Zero) perAddress = wait;
        }
        return perClient > perAddress ? perClient : perAddress ?? perClient;
    }

    /// <summary>A wrong password, an unknown address or a wrong code: counted alike.</summary>
    public void LoginFailed(string email, IPAddress? client)
    {
        var address = Key(email);
        _loginsPerClient.TryAcquire(ClientKey(address, client));
        if (shared?.TryAddToStreak(StreakKey(address), _limits.LoginWindow) == true) return;
        var now = time.GetUtcNow();
        _failuresPerAddress.AddOrUpdate(address, _ => new Failures(1, now),
            (_, old) => new Failures((Current(old, now)?.Count ?? 0) + 1, now));
        SweepNowAndThen(now);
    }

    /// <summary>Registration, activation resend and password reset: each one sends a mail.</summary>
    public TimeSpan? TryMail(string action, string email) => _mails.TryAcquire(action + ":" + Key(email));

    /// <summary>1 s after the LoginPerAccount-th failure, then 2, 4, 8… up to the cap.</summary>
    private TimeSpan DelayAfter(int failures)
    {
        var doublings = Math.Min(failures - _limits.LoginPerAccount, 30);
        var delay = TimeSpan.FromSeconds(Math.Pow(2, doublings));
        return delay < _limits.LoginDelayCap ? delay : _limits.LoginDelayCap;
    }

    /// <summary>
    /// The address's run of failures: from Redis (every instance's) when configured and answering,
    /// else this process's (the same fall-back as the sliding windows: per instance while Redis is away).
    /// </summary>
    private Streak? FailuresOf(string address)
    {
        if (shared?.ReadStreak(StreakKey(address)) is { } everyInstance) return everyInstance.Count == 0 ? null : everyInstance;
        var now = time.GetUtcNow();
        return _failuresPerAddress.TryGetValue(address, out var failures) && Current(failures, now) is { } counted
            ? new Streak(counted.Count, now - counted.Last)
            : null;
    }

    private static string StreakKey(string address) => "login-address:" + address;

    private Failures? Current(Failures failures, DateTimeOffset now) =>
        now - failures.Last < _limits.LoginWindow ? failures : null;

    private void SweepNowAndThen(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _sweepAfter);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _sweepAfter, (now + _limits.LoginWindow).UtcTicks, due) != due) return;
        foreach (var (address, failures) in _failuresPerAddress)
            if (Current(failures, now) is null) _failuresPerAddress.TryRemove(address, out _);
    }

    private string Key(string typed)
    {
        var normalised = typed.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
        // Every instance's salt while Redis answers (asked each time: a Redis restarted empty draws a
        // new one for all), else this process's.
        var salt = shared?.SharedSecret("account-salt");
        return Convert.ToBase64String(HMACSHA256.HashData(salt ?? _localSalt, Encoding.UTF8.GetBytes(normalised)));
    }

    private static string ClientKey(string address, IPAddress? client)
    {
        client ??= IPAddress.None;
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        var bytes = client.GetAddressBytes();
        // An IPv6 /64 is one subscriber's network.
        var network = client.AddressFamily == AddressFamily.InterNetworkV6 ? Convert.ToHexString(bytes, 0, 8) : client.ToString();
        return address + "|" + network;
    }

    public void Dispose()
    {
        _loginsPerClient.Dispose();
        _mails.Dispose();
    }
}
