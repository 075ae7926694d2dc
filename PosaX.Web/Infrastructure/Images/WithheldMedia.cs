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
/// another instance did.
/// </summary>
public sealed class WithheldMedia(IServiceScopeFactory scopes, ILogger<WithheldMedia> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile FrozenSet<string>? _keys;

    public async ValueTask<bool> IsWithheldAsync(string key, CancellationToken ct) =>
        (_keys ?? await RefreshAsync(ct)).Contains(key);

    /// <summary>Reads the set again; one read at a time, so a read never overwrites a later one.</summary>
    public async Task<FrozenSet<string>> RefreshAsync(CancellationToken ct = default)
    {
        await _reading.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
            var pictures = await db.ArtworkImages.AsNoTracking()
                .Where(i => db.Artworks.Any(a => a.Id == i.ArtworkId && (a.HiddenAt != null || a.Artist.SuspendedAt != null)))
                .Select(i => i.Key).ToListAsync(ct);
            var photos = await db.Users.AsNoTracking().Where(u => u.SuspendedAt != null && u.PhotoKey != null)
                .Select(u => u.PhotoKey!).ToListAsync(ct);
            return _keys = pictures.Concat(photos).ToFrozenSet(StringComparer.Ordinal);
        }
        catch
        {
            // Not knowing is not "nothing withheld": the next media request reads again.
            _keys = null;
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
            try { await RefreshAsync(stoppingToken); }
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
