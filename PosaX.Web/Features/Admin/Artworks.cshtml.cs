using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure.Images;
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
    public const string Path = "/admin/oeuvres";

    public sealed record Row(long Id, string Title, string Slug, string Artist, string ArtistEmail, long Price, DateTime CreatedAt,
        bool Hidden, string? HiddenReason, bool Featured, string? CoverKey, string? CoverWidths, int? CoverWidth, int? CoverHeight)
    {
        /// <summary>The cover's smallest WebP variant, with its own size (null: no photo).</summary>
        public (string Url, int Width, int Height)? Thumbnail => ThumbnailOf(CoverKey, CoverWidths, CoverWidth, CoverHeight);
    }

    /// <summary>A cover's smallest WebP variant, with its own size (null: no photo): the lists' thumbnails.</summary>
    public static (string Url, int Width, int Height)? ThumbnailOf(string? key, string? widths, int? width, int? height) =>
        key is null || widths is null || ArtworkSearch.ParseWidths(widths) is not [var smallest, ..] || width is not > 0 || height is not > 0
            ? null
            : (ImagePipeline.Url(key, smallest), smallest, Math.Max(1, (int)Math.Round(smallest * (double)height.Value / width.Value)));

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = AdminPaging.AfterParameter)] public string? After { get; set; }
    [BindProperty(SupportsGet = true, Name = AdminPaging.BeforeParameter)] public string? Before { get; set; }
    public List<Row> Works { get; private set; } = [];
    public AdminPaging.Links Pages { get; private set; } = AdminPaging.Links.None;

    /// <summary>A row form's action: the handler, with this list's filters and page (<see cref="AdminPaging.Action"/>).</summary>
    public string ActionFor(string handler) => AdminPaging.Action(Path, handler, Request.Query);

    public static RowState VisibilityState(bool hidden) =>
        hidden ? new RowState("visibility", "hidden", AdminTexts.Artworks.HiddenBadge) : new RowState("visibility", "visible", "");

    public static RowState FeaturedState(bool featured) =>
        featured ? new RowState("featured", "featured", AdminTexts.Artworks.FeaturedBadge, AdminTexts.Artworks.Unfeature)
            : new RowState("featured", "not-featured", "", AdminTexts.Artworks.Feature);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var works = db.Artworks.AsNoTracking();
        foreach (var term in TextFolding.Terms(Query))
            works = works.Where(a => a.SearchText.Contains(term));
        works = State switch
        {
            "masquees" => works.Where(a => a.HiddenAt != null),
            "visibles" => works.Where(a => a.HiddenAt == null),
            "une" => works.Where(a => a.FeaturedAt != null),
            _ => works,
        };
        // Newest first, the id breaking ties; the expanded comparison on both providers (a list
        // of admins, not of the public: the catalogue's row values are not worth a second form here).
        var page = AdminPaging.Request.From(After, Before);
        if (page.Key is { } key && key.TieAsId is { } id)
        {
            var at = key.At;
            works = page.Backward
                ? works.Where(a => a.CreatedAt > at || (a.CreatedAt == at && a.Id > id))
                : works.Where(a => a.CreatedAt < at || (a.CreatedAt == at && a.Id < id));
        }
        else page = new AdminPaging.Request(null, false);
        works = page.Backward
            ? works.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            : works.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        var read = await works.Take(AdminPaging.PageSize + 1)
            .Select(a => new Row(a.Id, a.Title, a.Slug, a.Artist.DisplayName, a.Artist.Email!, a.Price, a.CreatedAt,
                a.HiddenAt != null, a.HiddenReason, a.FeaturedAt != null,
                a.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(),
                a.Images.OrderBy(i => i.Position).Select(i => i.Widths).FirstOrDefault(),
                a.Images.OrderBy(i => i.Position).Select(i => (int?)i.Width).FirstOrDefault(),
                a.Images.OrderBy(i => i.Position).Select(i => (int?)i.Height).FirstOrDefault()))
            .ToListAsync(ct);
        var sliced = AdminPaging.Slice(read, page, r => new AdminPaging.Key(r.CreatedAt, r.Id.ToString(CultureInfo.InvariantCulture)), Path, Request.Query);
        Works = sliced.Rows;
        Pages = sliced.Links;
    }

    public async Task<IActionResult> OnPostHideAsync([FromForm] ModerationInput<long> input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return Invalid(null, validation);
        var work = await moderation.FindAsync(input.Id!.Value, ct);
        if (work is null) return Invalid("id", AdminTexts.Artworks.UnknownWork);
        await moderation.HideAsync(User, work, input.Reason!.Trim(), ct);
        return await DoneAsync(AdminTexts.Artworks.Hidden, VisibilityState(hidden: true), ct);
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
        return await DoneAsync(AdminTexts.Artworks.Shown, VisibilityState(hidden: false), ct);
    }

    /// <summary>
    /// Puts the work "à la une" (the home page's hero, newest featured first) or takes it off: one
    /// button that toggles. A tracked change: the home page's cache follows (PublicCacheEviction).
    /// </summary>
    public async Task<IActionResult> OnPostFeatureAsync([FromForm] ModerationInput<long> input, CancellationToken ct)
    {
        var work = input.Id is null ? null : await db.Artworks.FirstOrDefaultAsync(a => a.Id == input.Id, ct);
        if (work is null) return Invalid("id", AdminTexts.Artworks.UnknownWork);
        var featuring = work.FeaturedAt is null;
        work.FeaturedAt = featuring ? clock.GetUtcNow().UtcDateTime : null;
        Log(featuring ? "artwork.feature" : "artwork.unfeature", work, string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim());
        await db.SaveChangesAsync(ct);
        return await DoneAsync(featuring ? AdminTexts.Artworks.Featured : AdminTexts.Artworks.Unfeatured, FeaturedState(featuring), ct);
    }

    /// <summary>The answer with the row's new state; without JavaScript, the list again with the message.</summary>
    private async Task<IActionResult> DoneAsync(string message, RowState state, CancellationToken ct)
    {
        if (!IsAjax) await OnGetAsync(ct);
        return Succeeded(message, state: state);
    }

    private void Log(string action, Artwork work, string? reason) =>
        AdminJournal.Write(db, User, clock, action, WorkModeration.JournalTarget(work.Id, work.Title), reason);
}
