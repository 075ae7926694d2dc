using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Data;
using PosaX.Web.Features.Statistics;

namespace PosaX.Web.Features.Atelier;

/// <summary>
/// /atelier/statistiques?periode=7|30|90: the signed-in artist's figures over the last days (30 by
/// default; any other value gives the default): per work and in total, page views, WhatsApp clicks,
/// favourites, orders, works sold and views → orders, with a small chart per measure. Only the
/// artist's own works (<see cref="StatisticsReader"/> is bounded by the artist's id).
/// </summary>
public class AtelierStatisticsModel(StatisticsReader reader, UserManager<Artist> users, TimeProvider clock) : PageModel
{
    public const string Path = "/atelier/statistiques";

    public ArtistStatistics Stats { get; private set; } = null!;
    public IReadOnlyList<BarChart> Charts { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "periode")] string? periode, CancellationToken ct)
    {
        var me = Guid.Parse(users.GetUserId(User)!);
        Stats = await reader.ForArtistAsync(me, StatisticsPeriod.Of(periode, clock.GetUtcNow().UtcDateTime), ct);
        var total = Stats.Total;
        Charts =
        [
            new BarChart("views", AtelierTexts.Statistics.Views, Stats.Views, total.Views),
            new BarChart("whatsapp", AtelierTexts.Statistics.WhatsApp, Stats.WhatsAppClicks, total.WhatsAppClicks),
            new BarChart("favourites", AtelierTexts.Statistics.Favourites, Stats.Favourites, total.FavouritesAdded,
                AtelierTexts.Statistics.FavouritesRemoved(total.FavouritesRemoved)),
            new BarChart("orders", AtelierTexts.Statistics.Orders, Stats.Orders, total.Orders),
        ];
    }
}
