using System.Threading.RateLimiting;
using StackExchange.Redis;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Infrastructure.Redis;

/// <summary>
/// Limits counted in Redis, so a limit of 10 an hour holds across every instance (and the runs of
/// failed logins behind AccountThrottle's doubling delay, <see cref="TryAddToStreak"/>): a sliding log per
/// key (a sorted set of the instants of the acquisitions still inside the window, on Redis's clock),
/// checked and added to in one script. In ANY interval as long as the window at most <c>permits</c>
/// get through, and the answer names the exact wait.
/// <para>While Redis does not answer, <see cref="TryAcquire"/> says so and the caller counts in
/// process instead (each instance then holds the limit on its own: with N instances up to N× the
/// limit gets through for as long as Redis is away; never a refusal because Redis is away).</para>
/// </summary>
public sealed class SharedWindows
{
    private readonly IConnectionMultiplexer redis;
    private readonly ILogger<SharedWindows> logger;

    /// <summary>The shared secrets as Redis last gave them; forgotten when the connection comes back.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);

    public SharedWindows(IConnectionMultiplexer redis, ILogger<SharedWindows> logger)
    {
        this.redis = redis;
        this.logger = logger;
        // A Redis restarted empty draws new secrets: every instance must read them again (a salt kept
        // from before would key this instance's counts apart from the others').
        redis.ConnectionRestored += (_, _) => _secrets.Clear();
    }

    private const string KeyPrefix = "posax:limit:";

    // Returns -1 when acquired (and counted), otherwise the wait in milliseconds.
    private static readonly LuaScript Script = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(@window)
        local permits = tonumber(@permits)
        local count = tonumber(@count)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', now - window)
        local need = math.max(count, 1)
        if need > permits then return window end
        local n = redis.call('ZCARD', @key)
        if n + need > permits then
          local oldest = redis.call('ZRANGE', @key, n + need - permits - 1, n + need - permits - 1, 'WITHSCORES')
          return math.max(1, tonumber(oldest[2]) + window - now)
        end
        for i = 1, count do redis.call('ZADD', @key, now, @id .. ':' .. i) end
        if count > 0 then redis.call('PEXPIRE', @key, window) end
        return -1
        """);

    private long _lastWarning;

    /// <summary>Keys may hold what a visitor typed (an address, a phone): Redis sees a hash.</summary>
    private static string Hashed(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0, 20);

    /// <summary>
    /// True the first time <paramref name="key"/> is remembered (for <paramref name="lifetime"/>), false
    /// when it already was; null when Redis does not answer.
    /// </summary>
    public bool? RememberFirst(string key, TimeSpan lifetime)
    {
        try
        {
            return redis.GetDatabase().StringSet("posax:seen:" + Hashed(key), 1, lifetime, When.NotExists);
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            Warn(e);
            return null;
        }
    }

    public void Forget(string key)
    {
        try { redis.GetDatabase().KeyDelete("posax:seen:" + Hashed(key), CommandFlags.FireAndForget); }
        catch (Exception e) when (RedisFailure.Is(e)) { Warn(e); }
    }

    /// <summary>
    /// A random secret shared by every instance (drawn by the first that asks, kept in Redis only, so
    /// a Redis restarted empty draws a new one, as it starts every count afresh); null when Redis does
    /// not answer. Kept in memory until the connection is restored: callers ask each time, never keep it.
    /// </summary>
    public byte[]? SharedSecret(string name)
    {
        if (_secrets.TryGetValue(name, out var known)) return known;
        try
        {
            var db = redis.GetDatabase();
            var key = "posax:secret:" + name;
            db.StringSet(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), when: When.NotExists);
            if (db.StringGet(key) is not { HasValue: true } value) return null;
            return _secrets[name] = (byte[])value!;
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            Warn(e);
            return null;
        }
    }

    /// <summary>
    /// False when Redis did not answer (count in process instead). Otherwise <paramref name="retryAfter"/>
    /// is null when allowed (and <paramref name="count"/> permits counted; 0 asks without counting).
    /// </summary>
    public bool TryAcquire(string key, int permits, TimeSpan window, int count, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        try
        {
            var wait = (long)redis.GetDatabase().ScriptEvaluate(Script, new
            {
                key = (RedisKey)(KeyPrefix + Hashed(key)),
                window = (long)window.TotalMilliseconds,
                permits,
                count,
                id = Guid.NewGuid().ToString("N"),
            });
            if (wait >= 0) retryAfter = TimeSpan.FromMilliseconds(wait);
            return true;
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            Warn(e);
            return false;
        }
    }

    // A run of events per key: HINCRBY the count, the last instant on Redis's clock, forgotten after
    // the window without an event (PEXPIRE renewed by each). Returns the count.
    private static readonly LuaScript StreakAdd = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local n = redis.call('HINCRBY', @key, 'n', 1)
        redis.call('HSET', @key, 'last', now)
        redis.call('PEXPIRE', @key, tonumber(@window))
        return n
        """);

    // Returns { count, milliseconds since the last } ({ 0, 0 } for none).
    private static readonly LuaScript StreakRead = LuaScript.Prepare("""
        local v = redis.call('HMGET', @key, 'n', 'last')
        if not v[1] or not v[2] then return { 0, 0 } end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        return { tonumber(v[1]), math.max(0, now - tonumber(v[2])) }
        """);

    /// <summary>
    /// Counts one more event in <paramref name="key"/>'s run (a failed login for an address), which is
    /// forgotten after <paramref name="forgetAfter"/> without one. False when Redis does not answer
    /// (count in process instead, as for the sliding windows).
    /// </summary>
    public bool TryAddToStreak(string key, TimeSpan forgetAfter)
    {
        try
        {
            redis.GetDatabase().ScriptEvaluate(StreakAdd, new
            {
                key = (RedisKey)(StreakPrefix + Hashed(key)), window = (long)forgetAfter.TotalMilliseconds,
            });
            return true;
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            Warn(e);
            return false;
        }
    }

    /// <summary>The run of <paramref name="key"/> (count 0: none); null when Redis does not answer.</summary>
    public Streak? ReadStreak(string key)
    {
        try
        {
            var values = (long[])redis.GetDatabase().ScriptEvaluate(StreakRead, new { key = (RedisKey)(StreakPrefix + Hashed(key)) })!;
            return new Streak((int)values[0], TimeSpan.FromMilliseconds(values[1]));
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            Warn(e);
            return null;
        }
    }

    private const string StreakPrefix = "posax:streak:";

    // Once a minute at most: an outage would otherwise log every request.
    private void Warn(Exception e)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastWarning) <= 60_000) return;
        Interlocked.Exchange(ref _lastWarning, now);
        logger.LogWarning("Limits and report memory per instance while Redis does not answer: {Error}", e.Message);
    }
}

/// <summary>A run of events: how many, and how long ago the last one was (on Redis's clock).</summary>
public readonly record struct Streak(int Count, TimeSpan SinceLast);

/// <summary>
/// A <see cref="RateLimiter"/> over <see cref="SharedWindows"/> for one key, falling back to an
/// in-process limiter (same limit) while Redis is away: what the per-client-IP policies use.
/// </summary>
public sealed class SharedWindowLimiter(SharedWindows shared, string key, int permits, TimeSpan window, RateLimiter local) : RateLimiter
{
    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (!shared.TryAcquire(key, permits, window, permitCount, out var retryAfter)) return local.AttemptAcquire(permitCount);
        return new RetryAfterLease(retryAfter is null, retryAfter);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing) local.Dispose();
        base.Dispose(disposing);
    }
}
