using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Orders;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Atelier;

public sealed record StatusInput
{
    public string? Status { get; init; }
}

/// <summary>The page's French text, in one place.</summary>
public static class StatusTexts
{
    public const string Title = "Statut de la commande";
    public const string NotFound = "Commande introuvable.";
    public const string UnknownStatus = "Choisissez un statut dans la liste.";
    public const string WorkSold = "Cette œuvre est déjà vendue.";
    public const string Back = "Retour à mes commandes";

    public static string CannotMove(OrderStatus from, OrderStatus to) =>
        $"Une commande « {OrderPipeline.Label(from)} » ne peut pas passer à « {OrderPipeline.Label(to)} ».";

    public static string HeldBy(string reference) =>
        $"L'œuvre est réservée pour la commande {reference} : annulez-la d'abord.";

    public static string Moved(string reference, OrderStatus to) => $"Commande {reference} : {OrderPipeline.Label(to).ToLowerInvariant()}.";

    public static string OthersCancelled(int count) =>
        count == 1 ? " L'autre demande pour cette œuvre a été annulée." : $" Les {count} autres demandes pour cette œuvre ont été annulées.";
}

/// <summary>
/// POST /atelier/commandes/{id}/statut: the owner moves an order along <see cref="OrderPipeline"/>
/// and the work follows. réservée: the work is Reserved. vendue: the work is Sold and the other
/// open requests for it are cancelled (the work is gone). annulée of the order holding the work:
/// the work is Available again. Another artist's order answers 404, as an unknown one.
/// </summary>
public class OrderStatusModel(PosaXDbContext db, UserManager<Artist> users, TimeProvider clock) : AjaxPageModel
{
    public static string PathOf(long orderId) => $"{AtelierOrdersModel.Path}/{orderId}/statut";

    [TempData] public string? Flash { get; set; }

    public IActionResult OnGet() => Redirect(AtelierOrdersModel.Path);

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] StatusInput input, CancellationToken ct)
    {
        if (!Guid.TryParse(users.GetUserId(User), out var me)) return Challenge();
        var order = await db.Orders.Include(o => o.Artwork).FirstOrDefaultAsync(o => o.Id == id && o.ArtistId == me, ct);
        if (order is null)
            return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, StatusTexts.NotFound, null, AjaxResponse.NoErrors));
        if (!OrderPipeline.TryParse(input.Status, out var to)) return Invalid("status", StatusTexts.UnknownStatus);
        if (!OrderPipeline.CanMove(order.Status, to)) return Invalid("status", StatusTexts.CannotMove(order.Status, to));

        var work = order.Artwork;
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = await db.Orders
            .Where(o => o.ArtworkId == work.Id && o.Id != order.Id && o.Status == OrderStatus.Reserved)
            .Select(o => o.Reference).FirstOrDefaultAsync(ct);
        var message = StatusTexts.Moved(order.Reference, to);

        switch (to)
        {
            case OrderStatus.Reserved or OrderStatus.Sold:
                if (work.Status == ArtworkStatus.Sold) return Refused(StatusTexts.WorkSold);
                if (holder is not null) return Refused(StatusTexts.HeldBy(holder));
                work.Status = to == OrderStatus.Sold ? ArtworkStatus.Sold : ArtworkStatus.Reserved;
                work.UpdatedAt = now;
                if (to == OrderStatus.Sold)
                {
                    var others = await db.Orders
                        .Where(o => o.ArtworkId == work.Id && o.Id != order.Id && OrderPipeline.Open.Contains(o.Status))
                        .ToListAsync(ct);
                    foreach (var other in others)
                    {
                        other.Status = OrderStatus.Cancelled;
                        other.UpdatedAt = now;
                    }
                    if (others.Count > 0) message += StatusTexts.OthersCancelled(others.Count);
                }
                break;
            case OrderStatus.Cancelled when order.Status == OrderStatus.Reserved:
                // The work goes back on sale unless another order holds it.
                if (holder is null && work.Status == ArtworkStatus.Reserved)
                {
                    work.Status = ArtworkStatus.Available;
                    work.UpdatedAt = now;
                }
                break;
        }
        order.Status = to;
        order.UpdatedAt = now;
        await db.SaveChangesAsync(ct);

        Flash = message;
        return Succeeded(message, AtelierOrdersModel.Path);
    }
}
