using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Admin;

public sealed class HideValidator() : ModerationReasonValidator<long>(AdminTexts.Artworks.UnknownWork);

/// <summary>
/// /admin/oeuvres: every work (hidden ones too), searchable; hiding takes a work out of the
/// catalogue, search, sitemap and output cache at once (its page answers 404), mails the artist
/// the reason and writes the admin journal; showing puts it back.
/// </summary>
public class AdminArtworksModel(PosaXDbContext db, WorkModeration moderation,
    IValidator<ModerationInput<long>> validator, TimeProvider clock) : AjaxPageModel
{
    public sealed record Row(long Id, string Title, string Slug, string Artist, string ArtistEmail, long Price, DateTime CreatedAt, bool Hidden, string? HiddenReason);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    public List<Row> Works { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var works = db.Artworks.AsNoTracking();
        foreach (var term in TextFolding.Terms(Query))
            works = works.Where(a => a.SearchText.Contains(term));
        works = State switch
        {
            "masquees" => works.Where(a => a.HiddenAt != null),
            "visibles" => works.Where(a => a.HiddenAt == null),
            _ => works,
        };
        Works = await works.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(100)
            .Select(a => new Row(a.Id, a.Title, a.Slug, a.Artist.DisplayName, a.Artist.Email!, a.Price, a.CreatedAt, a.HiddenAt != null, a.HiddenReason))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostHideAsync([FromForm] ModerationInput<long> input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return Invalid(null, validation);
        var work = await moderation.FindAsync(input.Id!.Value, ct);
        if (work is null) return Invalid("id", AdminTexts.Artworks.UnknownWork);
        await moderation.HideAsync(User, work, input.Reason!.Trim(), ct);
        return Succeeded(AdminTexts.Artworks.Hidden);
    }

    public async Task<IActionResult> OnPostShowAsync([FromForm] ModerationInput<long> input, CancellationToken ct)
    {
        var work = input.Id is null ? null : await db.Artworks.FirstOrDefaultAsync(a => a.Id == input.Id, ct);
        if (work is null) return Invalid("id", AdminTexts.Artworks.UnknownWork);
        if (work.HiddenAt is not null)
        {
            work.HiddenAt = null;
            work.HiddenReason = null;
            Log("artwork.show", work, string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim());
            await db.SaveChangesAsync(ct);
        }
        return Succeeded(AdminTexts.Artworks.Shown);
    }

    private void Log(string action, Artwork work, string? reason) =>
        AdminJournal.Write(db, User, clock, action, WorkModeration.JournalTarget(work.Id, work.Title), reason);
}
