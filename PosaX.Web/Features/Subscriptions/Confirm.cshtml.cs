using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// /abonnement/confirmer/{token}: the link of a confirmation mail. Opening it (GET) only shows what
/// is about to be confirmed and a button: mail scanners and link previews fetch GETs, and must not
/// subscribe anyone. The button's POST (antiforgery) confirms: the digest window starts now, an
/// alert runs for <see cref="DigestOptions.AlertLifetime"/>, and the token is spent.
/// </summary>
public class ConfirmModel(PosaXDbContext db, IOptions<DigestOptions> options, TimeProvider clock) : AjaxPageModel
{
    public sealed record Pending(long Id, SubscriptionKind Kind, string Target, string? ArtistName, string? ArtistSlug);

    public Pending? Subscription { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Subscription = await FindAsync(token, ct);
        if (Subscription is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Subscription = await FindAsync(token, ct);
        if (Subscription is null) return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, SubscriptionsTexts.LinkInvalid, null, AjaxResponse.NoErrors));
        var row = await db.Subscriptions.SingleAsync(s => s.Id == Subscription.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        row.ConfirmedAt = now;
        row.DigestedUntil = now;
        row.ConfirmTokenHash = null;
        if (row.Kind == SubscriptionKind.Alert) row.ExpiresAt = now + options.Value.AlertLifetime;
        await db.SaveChangesAsync(ct);
        return Succeeded(SubscriptionsTexts.Confirm.Done);
    }

    private Task<Pending?> FindAsync(string token, CancellationToken ct)
    {
        if (token.Length is 0 or > 100) return Task.FromResult<Pending?>(null);
        var hash = SubscriptionTokens.Hash(token);
        var since = clock.GetUtcNow().UtcDateTime - options.Value.ConfirmLifetime;
        return db.Subscriptions.Where(s => s.ConfirmTokenHash == hash && s.ConfirmedAt == null && s.ConfirmMailedAt >= since)
            .Select(s => new Pending(s.Id, s.Kind, s.Target, s.Artist == null ? null : s.Artist.DisplayName, s.Artist == null ? null : s.Artist.Slug))
            .FirstOrDefaultAsync(ct);
    }
}
