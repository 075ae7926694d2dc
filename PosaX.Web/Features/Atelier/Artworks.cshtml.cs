using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Atelier;

/// <summary>
/// /atelier/oeuvres: the signed-in artist's own works, hidden ones included. After a work is
/// published the list opens with ?publiee={id}: a notice with the work's public page and a
/// WhatsApp share link (only for the artist's own work; any other id shows nothing).
/// </summary>
public class AtelierArtworksModel(PosaXDbContext db, UserManager<Artist> users, IOptions<SiteOptions> site,
    Statistics.StatisticsReader statistics, TimeProvider clock) : PageModel
{
    public const string Path = "/atelier/oeuvres";

    /// <summary>Where publishing a work leads: the list, opened on that work's notice.</summary>
    public static string PublishedUrl(long id) => $"{Path}?publiee={id}";

    public sealed record Row(long Id, string Title, string Slug, long Price, ArtworkStatus Status, bool Hidden, string? CoverKey, DateTime UpdatedAt)
    {
        public string PublicUrl => ArtworkUrls.Page(Id, Slug);
    }

    [BindProperty(SupportsGet = true, Name = "publiee")] public long? PublishedId { get; set; }

    public List<Row> Works { get; private set; } = [];

    /// <summary>Each work's views and orders over the last 30 days (Statistics).</summary>
    public IReadOnlyDictionary<long, (int Views, int Orders)> Figures { get; private set; } = new Dictionary<long, (int, int)>();

    /// <summary>The work just published, when the list was opened for it and it is the artist's.</summary>
    public Row? Published { get; private set; }

    /// <summary>wa.me with no number: WhatsApp asks whom to send the work's title, price and link to.</summary>
    public string? PublishedShareLink { get; private set; }

    public async Task OnGetAsync()
    {
        var me = Guid.Parse(users.GetUserId(User)!);
        Works = await db.Artworks.AsNoTracking()
            .Where(a => a.ArtistId == me)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.Title, a.Slug, a.Price, a.Status, a.HiddenAt != null,
                a.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(), a.UpdatedAt))
            .ToListAsync();
        Figures = await statistics.ViewsAndOrdersAsync(me, Statistics.StatisticsPeriod.LastDays(30, clock.GetUtcNow().UtcDateTime));
        Published = Works.FirstOrDefault(w => w.Id == PublishedId && !w.Hidden);
        if (Published is not null)
            PublishedShareLink = WhatsAppNumber.ShareLink(
                AtelierTexts.Artworks.ShareMessage(Published.Title, Money.Fcfa(Published.Price), site.Value.Absolute(Published.PublicUrl)));
    }
}
