using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Redis;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

public enum ReportAdmission { Accepted, AlreadyReported, Throttled }

/// <summary>
/// The per-IP limit on reports, and the memory of who already reported what, so that one visitor
/// flagging a work twice leaves one report. No IP address is kept: reporters are known by a salted
/// hash (the salt is drawn at start and never leaves the process), in memory only, for a day —
/// after a restart a repeat is counted again (the limit still caps it).
/// An IPv6 /64 is one subscriber's network: it counts as one address.
/// <para>With Redis configured (several instances) the salt, the limit and the memory are in Redis,
/// shared by all; while Redis does not answer, this process's own are used.</para>
/// </summary>
public sealed class ReportThrottle : IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);

    private readonly byte[] _localSalt = RandomNumberGenerator.GetBytes(32);
    private readonly SharedWindows? _shared;
    private readonly KeyedThrottle _perReporter;
    // Bounded: under a flood new entries are dropped (repeats then count again, the limit still holds).
    private readonly MemoryCache _reported = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock _gate = new();

    public ReportThrottle(IOptions<RateLimitOptions> options, SharedWindows? shared = null)
    {
        _shared = shared;
        _perReporter = new KeyedThrottle(options.Value.ReportsPerIpPerHour, TimeSpan.FromHours(1), shared: shared, name: "report-ip");
    }

    /// <summary>
    /// Accepted: record the report (it is remembered from now on). A repeat is not counted
    /// against the limit; <paramref name="retryAfter"/> is set when throttled.
    /// </summary>
    public ReportAdmission Admit(IPAddress ip, long artworkId, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var reporter = ReporterOf(ip);
        var key = $"{reporter}:{artworkId}";
        if (_shared is not null && SharedSalt() is not null)
        {
            // Shared: remembered first (one atomic SET NX), given back if the limit refuses it.
            switch (_shared.RememberFirst("report:" + key, Remembered))
            {
                case false:
                    return ReportAdmission.AlreadyReported;
                case true:
                    if (_perReporter.TryAcquire(reporter) is not { } refused) return ReportAdmission.Accepted;
                    _shared.Forget("report:" + key);
                    retryAfter = refused;
                    return ReportAdmission.Throttled;
            }
        }
        lock (_gate)
        {
            if (_reported.TryGetValue(key, out _)) return ReportAdmission.AlreadyReported;
            if (_perReporter.TryAcquire(reporter) is { } wait)
            {
                retryAfter = wait;
                return ReportAdmission.Throttled;
            }
            _reported.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
            return ReportAdmission.Accepted;
        }
    }

    /// <summary>The report was not recorded after all.</summary>
    public void Forget(IPAddress ip, long artworkId)
    {
        var key = $"{ReporterOf(ip)}:{artworkId}";
        _reported.Remove(key);
        _shared?.Forget("report:" + key);
    }

    /// <summary>Every instance's salt while Redis answers (asked each time: a Redis restarted empty draws a new one for all).</summary>
    private byte[]? SharedSalt() => _shared?.SharedSecret("report-salt");

    private string ReporterOf(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetworkV6) Array.Clear(bytes, 8, 8);
        return Convert.ToHexString(HMACSHA256.HashData(SharedSalt() ?? _localSalt, bytes), 0, 16);
    }

    public void Dispose()
    {
        _perReporter.Dispose();
        _reported.Dispose();
    }
}
