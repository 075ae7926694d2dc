using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Images;

/// <summary>
/// The media keys the public must not reach: every picture of a hidden work or of a suspended
/// artist's work, and a suspended artist's profile photo. /media answers 404 for them
/// (<see cref="MediaEndpoints"/>) until the work is shown or the artist reactivated; deleting still
/// removes the files. One set in memory (hidden works are few), read whole from the database: at
/// start, right after every commit on this instance that hides or shows a work, suspends or
/// reactivates an artist or adds a picture (<see cref="Web.PublicCacheEviction"/> calls
/// <see cref="RefreshAsync"/> before the admin's request answers), and every minute for what
/// another instance did. The owner (their atelier) and admins (moderation) still see them, privately.
/// <para>With Redis (several instances) a minute is too long: a refresh after a local commit also
/// bumps a version in Redis, and every media request compares it with the one this set was read at
/// (one GET), so a work hidden through another instance is withheld here at once. Redis not
/// answering: the minute's refresh again.</para>
/// </summary>
public sealed class WithheldMedia(IServiceScopeFactory scopes, ILogger<WithheldMedia> logger,
    StackExchange.Redis.IConnectionMultiplexer? redis = null) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private const string VersionKey = "posax:withheld-version";
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile FrozenDictionary<string, Guid>? _owners;
    private long _readAtVersion = -1;

    /// <summary>The artist whose withheld picture this is, or null when the public may see it.</summary>
    public async ValueTask<Guid?> OwnerIfWithheldAsync(string key, CancellationToken ct)
    {
        var owners = _owners;
        if (owners is null || await SharedVersionAsync() is { } version && version != Interlocked.Read(ref _readAtVersion))
            owners = await RefreshAsync(ct, announce: false);
        return owners.TryGetValue(key, out var owner) ? owner : null;
    }

    /// <summary>The version other instances announced; null without Redis or when it does not answer.</summary>
    private async Task<long?> SharedVersionAsync()
    {
        if (redis is null) return null;
        try
        {
            return (long?)await redis.GetDatabase().StringGetAsync(VersionKey) ?? 0;
        }
        catch (Exception e) when (Redis.RedisFailure.Is(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the set again; one read at a time, so a read never overwrites a later one. After a local
    /// commit (<paramref name="announce"/>), the other instances are told through Redis.
    /// </summary>
    public async Task<FrozenDictionary<string, Guid>> RefreshAsync(CancellationToken ct = default, bool announce = true)
    {
        await _reading.WaitAsync(ct);
        try
        {
            // The version first: a change announced while reading makes the next request read again.
            var before = await SharedVersionAsync();
            if (before is not null) Interlocked.Exchange(ref _readAtVersion, before.Value);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
            // Two indexed reads, hidden works (the partial index on HiddenAt) and suspended artists'
            // works (few artists, their index): one "hidden or suspended" join read all 1,549,200
            // pictures at 1,000,000 works every minute (0.5–2.9 s, issue 17).
            var pictures = await db.ArtworkImages.AsNoTracking()
                .Join(db.Artworks.Where(a => a.HiddenAt != null), i => i.ArtworkId, a => a.Id, (i, a) => new { i.Key, Owner = a.ArtistId })
                .Concat(db.ArtworkImages.AsNoTracking()
                    .Join(db.Artworks.Where(a => db.Users.Any(u => u.Id == a.ArtistId && u.SuspendedAt != null)), i => i.ArtworkId, a => a.Id,
                        (i, a) => new { i.Key, Owner = a.ArtistId }))
                .ToListAsync(ct);
            var photos = await db.Users.AsNoTracking().Where(u => u.SuspendedAt != null && u.PhotoKey != null)
                .Select(u => new { Key = u.PhotoKey!, Owner = u.Id }).ToListAsync(ct);
            _owners = pictures.Concat(photos).DistinctBy(p => p.Key).ToFrozenDictionary(p => p.Key, p => p.Owner, StringComparer.Ordinal);
            if (announce && redis is not null)
            {
                // Another instance announcing meanwhile may have committed after this read: read again then.
                try
                {
                    var after = await redis.GetDatabase().StringIncrementAsync(VersionKey);
                    Interlocked.Exchange(ref _readAtVersion, after == before + 1 ? after : -1);
                }
                catch (Exception e) when (Redis.RedisFailure.Is(e)) { /* others read within the minute */ }
            }
            return _owners;
        }
        catch
        {
            // Not knowing is not "nothing withheld": the next media request reads again.
            _owners = null;
            throw;
        }
        finally
        {
            _reading.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try { await RefreshAsync(stoppingToken, announce: false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Withheld media keys not read; media requests will read them");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _reading.Dispose();
        base.Dispose();
    }
}
