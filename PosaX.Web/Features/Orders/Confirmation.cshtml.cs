using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// GET /commandes/{reference}/{secret}: where the buyer lands after ordering (and what the
/// confirmation mail links to). Shows the reference, the work, what happens next and the button to
/// the artist's WhatsApp with the prefilled message. Only the holder of the link sees it: a wrong
/// secret is a 404; never cached anywhere (no-store) nor indexed.
/// </summary>
public class ConfirmationModel(PosaXDbContext db, IOptions<SiteOptions> site) : PageModel
{
    public sealed record View(string Reference, long Price, string BuyerName, string BuyerPhone, bool Mailed,
        string ArtistName, string? ArtistSlug, bool ArtistListed, string? ArtistWhatsApp, ArtworkCard.Model Work, bool WorkOnSite);

    public View Order { get; private set; } = null!;

    /// <summary>The artist's WhatsApp with the same message the order used to open directly; null without a number.</summary>
    public string? WhatsAppLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, string secret, CancellationToken ct)
    {
        // Nobody's page is kept by a cache, a proxy or the browser's history cache.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var found = await db.Orders.AsNoTracking().Where(o => o.Reference == reference)
            .Select(o => new
            {
                o.ConfirmationSecretHash,
                o.Reference, o.Price, o.BuyerName, o.BuyerPhone, Mailed = o.BuyerEmail != null,
                o.Artwork.Id, o.Artwork.Slug, o.Artwork.Title, o.Artwork.TitleEn, o.Artwork.Status, o.Artwork.HeightCm, o.Artwork.WidthCm, o.Artwork.DepthCm,
                OnSite = o.Artwork.HiddenAt == null && o.Artwork.Artist.EmailConfirmed && o.Artwork.Artist.SuspendedAt == null,
                ArtistName = o.Artwork.Artist.DisplayName, ArtistSlug = o.Artwork.Artist.Slug, o.Artwork.Artist.WhatsApp,
                Cover = o.Artwork.Images.OrderBy(i => i.Position).Select(i => new { i.Key, i.Widths, i.Width, i.Height }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null || !OrderConfirmation.Matches(found.ConfirmationSecretHash, secret)) return NotFound();

        // A work since hidden (or an artist suspended) keeps its words here, not its picture: its media answer 404.
        var cover = found.OnSite ? found.Cover : null;
        var card = new ArtworkCard.Model(found.Id, found.Slug, found.Title, found.ArtistName, found.Price, found.Status,
            cover?.Key, cover is null ? [] : ArtworkSearch.ParseWidths(cover.Widths), cover?.Width ?? 0, cover?.Height ?? 0,
            found.HeightCm, found.WidthCm, found.DepthCm, found.TitleEn);
        Order = new View(found.Reference, found.Price, found.BuyerName, found.BuyerPhone, found.Mailed,
            found.ArtistName, found.ArtistSlug, found.OnSite, found.OnSite ? found.WhatsApp : null, card, found.OnSite);
        if (Order.ArtistWhatsApp is not null)
        {
            var summary = new OrderSummary(found.Reference, found.Title, found.Price, site.Value.Absolute(ArtworkUrls.Page(found.Id, found.Slug)),
                found.BuyerName, found.BuyerPhone, null, null);
            WhatsAppLink = WhatsAppNumber.ChatLink(Order.ArtistWhatsApp, OrderTexts.WhatsAppMessage(summary));
        }
        return Page();
    }
}
