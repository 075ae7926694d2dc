using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Orders;

namespace PosaX.Web.Features.Atelier;

public class AtelierOrdersModel(PosaXDbContext db, UserManager<Artist> users) : PageModel
{
    public const string Path = "/atelier/commandes";
    public const int PageSize = 200;

    public sealed record OrderRow(
        long Id, string Reference, string BuyerName, string BuyerPhone, string? BuyerEmail, string? Message,
        long Price, OrderStatus Status, DateTime CreatedAt, long ArtworkId, string ArtworkTitle, string ArtworkSlug);

    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];
    public bool Truncated { get; private set; }

    /// <summary>What the last status change said (set by the status page before redirecting here).</summary>
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(users.GetUserId(User), out var me)) return Challenge();
        var rows = await db.Orders.Where(o => o.ArtistId == me)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Select(o => new OrderRow(o.Id, o.Reference, o.BuyerName, o.BuyerPhone, o.BuyerEmail, o.Message,
                o.Price, o.Status, o.CreatedAt, o.ArtworkId, o.Artwork.Title, o.Artwork.Slug))
            .Take(PageSize + 1)
            .ToListAsync(ct);
        Truncated = rows.Count > PageSize;
        Orders = rows.Take(PageSize).ToList();
        return Page();
    }
}
