using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Admin;

public sealed record CloseReportInput
{
    public long? Id { get; init; }
    public string? Decision { get; init; }
    public string? Note { get; init; }
}

public sealed class CloseReportValidator : AbstractValidator<CloseReportInput>
{
    public CloseReportValidator()
    {
        RuleFor(x => x.Id).NotNull().WithMessage(_ => AdminTexts.Reports.UnknownReport);
        RuleFor(x => x.Decision).Must(AdminReportsModel.Decisions.IsKnown).WithMessage(_ => AdminTexts.Reports.DecisionRequired);
        // Hiding mails the artist the note as the reason: it cannot be empty then.
        RuleFor(x => x.Note).Must(n => !string.IsNullOrWhiteSpace(n)).When(x => x.Decision == AdminReportsModel.Decisions.Hidden)
            .WithMessage(_ => AdminTexts.Reports.NoteRequired);
        RuleFor(x => x.Note).Must(n => n is null || n.Trim().Length <= 500).WithMessage(_ => AdminTexts.Reports.NoteTooLong);
    }
}

/// <summary>
/// /admin/signalements: the visitors' reports still open, oldest first, each with its work; the
/// closed ones with their decision on request. Closing with "hidden" hides the work as
/// /admin/oeuvres does (<see cref="WorkModeration"/>) and closes every open report on it; every
/// close is journaled.
/// </summary>
public class AdminReportsModel(PosaXDbContext db, WorkModeration moderation, IValidator<CloseReportInput> validator, TimeProvider clock)
    : AjaxPageModel
{
    /// <summary>The stable codes stored in <see cref="ArtworkReport.Decision"/>, and their French names.</summary>
    public static class Decisions
    {
        public const string Dismissed = "dismissed";
        public const string Hidden = "hidden";

        public static (string Value, string Label)[] All => [(Dismissed, AdminTexts.Reports.DecisionDismissed), (Hidden, AdminTexts.Reports.DecisionHidden)];

        public static bool IsKnown(string? value) => All.Any(d => d.Value == value);

        public static string Label(string? value) => All.FirstOrDefault(d => d.Value == value).Label ?? value ?? "";
    }

    public const string Path = "/admin/signalements";

    public sealed record Row(long Id, long WorkId, string WorkTitle, string WorkSlug, string Artist, bool WorkHidden,
        string Reason, DateTime CreatedAt, int OpenOnWork, DateTime? ClosedAt, string? Decision, string? Note, string? ClosedBy,
        string? CoverKey, string? CoverWidths, int? CoverWidth, int? CoverHeight)
    {
        public (string Url, int Width, int Height)? Thumbnail => AdminArtworksModel.ThumbnailOf(CoverKey, CoverWidths, CoverWidth, CoverHeight);
    }

    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = AdminPaging.AfterParameter)] public string? After { get; set; }
    [BindProperty(SupportsGet = true, Name = AdminPaging.BeforeParameter)] public string? Before { get; set; }
    public bool ShowClosed => State == "clos";
    public List<Row> Reports { get; private set; } = [];
    public AdminPaging.Links Pages { get; private set; } = AdminPaging.Links.None;

    /// <summary>A row form's action: the handler, with this list's filters and page (<see cref="AdminPaging.Action"/>).</summary>
    public string ActionFor(string handler) => AdminPaging.Action(Path, handler, Request.Query);
    public int OpenCount { get; private set; }

    public static RowState ClosedState(string decision) => new("report", "closed", Decisions.Label(decision));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reports = db.ArtworkReports.AsNoTracking();
        // The work's words (title, artist…) as /admin/oeuvres searches them, or the visitor's own words.
        if (Query?.Trim() is { Length: > 0 } said)
        {
            foreach (var term in TextFolding.Terms(said))
                reports = reports.Where(r => r.Artwork.SearchText.Contains(term) || r.Reason.Contains(said));
        }
        var page = AdminPaging.Request.From(After, Before);
        if (page.Key is not { TieAsId: not null }) page = new AdminPaging.Request(null, false);
        var (at, id) = (page.Key?.At ?? default, page.Key?.TieAsId ?? 0);
        // Open reports oldest first (the queue); closed ones the latest closed first. The id breaks ties.
        // "Forward" is the list's own order; going back walks it the other way, then turns the rows round.
        if (ShowClosed)
        {
            reports = reports.Where(r => r.ClosedAt != null);
            if (page.Key is not null)
                reports = page.Backward
                    ? reports.Where(r => r.ClosedAt > at || (r.ClosedAt == at && r.Id > id))
                    : reports.Where(r => r.ClosedAt < at || (r.ClosedAt == at && r.Id < id));
            reports = page.Backward
                ? reports.OrderBy(r => r.ClosedAt).ThenBy(r => r.Id)
                : reports.OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id);
        }
        else
        {
            reports = reports.Where(r => r.ClosedAt == null);
            if (page.Key is not null)
                reports = page.Backward
                    ? reports.Where(r => r.CreatedAt < at || (r.CreatedAt == at && r.Id < id))
                    : reports.Where(r => r.CreatedAt > at || (r.CreatedAt == at && r.Id > id));
            reports = page.Backward
                ? reports.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
                : reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        }
        var read = await reports.Take(AdminPaging.PageSize + 1)
            .Select(r => new Row(r.Id, r.ArtworkId, r.Artwork.Title, r.Artwork.Slug, r.Artwork.Artist.DisplayName, r.Artwork.HiddenAt != null,
                r.Reason, r.CreatedAt, db.ArtworkReports.Count(o => o.ArtworkId == r.ArtworkId && o.ClosedAt == null),
                r.ClosedAt, r.Decision, r.DecisionNote, r.ClosedBy,
                r.Artwork.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(),
                r.Artwork.Images.OrderBy(i => i.Position).Select(i => i.Widths).FirstOrDefault(),
                r.Artwork.Images.OrderBy(i => i.Position).Select(i => (int?)i.Width).FirstOrDefault(),
                r.Artwork.Images.OrderBy(i => i.Position).Select(i => (int?)i.Height).FirstOrDefault()))
            .ToListAsync(ct);
        var sliced = AdminPaging.Slice(read, page,
            r => new AdminPaging.Key(ShowClosed ? r.ClosedAt!.Value : r.CreatedAt, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Path, Request.Query);
        Reports = sliced.Rows;
        Pages = sliced.Links;
        OpenCount = await db.ArtworkReports.CountAsync(r => r.ClosedAt == null, ct);
    }

    public async Task<IActionResult> OnPostCloseAsync([FromForm] CloseReportInput input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return Invalid(null, validation);
        var report = await db.ArtworkReports.Include(r => r.Artwork).ThenInclude(a => a.Artist)
            .FirstOrDefaultAsync(r => r.Id == input.Id, ct);
        if (report is null) return Invalid("id", AdminTexts.Reports.UnknownReport);
        // Two admins on the same queue, or a double click: the first decision stands.
        if (report.ClosedAt is not null) return await DoneAsync(AdminTexts.Reports.AlreadyClosed, ClosedState(report.Decision ?? ""), ct);

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var work = report.Artwork;
        var journalReason = note is null ? input.Decision! : $"{input.Decision} : {note}";
        AdminJournal.Write(db, User, clock, "report.close", WorkModeration.JournalTarget(work.Id, work.Title), journalReason);

        if (input.Decision == Decisions.Dismissed)
        {
            Close(report, Decisions.Dismissed, note);
            await db.SaveChangesAsync(ct);
            return await DoneAsync(AdminTexts.Reports.Dismissed, ClosedState(Decisions.Dismissed), ct);
        }

        // The work is hidden: nothing is left to decide on the other reports about it.
        var open = await db.ArtworkReports.Where(r => r.ArtworkId == work.Id && r.ClosedAt == null).ToListAsync(ct);
        foreach (var each in open) Close(each, Decisions.Hidden, note);
        await moderation.HideAsync(User, work, note!, ct);
        return await DoneAsync(AdminTexts.Reports.WorkHidden(open.Count), ClosedState(Decisions.Hidden), ct);
    }

    /// <summary>The answer with the row's new state; without JavaScript, the list again with the message.</summary>
    private async Task<IActionResult> DoneAsync(string message, RowState state, CancellationToken ct)
    {
        if (!IsAjax) await OnGetAsync(ct);
        return Succeeded(message, state: state);
    }

    private void Close(ArtworkReport report, string decision, string? note)
    {
        report.ClosedAt = clock.GetUtcNow().UtcDateTime;
        report.Decision = decision;
        report.DecisionNote = note;
        report.ClosedBy = User.FindFirst(ClaimTypes.Email)?.Value ?? User.Identity?.Name;
    }
}
