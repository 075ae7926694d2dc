using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// /abonnement/renouveler/{token}: the renew link of an alert's mails. GET shows the end date and a
/// button; its POST (antiforgery) runs the alert <see cref="DigestOptions.AlertLifetime"/> from now,
/// even after it ended (its next digest then starts from now: no flood of what it missed).
/// </summary>
public class RenewModel(PosaXDbContext db, SubscriptionTokens tokens, IOptions<DigestOptions> options, TimeProvider clock) : AjaxPageModel
{
    public DateTime? ExpiresAt { get; private set; }
    public string? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var alert = await FindAsync(token, ct);
        (ExpiresAt, Target) = (alert?.ExpiresAt, alert?.Target);
        if (alert is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var alert = await FindAsync(token, ct);
        if (alert is null) return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, SubscriptionsTexts.LinkInvalid, null, AjaxResponse.NoErrors));
        var now = clock.GetUtcNow().UtcDateTime;
        if (alert.ExpiresAt <= now) alert.DigestedUntil = now;
        alert.ExpiresAt = now + options.Value.AlertLifetime;
        alert.ReminderMailedAt = null;
        await db.SaveChangesAsync(ct);
        (ExpiresAt, Target) = (alert.ExpiresAt, alert.Target);
        return Succeeded(SubscriptionsTexts.Renew.Done(alert.ExpiresAt.Value));
    }

    private async Task<Subscription?> FindAsync(string token, CancellationToken ct) =>
        tokens.ReadRenew(token) is { Target: { } target } alert
            ? await db.Subscriptions.FirstOrDefaultAsync(s => s.Email == alert.Email && s.Target == target
                && s.Kind == SubscriptionKind.Alert && s.ConfirmedAt != null, ct)
            : null;
}
