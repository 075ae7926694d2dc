using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Statistics;

/// <summary>The measures of a work, of an artist or of the site over a period.</summary>
public sealed record Measures(int Views, int WhatsAppClicks, int FavouritesAdded, int FavouritesRemoved, int Orders, int Sold)
{
    public static readonly Measures None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Orders per view, in percent; null without views (nothing to divide by).</summary>
    public double? Conversion => Views == 0 ? null : 100.0 * Orders / Views;

    public Measures Plus(Measures o) => new(Views + o.Views, WhatsAppClicks + o.WhatsAppClicks, FavouritesAdded + o.FavouritesAdded,
        FavouritesRemoved + o.FavouritesRemoved, Orders + o.Orders, Sold + o.Sold);
}

/// <summary>A measure day by day over a period (what a chart draws).</summary>
public sealed record DailySeries(IReadOnlyList<DateOnly> Days, IReadOnlyList<int> Values);

/// <summary>An artist's statistics: each work's measures, the total, and the total day by day.</summary>
public sealed record ArtistStatistics(StatisticsPeriod Period, IReadOnlyList<ArtistStatistics.Work> Works, Measures Total,
    DailySeries Views, DailySeries WhatsAppClicks, DailySeries Favourites, DailySeries Orders)
{
    public sealed record Work(long Id, string Title, string Slug, bool Hidden, Measures Measures);
}

/// <summary>
/// Reads the daily counts (<see cref="ArtworkDailyStats"/>) and the orders. Every artist query is
/// bounded by the artist's id (their works' counts, their orders): another artist's works never appear.
/// Orders count on the day they were placed; a work counts as sold in a period when its sold order
/// was last updated (marked sold) in it.
/// </summary>
public sealed class StatisticsReader(PosaXDbContext db)
{
    public async Task<ArtistStatistics> ForArtistAsync(Guid artistId, StatisticsPeriod period, CancellationToken ct = default)
    {
        var works = await db.Artworks.AsNoTracking().Where(a => a.ArtistId == artistId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Slug, Hidden = a.HiddenAt != null }).ToListAsync(ct);
        var counts = await db.ArtworkDailyStats.AsNoTracking()
            .Where(s => s.Artwork.ArtistId == artistId && s.Day >= period.First && s.Day <= period.Last)
            .Select(s => new { s.ArtworkId, s.Day, s.Views, s.WhatsAppClicks, s.FavouritesAdded, s.FavouritesRemoved }).ToListAsync(ct);
        var start = period.StartUtc;
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.ArtistId == artistId && (o.CreatedAt >= start || (o.Status == OrderStatus.Sold && o.UpdatedAt >= start)))
            .Select(o => new { o.ArtworkId, o.CreatedAt, o.Status, o.UpdatedAt }).ToListAsync(ct);
        var placed = orders.Where(o => o.CreatedAt >= start).ToList();
        var soldWorks = orders.Where(o => o.Status == OrderStatus.Sold && o.UpdatedAt >= start).Select(o => o.ArtworkId).ToHashSet();

        var rows = works.Select(w =>
        {
            var mine = counts.Where(c => c.ArtworkId == w.Id).ToList();
            return new ArtistStatistics.Work(w.Id, w.Title, w.Slug, w.Hidden, new Measures(
                mine.Sum(c => c.Views), mine.Sum(c => c.WhatsAppClicks), mine.Sum(c => c.FavouritesAdded), mine.Sum(c => c.FavouritesRemoved),
                placed.Count(o => o.ArtworkId == w.Id), soldWorks.Contains(w.Id) ? 1 : 0));
        }).ToList();
        var total = rows.Aggregate(Measures.None, (sum, w) => sum.Plus(w.Measures));

        var days = period.EachDay().ToList();
        DailySeries Series(Func<DateOnly, int> value) => new(days, days.Select(value).ToList());
        var byDay = counts.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.ToList());
        return new ArtistStatistics(period, rows, total,
            Series(d => byDay.TryGetValue(d, out var c) ? c.Sum(x => x.Views) : 0),
            Series(d => byDay.TryGetValue(d, out var c) ? c.Sum(x => x.WhatsAppClicks) : 0),
            Series(d => byDay.TryGetValue(d, out var c) ? c.Sum(x => x.FavouritesAdded) : 0),
            Series(d => placed.Count(o => StatisticsPeriod.DoualaDay(o.CreatedAt) == d)));
    }

    /// <summary>Views and orders of each of an artist's works over a period (the atelier list).</summary>
    public async Task<IReadOnlyDictionary<long, (int Views, int Orders)>> ViewsAndOrdersAsync(Guid artistId, StatisticsPeriod period, CancellationToken ct = default)
    {
        var views = await db.ArtworkDailyStats.AsNoTracking()
            .Where(s => s.Artwork.ArtistId == artistId && s.Day >= period.First && s.Day <= period.Last)
            .GroupBy(s => s.ArtworkId).Select(g => new { g.Key, Views = g.Sum(s => s.Views) }).ToDictionaryAsync(g => g.Key, g => g.Views, ct);
        var start = period.StartUtc;
        var orders = await db.Orders.AsNoTracking().Where(o => o.ArtistId == artistId && o.CreatedAt >= start)
            .GroupBy(o => o.ArtworkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return views.Keys.Union(orders.Keys).ToDictionary(id => id,
            id => (views.GetValueOrDefault(id), orders.GetValueOrDefault(id)));
    }

    /// <summary>The site's totals over each of the periods (the admin dashboard).</summary>
    public async Task<IReadOnlyList<(StatisticsPeriod Period, Measures Total)>> SiteTotalsAsync(IEnumerable<StatisticsPeriod> periods, CancellationToken ct = default)
    {
        var answer = new List<(StatisticsPeriod, Measures)>();
        foreach (var period in periods)
        {
            var counts = await db.ArtworkDailyStats.AsNoTracking()
                .Where(s => s.Day >= period.First && s.Day <= period.Last)
                .GroupBy(s => 1)
                .Select(g => new { Views = g.Sum(s => s.Views), WhatsApp = g.Sum(s => s.WhatsAppClicks), Added = g.Sum(s => s.FavouritesAdded), Removed = g.Sum(s => s.FavouritesRemoved) })
                .FirstOrDefaultAsync(ct);
            var start = period.StartUtc;
            var orders = await db.Orders.CountAsync(o => o.CreatedAt >= start, ct);
            var sold = await db.Orders.Where(o => o.Status == OrderStatus.Sold && o.UpdatedAt >= start).Select(o => o.ArtworkId).Distinct().CountAsync(ct);
            answer.Add((period, new Measures(counts?.Views ?? 0, counts?.WhatsApp ?? 0, counts?.Added ?? 0, counts?.Removed ?? 0, orders, sold)));
        }
        return answer;
    }
}
