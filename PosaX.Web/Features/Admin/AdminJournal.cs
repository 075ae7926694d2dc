using System.Security.Claims;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// Writes one admin act to the append-only journal (/admin/journal). Added to the context, not
/// saved: the entry commits in the same SaveChanges as the act itself, or not at all.
/// </summary>
public static class AdminJournal
{
    public const int ReasonMaxLength = 500;

    public static void Write(PosaXDbContext db, ClaimsPrincipal admin, TimeProvider clock, string action, string target, string? reason) =>
        db.AdminLog.Add(new AdminLogEntry
        {
            AdminEmail = admin.FindFirst(ClaimTypes.Email)?.Value ?? admin.Identity?.Name ?? "?",
            Action = action,
            Target = Capped(target, 300),
            // "Show again" and "reactivate" bind a reason their forms do not show: only a script
            // sends one, of any length (a 500 on PostgreSQL past the column's 500 characters).
            Reason = string.IsNullOrWhiteSpace(reason) ? null : Capped(reason.Trim(), ReasonMaxLength),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>At most <paramref name="max"/> UTF-16 units, never half an emoji (PostgreSQL's driver refuses a lone surrogate).</summary>
    private static string Capped(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
