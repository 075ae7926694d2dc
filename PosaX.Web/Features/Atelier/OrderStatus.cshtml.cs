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
            return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, AtelierTexts.Status.NotFound, null, AjaxResponse.NoErrors));
        if (!OrderPipeline.TryParse(input.Status, out var to)) return Invalid("status", AtelierTexts.Status.UnknownStatus);
        if (!OrderPipeline.CanMove(order.Status, to)) return Invalid("status", AtelierTexts.Status.CannotMove(order.Status, to));

        var work = order.Artwork;
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = await db.Orders
            .Where(o => o.ArtworkId == work.Id && o.Id != order.Id && o.Status == OrderStatus.Reserved)
            .Select(o => o.Reference).FirstOrDefaultAsync(ct);
        var message = AtelierTexts.Status.Moved(order.Reference, to);

        switch (to)
        {
            case OrderStatus.Reserved or OrderStatus.Sold:
                if (work.Status == ArtworkStatus.Sold) return Refused(AtelierTexts.Status.WorkSold);
                if (holder is not null) return Refused(AtelierTexts.Status.HeldBy(holder));
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
                    if (others.Count > 0) message += AtelierTexts.Status.OthersCancelled(others.Count);
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
