using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Orders;

namespace PosaX.Web.Features.Atelier;

/// <summary>The page's French text, in one place.</summary>
public static class AtelierTexts
{
    public const string Title = "Mes commandes";
    public const string Intro = "Les demandes des acheteurs, les plus récentes d'abord. Écrivez-leur sur WhatsApp, puis suivez chaque commande jusqu'à la vente.";
    public const string Empty = "Aucune commande pour l'instant. Elles apparaîtront ici dès qu'un acheteur demandera une de vos œuvres.";
    public const string Reference = "Référence";
    public const string Work = "Œuvre";
    public const string Buyer = "Acheteur";
    public const string Phone = "Téléphone";
    public const string Email = "E-mail";
    public const string Message = "Message";
    public const string Date = "Date";
    public const string Status = "Statut";
    public const string NextStatus = "Nouveau statut";
    public const string Apply = "Valider";
    public const string Final = "Commande terminée.";
    public const string Truncated = "Seules les 200 commandes les plus récentes sont affichées.";

    private static readonly CultureInfo French = new("fr-FR");
    /// <summary>Cameroon is UTC+1 all year (no summer time).</summary>
    private static readonly TimeSpan CameroonOffset = TimeSpan.FromHours(1);

    public static string When(DateTime utc) => (utc + CameroonOffset).ToString("d MMM yyyy 'à' HH:mm", French);
}

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
