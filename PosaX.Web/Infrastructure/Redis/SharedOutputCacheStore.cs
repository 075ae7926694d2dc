using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PosaX.Web.Infrastructure.Redis;

/// <summary>
/// The output cache shared by every instance: Microsoft's Redis store (entries and their tags in
/// Redis, so an eviction by any instance holds on all at once), made safe for Redis being away.
/// A read that fails is a miss (the page is rendered), a write that fails is skipped; an eviction
/// that fails is kept and made again before this instance reads the cache again (or when Redis is
/// back), so this instance never serves a page it was told to drop. Pages other instances read
/// in that window are those Redis still held: a Redis restarted empty holds none.
/// <para>Each eviction is also recorded in Redis (tag → when, kept <see cref="EvictionMemory"/>), so
/// that an instance storing a page can tell whether another instance evicted one of its tags after
/// the render began (<see cref="EvictedSinceAsync"/>, used by <see cref="Web.PageSnapshotStore"/>).</para>
/// </summary>
public sealed class SharedOutputCacheStore : IOutputCacheStore, IDisposable
{
    /// <summary>The key under which Microsoft's (internal) Redis store is registered, for this class alone.</summary>
    public const string InnerStoreKey = "redis";

    /// <summary>How long an eviction's time is kept: longer than any render takes.</summary>
    public static readonly TimeSpan EvictionMemory = TimeSpan.FromHours(1);

    /// <summary>
    /// The instances' clocks differ (NTP keeps them within milliseconds): an eviction this much before
    /// a render began still counts as after it. Erring that way costs a page not kept for this long
    /// after another instance's change to what it shows.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMilliseconds(100);

    private const string EvictedPrefix = "posax:evicted:";

    private readonly IOutputCacheStore _redis;
    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger<SharedOutputCacheStore> _logger;
    private readonly ConcurrentDictionary<string, byte> _unevicted = new(StringComparer.Ordinal);

    public SharedOutputCacheStore([FromKeyedServices(InnerStoreKey)] IOutputCacheStore redis, IConnectionMultiplexer connection,
        ILogger<SharedOutputCacheStore> logger)
    {
        _redis = redis;
        _connection = connection;
        _logger = logger;
        connection.ConnectionRestored += (_, _) => _ = RetryEvictionsAsync();
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await RetryEvictionsAsync()) return null;
        try
        {
            return await _redis.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            _logger.LogDebug(e, "Output cache read failed: rendering instead.");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!_unevicted.IsEmpty) return; // a page rendered now may precede an eviction still owed
        try
        {
            await _redis.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            _logger.LogDebug(e, "Output cache write failed: page not cached.");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await EvictInRedisAsync(tag, cancellationToken);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            _unevicted[tag] = 0;
            _logger.LogWarning("Output cache eviction of {Tag} failed ({Error}): made again when Redis answers.", tag, e.Message);
        }
    }

    /// <summary>
    /// The time first, then the eviction: an instance that stores a page and then reads no time here
    /// stored it before this eviction, which removes it.
    /// </summary>
    private async Task EvictInRedisAsync(string tag, CancellationToken cancellationToken)
    {
        await _connection.GetDatabase().StringSetAsync(EvictedPrefix + tag, DateTime.UtcNow.Ticks, EvictionMemory);
        await _redis.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>
    /// Evicts <paramref name="tag"/>'s entries without recording a time: it undoes a store that came
    /// too late (<see cref="Web.PageSnapshotStore.SetAsync"/>), it is not a change. Recorded, it would
    /// make every store of the next moments look late too, and a page often asked for would never
    /// be kept.
    /// </summary>
    public async ValueTask DropAsync(string tag)
    {
        try
        {
            await _redis.EvictByTagAsync(tag, CancellationToken.None);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            _unevicted[tag] = 0;
            _logger.LogWarning("Output cache eviction of {Tag} failed ({Error}): made again when Redis answers.", tag, e.Message);
        }
    }

    /// <summary>
    /// The tags of <paramref name="tags"/> that any instance evicted at or after <paramref name="since"/>
    /// (UTC ticks, less <see cref="ClockSkew"/>); none when Redis does not answer (nothing stored then
    /// either: the store failed too, or the eviction was kept to be made again).
    /// </summary>
    public async ValueTask<IReadOnlyList<string>> EvictedSinceAsync(string[] tags, long since)
    {
        if (tags.Length == 0) return [];
        RedisValue[] times;
        try
        {
            times = await _connection.GetDatabase().StringGetAsync(tags.Select(t => (RedisKey)(EvictedPrefix + t)).ToArray());
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            _logger.LogDebug(e, "Eviction times not read.");
            return [];
        }
        var after = since - ClockSkew.Ticks;
        List<string>? evicted = null;
        for (var i = 0; i < tags.Length; i++)
            if (times[i].TryParse(out long at) && at >= after) (evicted ??= []).Add(tags[i]);
        return evicted ?? (IReadOnlyList<string>)[];
    }

    /// <summary>True when no eviction is owed any more.</summary>
    private async Task<bool> RetryEvictionsAsync()
    {
        foreach (var tag in _unevicted.Keys)
        {
            try
            {
                await EvictInRedisAsync(tag, CancellationToken.None);
                _unevicted.TryRemove(tag, out _);
            }
            catch (Exception e) when (IsRedisFailure(e))
            {
                return false;
            }
        }
        return _unevicted.IsEmpty;
    }

    private static bool IsRedisFailure(Exception e) => RedisFailure.Is(e);

    public void Dispose() => (_redis as IDisposable)?.Dispose();

    /// <summary>Microsoft's Redis store on the process's one connection, behind this class.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = "posax:");
        services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        var inner = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(inner);
        services.Add(new ServiceDescriptor(typeof(IOutputCacheStore), InnerStoreKey, inner.ImplementationType!, ServiceLifetime.Singleton));
        services.AddSingleton<SharedOutputCacheStore>();
    }
}
