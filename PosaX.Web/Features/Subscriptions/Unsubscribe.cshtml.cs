using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// /desabonnement/{token}: the visible unsubscribe link of every follow and alert mail. GET shows
/// what stops and a button, whose POST (antiforgery) deletes it; the button posts to the page's second
/// route, /desabonnement/{token}/confirmer (SubscriptionsFeature), since a POST to the link itself is the one-click's.
/// A mail client's one-click POST to the link itself (RFC 8058) is <see cref="OneClickUnsubscribe"/>.
/// No account, no password: the sealed token is the proof (<see cref="SubscriptionTokens"/>).
/// </summary>
public class UnsubscribeModel(PosaXDbContext db, SubscriptionTokens tokens) : AjaxPageModel
{
    public SubscriptionRef? Subscription { get; private set; }
    /// <summary>The followed artist's name, when the link stops one follow.</summary>
    public string? ArtistName { get; private set; }
    public bool NothingLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Subscription = tokens.ReadUnsubscribe(token);
        if (Subscription is null) return NotFound();
        var rows = SubscriptionRemoval.Rows(db, Subscription);
        NothingLeft = !await rows.AnyAsync(ct);
        ArtistName = await rows.Where(s => s.Artist != null).Select(s => s.Artist!.DisplayName).FirstOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Subscription = tokens.ReadUnsubscribe(token);
        if (Subscription is null) return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, SubscriptionsTexts.LinkInvalid, null, AjaxResponse.NoErrors));
        await SubscriptionRemoval.RemoveAsync(db, Subscription, ct);
        return Succeeded(SubscriptionsTexts.Unsubscribe.Done);
    }
}

/// <summary>What an unsubscribe token stops, for the page and the one-click endpoint alike.</summary>
public static class SubscriptionRemoval
{
    public static IQueryable<Subscription> Rows(PosaXDbContext db, SubscriptionRef subscription) => subscription.AllFollows
        ? db.Subscriptions.Where(s => s.Email == subscription.Email && s.Kind == SubscriptionKind.Follow)
        : db.Subscriptions.Where(s => s.Email == subscription.Email && s.Target == subscription.Target);

    /// <summary>Deletes the rows (tracked, one SaveChanges); nothing left is not an error (a second click).</summary>
    public static async Task RemoveAsync(PosaXDbContext db, SubscriptionRef subscription, CancellationToken ct)
    {
        db.Subscriptions.RemoveRange(await Rows(db, subscription).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// RFC 8058 one-click unsubscribe: a mail client POSTs <c>List-Unsubscribe=One-Click</c> to the
/// List-Unsubscribe URL, /desabonnement/{token}, with no cookie, no page and so no antiforgery token.
/// This endpoint is the one exemption from antiforgery, and it is safe: antiforgery stops another site
/// from making a visitor's browser act with the visitor's session, and here there is no session to
/// borrow — the sealed, unguessable token in the URL is the only authority, and whoever holds it may
/// unsubscribe by the button too. It takes nothing but that exact body, is limited per client IP, and
/// only deletes. Mapped before the page (order -1), which keeps GET /desabonnement/{token}.
/// </summary>
public static class OneClickUnsubscribe
{
    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        app.MapLocalizedPost("/desabonnement/{token}", async (string token, HttpContext context, SubscriptionTokens tokens, PosaXDbContext db) =>
        {
            // Answers in the site's JSON contract (mail clients ignore the body; scripts and tests read it).
            static IResult Answer(int status, bool success, string message) =>
                Results.Json(new AjaxResponse(success, message, null, AjaxResponse.NoErrors), statusCode: status);
            // Too large, or not a form at all (NUL bytes…): not the one-click body either.
            var (form, _) = await RequestForms.ReadAsync(context.Request, context.RequestAborted);
            if (form is null || form["List-Unsubscribe"].ToString() != "One-Click")
                return Answer(StatusCodes.Status400BadRequest, false, SubscriptionsTexts.Unsubscribe.OneClickMalformed);
            if (tokens.ReadUnsubscribe(token) is not { } subscription)
                return Answer(StatusCodes.Status404NotFound, false, SubscriptionsTexts.LinkInvalid);
            await SubscriptionRemoval.RemoveAsync(db, subscription, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return Answer(StatusCodes.Status200OK, true, SubscriptionsTexts.Unsubscribe.OneClickDone);
        })
        .DisableAntiforgery()
        .RequireRateLimiting(SubscriptionsFeature.RateLimit)
        .WithOrder(-1);
        return app;
    }
}
