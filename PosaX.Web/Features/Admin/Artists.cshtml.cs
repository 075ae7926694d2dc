using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Admin;

public sealed class SuspendValidator() : ModerationReasonValidator<Guid>(AdminTexts.Artists.UnknownArtist);

/// <summary>
/// /admin/artistes: every account with its email; suspending one ends all its sessions at once,
/// refuses its logins (Connexion and the ticket store both check), takes its public page and
/// works off the site (PublicVisibility), mails the artist the reason and writes the journal.
/// </summary>
public class AdminArtistsModel(PosaXDbContext db, UserManager<Artist> users, Mailer mailer,
    IOptions<SiteOptions> site, IValidator<ModerationInput<Guid>> validator, TimeProvider clock) : AjaxPageModel
{
    public sealed record Row(Guid Id, string DisplayName, string Slug, string Email, bool Activated, DateTime CreatedAt,
        bool Suspended, string? SuspendedReason, int Works, bool IsAdmin);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    public List<Row> Artists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var accounts = db.Users.AsNoTracking();
        var q = Query?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var upper = q.ToUpperInvariant();
            var slug = TextFolding.Fold(q).Replace(' ', '-');
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(q) || u.Slug.Contains(slug));
        }
        accounts = State switch
        {
            "suspendus" => accounts.Where(u => u.SuspendedAt != null),
            "actifs" => accounts.Where(u => u.SuspendedAt == null),
            _ => accounts,
        };
        var adminRole = await db.Roles.Where(r => r.Name == AdminFeature.RoleName).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        Artists = await accounts.OrderByDescending(u => u.CreatedAt).Take(100)
            .Select(u => new Row(u.Id, u.DisplayName, u.Slug, u.Email!, u.EmailConfirmed, u.CreatedAt,
                u.SuspendedAt != null, u.SuspendedReason,
                db.Artworks.Count(a => a.ArtistId == u.Id),
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole)))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostSuspendAsync([FromForm] ModerationInput<Guid> input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return Invalid(null, validation);
        var artist = await db.Users.FirstOrDefaultAsync(u => u.Id == input.Id, ct);
        if (artist is null) return Invalid("id", AdminTexts.Artists.UnknownArtist);
        if (await users.IsInRoleAsync(artist, AdminFeature.RoleName)) return Invalid("id", AdminTexts.Artists.CannotSuspendAdmin);
        if (artist.SuspendedAt is null)
        {
            var reason = input.Reason!.Trim();
            artist.SuspendedAt = clock.GetUtcNow().UtcDateTime;
            artist.SuspendedReason = reason;
            AdminJournal.Write(db, User, clock, "artist.suspend", Target(artist), reason);
            mailer.Queue(AdminTexts.Mails.ArtistSuspended(artist.Email!, artist.DisplayName, reason));
            await db.SaveChangesAsync(ct);
            // After the commit: a session being created right now is still refused by the ticket
            // store, which checks the flag on every request.
            await db.EndAllAsync(artist.Id, CancellationToken.None);
        }
        return Succeeded(AdminTexts.Artists.Suspended);
    }

    public async Task<IActionResult> OnPostReactivateAsync([FromForm] ModerationInput<Guid> input, CancellationToken ct)
    {
        var artist = input.Id is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == input.Id, ct);
        if (artist is null) return Invalid("id", AdminTexts.Artists.UnknownArtist);
        if (artist.SuspendedAt is not null)
        {
            artist.SuspendedAt = null;
            artist.SuspendedReason = null;
            AdminJournal.Write(db, User, clock, "artist.reactivate", Target(artist), input.Reason);
            mailer.Queue(AdminTexts.Mails.ArtistReactivated(artist.Email!, artist.DisplayName, site.Value.Absolute("/connexion")));
            await db.SaveChangesAsync(ct);
        }
        return Succeeded(AdminTexts.Artists.Reactivated);
    }

    private static string Target(Artist artist) => AdminTexts.Journal.ArtistTarget(artist.DisplayName, artist.Email);
}
