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
    public const string Path = "/admin/artistes";

    public sealed record Row(Guid Id, string DisplayName, string Slug, string Email, string NormalizedEmail, bool Activated, DateTime CreatedAt,
        bool Suspended, string? SuspendedReason, int Works, bool IsAdmin);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = AdminPaging.AfterParameter)] public string? After { get; set; }
    [BindProperty(SupportsGet = true, Name = AdminPaging.BeforeParameter)] public string? Before { get; set; }
    public List<Row> Artists { get; private set; } = [];
    public AdminPaging.Links Pages { get; private set; } = AdminPaging.Links.None;

    /// <summary>A row form's action: the handler, with this list's filters and page (<see cref="AdminPaging.Action"/>).</summary>
    public string ActionFor(string handler) => AdminPaging.Action(Path, handler, Request.Query);

    public static RowState SuspensionState(bool suspended) =>
        suspended ? new RowState("suspension", "suspended", AdminTexts.Artists.SuspendedBadge) : new RowState("suspension", "active", "");

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
        // Newest first; the (unique) normalized address breaks ties: a string both providers compare
        // as they order it, where a Guid has no comparison LINQ can write.
        var page = AdminPaging.Request.From(After, Before);
        if (page.Key is { } key)
        {
            var (at, tie) = (key.At, key.Tie);
            accounts = page.Backward
                ? accounts.Where(u => u.CreatedAt > at || (u.CreatedAt == at && string.Compare(u.NormalizedEmail, tie) > 0))
                : accounts.Where(u => u.CreatedAt < at || (u.CreatedAt == at && string.Compare(u.NormalizedEmail, tie) < 0));
        }
        accounts = page.Backward
            ? accounts.OrderBy(u => u.CreatedAt).ThenBy(u => u.NormalizedEmail)
            : accounts.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.NormalizedEmail);
        var read = await accounts.Take(AdminPaging.PageSize + 1)
            .Select(u => new Row(u.Id, u.DisplayName, u.Slug, u.Email!, u.NormalizedEmail!, u.EmailConfirmed, u.CreatedAt,
                u.SuspendedAt != null, u.SuspendedReason,
                db.Artworks.Count(a => a.ArtistId == u.Id),
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole)))
            .ToListAsync(ct);
        var sliced = AdminPaging.Slice(read, page, r => new AdminPaging.Key(r.CreatedAt, r.NormalizedEmail), Path, Request.Query);
        Artists = sliced.Rows;
        Pages = sliced.Links;
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
            // The artist reads their account's language; the reason stays as the moderator typed it.
            using (Languages.Use(artist.Language))
                mailer.Queue(AdminTexts.Mails.ArtistSuspended(artist.Email!, artist.DisplayName, reason));
            await db.SaveChangesAsync(ct);
            // After the commit: a session being created right now is still refused by the ticket
            // store, which checks the flag on every request.
            await db.EndAllAsync(artist.Id, CancellationToken.None);
        }
        return await DoneAsync(AdminTexts.Artists.Suspended, SuspensionState(suspended: true), ct);
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
            using (Languages.Use(artist.Language))
                mailer.Queue(AdminTexts.Mails.ArtistReactivated(artist.Email!, artist.DisplayName, site.Value.Absolute("/connexion", artist.Language)));
            await db.SaveChangesAsync(ct);
        }
        return await DoneAsync(AdminTexts.Artists.Reactivated, SuspensionState(suspended: false), ct);
    }

    /// <summary>The answer with the row's new state; without JavaScript, the list again with the message.</summary>
    private async Task<IActionResult> DoneAsync(string message, RowState state, CancellationToken ct)
    {
        if (!IsAjax) await OnGetAsync(ct);
        return Succeeded(message, state: state);
    }

    private static string Target(Artist artist) => AdminTexts.Journal.ArtistTarget(artist.DisplayName, artist.Email);
}
