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
/// </summary>
public sealed class SharedOutputCacheStore : IOutputCacheStore, IDisposable
{
    /// <summary>The key under which Microsoft's (internal) Redis store is registered, for this class alone.</summary>
    public const string InnerStoreKey = "redis";

    private readonly IOutputCacheStore _redis;
    private readonly ILogger<SharedOutputCacheStore> _logger;
    private readonly ConcurrentDictionary<string, byte> _unevicted = new(StringComparer.Ordinal);

    public SharedOutputCacheStore([FromKeyedServices(InnerStoreKey)] IOutputCacheStore redis, IConnectionMultiplexer connection,
        ILogger<SharedOutputCacheStore> logger)
    {
        _redis = redis;
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
            await _redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            _unevicted[tag] = 0;
            _logger.LogWarning("Output cache eviction of {Tag} failed ({Error}): made again when Redis answers.", tag, e.Message);
        }
    }

    /// <summary>True when no eviction is owed any more.</summary>
    private async Task<bool> RetryEvictionsAsync()
    {
        foreach (var tag in _unevicted.Keys)
        {
            try
            {
                await _redis.EvictByTagAsync(tag, CancellationToken.None);
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
