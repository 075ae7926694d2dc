using System.Security.Claims;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// Writes one admin act to the append-only journal (/admin/journal). Added to the context, not
/// saved: the entry commits in the same SaveChanges as the act itself, or not at all.
/// </summary>
public static class AdminJournal
{
    public static void Write(PosaXDbContext db, ClaimsPrincipal admin, TimeProvider clock, string action, string target, string? reason) =>
        db.AdminLog.Add(new AdminLogEntry
        {
            AdminEmail = admin.FindFirst(ClaimTypes.Email)?.Value ?? admin.Identity?.Name ?? "?",
            Action = action,
            Target = target.Length > 300 ? target[..300] : target,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
}
