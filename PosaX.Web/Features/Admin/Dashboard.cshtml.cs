using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Admin;

/// <summary>/admin: the moderation dashboard (admins only, by folder convention).</summary>
public class AdminDashboardModel(PosaXDbContext db, Statistics.StatisticsReader statistics, TimeProvider clock) : PageModel
{
    public sealed record Counts(int Artists, int Works, int Hidden, int Orders, int NewOrders, int OpenReports);
    public sealed record RecentWork(long Id, string Title, string Slug, string Artist, DateTime CreatedAt, bool Hidden);
    public sealed record RecentArtist(string Name, string Slug, string Email, bool Active, DateTime CreatedAt);

    public Counts Totals { get; private set; } = null!;
    public List<RecentWork> Works { get; private set; } = [];
    public List<RecentArtist> Artists { get; private set; } = [];

    /// <summary>The site's visits, clicks, favourites, orders and sales over the last 7, 30 and 90 days (Statistics).</summary>
    public IReadOnlyList<(Statistics.StatisticsPeriod Period, Statistics.Measures Total)> Activity { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Totals = new Counts(
            await db.Users.CountAsync(u => u.EmailConfirmed, ct),
            await db.Artworks.CountAsync(ct),
            await db.Artworks.CountAsync(a => a.HiddenAt != null, ct),
            await db.Orders.CountAsync(ct),
            await db.Orders.CountAsync(o => o.Status == OrderStatus.New, ct),
            await db.ArtworkReports.CountAsync(r => r.ClosedAt == null, ct));
        var now = clock.GetUtcNow().UtcDateTime;
        Activity = await statistics.SiteTotalsAsync(Statistics.StatisticsPeriod.Choices.Select(days => Statistics.StatisticsPeriod.LastDays(days, now)), ct);
        Works = await db.Artworks.AsNoTracking().OrderByDescending(a => a.CreatedAt).Take(10)
            .Select(a => new RecentWork(a.Id, a.Title, a.Slug, a.Artist.DisplayName, a.CreatedAt, a.HiddenAt != null)).ToListAsync(ct);
        Artists = await db.Users.AsNoTracking().OrderByDescending(u => u.CreatedAt).Take(10)
            .Select(u => new RecentArtist(u.DisplayName, u.Slug, u.Email!, u.EmailConfirmed, u.CreatedAt)).ToListAsync(ct);
    }
}
