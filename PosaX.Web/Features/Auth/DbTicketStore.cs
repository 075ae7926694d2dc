using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Keeps authentication tickets in the database; the cookie only holds a random session id.
/// Signing out deletes the row, so a copied cookie stops working at once, and ending every
/// session of an artist (password reset, suspension) is one DELETE.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    private readonly TicketSerializer _serializer = TicketSerializer.Default;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = id,
            UserId = UserIdOf(ticket),
            Ticket = _serializer.Serialize(ticket),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var bytes = _serializer.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        // A session deleted meanwhile (sign-out elsewhere) must not come back: update only.
        await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
    }

    /// <summary>Where the current request's session id is kept (see <see cref="UserSessions.EndOthersAsync"/>).</summary>
    public const string CurrentSessionItem = "posax.session";

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        httpContext.Items[CurrentSessionItem] = key;
        return RetrieveAsync(key);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key && (s.ExpiresAt == null || s.ExpiresAt > now))
            // Checked on every request, not only at login: a session opened while an admin was
            // suspending the account dies on its next request.
            .Where(s => !db.Users.Any(u => u.Id == s.UserId && u.SuspendedAt != null))
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync();
        return row is null ? null : _serializer.Deserialize(row);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private static Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs a user id."));
}

public static class UserSessions
{
    /// <summary>Signs the artist out everywhere: every browser's next request is anonymous.</summary>
    public static Task<int> EndAllAsync(this PosaXDbContext db, Guid userId, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Signs the artist out of every other browser; the current request's session stays.</summary>
    public static Task<int> EndOthersAsync(this PosaXDbContext db, HttpContext current, Guid userId, CancellationToken ct = default)
    {
        var keep = current.Items[DbTicketStore.CurrentSessionItem] as string ?? "";
        return db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);
    }
}
