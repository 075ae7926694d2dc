using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Statistics;

public enum Measure { View, WhatsAppClick, FavouriteAdded, FavouriteRemoved }

public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>How often the counts kept in memory are written (and at shutdown).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Distinct (work, day) pairs kept between two writes; past it new pairs are dropped (ids made up by a script).</summary>
    public int MaxPendingWorks { get; set; } = 20_000;
}

/// <summary>
/// The day's counts per work, kept in memory and added to <see cref="ArtworkDailyStats"/> in batches:
/// a view costs a dictionary increment, not a database write, so cached pages stay cheap. Each
/// instance adds its own counts with an upsert (INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x,
/// the same SQL on PostgreSQL and SQLite), so several instances never overwrite one another. A
/// batch that fails is put back and tried again; ids of works that do not exist are dropped by the
/// INSERT … SELECT itself (no row for them, no foreign-key failure).
/// </summary>
public sealed class StatisticsCounter(IServiceScopeFactory scopes, TimeProvider clock, IOptions<StatisticsOptions> options, ILogger<StatisticsCounter> logger)
{
    private sealed class Counts
    {
        public int Views, WhatsAppClicks, FavouritesAdded, FavouritesRemoved;
    }

    private ConcurrentDictionary<(long Id, DateOnly Day), Counts> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Today in Douala: the day a count belongs to.</summary>
    public DateOnly Today() => StatisticsPeriod.DoualaDay(clock.GetUtcNow().UtcDateTime);

    public void Add(long artworkId, Measure measure)
    {
        var pending = Volatile.Read(ref _pending);
        var key = (artworkId, Today());
        if (!pending.TryGetValue(key, out var counts))
        {
            if (pending.Count >= options.Value.MaxPendingWorks) return;
            counts = pending.GetOrAdd(key, _ => new Counts());
        }
        switch (measure)
        {
            case Measure.View: Interlocked.Increment(ref counts.Views); break;
            case Measure.WhatsAppClick: Interlocked.Increment(ref counts.WhatsAppClicks); break;
            case Measure.FavouriteAdded: Interlocked.Increment(ref counts.FavouritesAdded); break;
            case Measure.FavouriteRemoved: Interlocked.Increment(ref counts.FavouritesRemoved); break;
        }
    }

    /// <summary>Writes what was counted since the last write; counts made meanwhile go to the next batch.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(long, DateOnly), Counts>());
            if (batch.IsEmpty) return;
            // An increment that read the old dictionary just before the swap may still be landing.
            await Task.Yield();
            try
            {
                await WriteAsync(batch, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Statistics: {Count} daily counts not written; kept for the next batch.", batch.Count);
                PutBack(batch);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private void PutBack(ConcurrentDictionary<(long Id, DateOnly Day), Counts> batch)
    {
        foreach (var (key, counts) in batch)
        {
            var into = _pending.GetOrAdd(key, _ => new Counts());
            Interlocked.Add(ref into.Views, counts.Views);
            Interlocked.Add(ref into.WhatsAppClicks, counts.WhatsAppClicks);
            Interlocked.Add(ref into.FavouritesAdded, counts.FavouritesAdded);
            Interlocked.Add(ref into.FavouritesRemoved, counts.FavouritesRemoved);
        }
    }

    /// <summary>Rows per statement: 6 parameters each, well under SQLite's and PostgreSQL's limits.</summary>
    public const int RowsPerStatement = 250;

    private async Task WriteAsync(ConcurrentDictionary<(long Id, DateOnly Day), Counts> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var rows = batch.OrderBy(b => b.Key.Id).ThenBy(b => b.Key.Day).ToList(); // one lock order for every instance
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in rows.Chunk(RowsPerStatement))
            {
                var (sql, parameters) = UpsertOf(chunk);
                await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
            }
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>
    /// One multi-row upsert for up to <see cref="RowsPerStatement"/> (work, day) counts: a VALUES list
    /// (columns column1…column6 on both databases) joined to the works, so ids of no work insert
    /// nothing; rows in (id, day) order, the lock order. Not a public change (no page shows these
    /// counts): raw SQL is right here, and the only way to add to a row another instance may be
    /// adding to at the same time. "WHERE TRUE": SQLite's parser needs it before ON CONFLICT after a join.
    /// </summary>
    private static (string Sql, object[] Parameters) UpsertOf(KeyValuePair<(long Id, DateOnly Day), Counts>[] chunk)
    {
        var sql = new System.Text.StringBuilder("""
            INSERT INTO "ArtworkDailyStats" ("ArtworkId", "Day", "Views", "WhatsAppClicks", "FavouritesAdded", "FavouritesRemoved")
            SELECT a."Id", v.column2, v.column3, v.column4, v.column5, v.column6
            FROM (VALUES
            """);
        var parameters = new object[chunk.Length * 6];
        for (var i = 0; i < chunk.Length; i++)
        {
            var ((id, day), c) = chunk[i];
            var p = i * 6;
            (parameters[p], parameters[p + 1], parameters[p + 2], parameters[p + 3], parameters[p + 4], parameters[p + 5]) =
                (id, day, c.Views, c.WhatsAppClicks, c.FavouritesAdded, c.FavouritesRemoved);
            sql.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture,
                $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}})");
        }
        sql.Append("""

            ) AS v
            JOIN "Artworks" a ON a."Id" = v.column1
            WHERE TRUE
            ORDER BY v.column1, v.column2
            ON CONFLICT ("ArtworkId", "Day") DO UPDATE SET
                "Views" = "ArtworkDailyStats"."Views" + excluded."Views",
                "WhatsAppClicks" = "ArtworkDailyStats"."WhatsAppClicks" + excluded."WhatsAppClicks",
                "FavouritesAdded" = "ArtworkDailyStats"."FavouritesAdded" + excluded."FavouritesAdded",
                "FavouritesRemoved" = "ArtworkDailyStats"."FavouritesRemoved" + excluded."FavouritesRemoved"
            """);
        return (sql.ToString(), parameters);
    }
}

/// <summary>Writes the counts every <see cref="StatisticsOptions.FlushInterval"/>, and once more when the app stops.</summary>
public sealed class StatisticsFlusher(StatisticsCounter counter, IOptions<StatisticsOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await counter.FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await counter.FlushAsync(CancellationToken.None);
    }
}
