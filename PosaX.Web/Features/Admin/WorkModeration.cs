using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Web;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// Hiding a work, the one way: /admin/oeuvres's Hide and /admin/signalements's "Masquer l'œuvre"
/// both come here, so a hidden work always leaves the site (its page answers 404), the artist
/// always gets the reason by mail and the journal always gets its entry.
/// </summary>
public sealed class WorkModeration(PosaXDbContext db, Mailer mailer, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>How a work is named in the admin journal.</summary>
    public static string JournalTarget(long id, string title) => AdminTexts.Journal.WorkTarget(id, title);

    /// <summary>The work, tracked, with its artist (the mail needs the address).</summary>
    public Task<Artwork?> FindAsync(long id, CancellationToken ct) =>
        db.Artworks.Include(a => a.Artist).FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// Hides the work (nothing changes if it already is hidden) and commits. Whatever the caller
    /// staged on the same request's context (closed reports, its own journal entry) commits in the
    /// same SaveChanges, so the act is recorded whole or not at all.
    /// </summary>
    public async Task HideAsync(ClaimsPrincipal admin, Artwork work, string reason, CancellationToken ct)
    {
        var hiding = work.HiddenAt is null;
        if (hiding)
        {
            work.HiddenAt = clock.GetUtcNow().UtcDateTime;
            work.HiddenReason = reason;
            AdminJournal.Write(db, admin, clock, "artwork.hide", JournalTarget(work.Id, work.Title), reason);
            // The artist reads their account's language (the title and reason stay as written).
            using (Languages.Use(work.Artist.Language))
                mailer.Queue(AdminTexts.Mails.WorkHidden(work.Artist.Email!, work.Artist.DisplayName, work.Title, reason,
                    site.Value.Absolute("/atelier/oeuvres", work.Artist.Language)));
        }
        await db.SaveChangesAsync(ct);
    }
}
