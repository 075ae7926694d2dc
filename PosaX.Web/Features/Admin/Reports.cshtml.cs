using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
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
        RuleFor(x => x.Id).NotNull().WithMessage(AdminReportsModel.Texts.UnknownReport);
        RuleFor(x => x.Decision).Must(AdminReportsModel.Decisions.IsKnown).WithMessage(AdminReportsModel.Texts.DecisionRequired);
        // Hiding mails the artist the note as the reason: it cannot be empty then.
        RuleFor(x => x.Note).Must(n => !string.IsNullOrWhiteSpace(n)).When(x => x.Decision == AdminReportsModel.Decisions.Hidden)
            .WithMessage(AdminReportsModel.Texts.NoteRequired);
        RuleFor(x => x.Note).Must(n => n is null || n.Trim().Length <= 500).WithMessage(AdminReportsModel.Texts.NoteTooLong);
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
    public static class Texts
    {
        public const string Title = "Signalements";
        public const string Dashboard = "Tableau de bord";
        public const string Open = "Ouverts";
        public const string Closed = "Clos";
        public const string NoneOpen = "Aucun signalement ouvert.";
        public const string NoneClosed = "Aucun signalement clos.";
        public const string HiddenBadge = "Masquée";
        public const string ReportedOn = "signalée le";
        public const string ModerateWork = "Voir dans la modération des œuvres";
        public const string Decision = "Décision";
        public const string Note = "Note (envoyée à l'artiste si l'œuvre est masquée)";
        public const string Close = "Clore";
        public const string ClosedOn = "Clos le";
        public const string By = "par";
        public const string Dismissed = "Signalement clos : rien à faire.";
        public const string AlreadyClosed = "Ce signalement était déjà clos.";
        public const string UnknownReport = "Ce signalement n'existe pas.";
        public const string DecisionRequired = "Choisissez une décision.";
        public const string NoteRequired = "Indiquez le motif : il est envoyé à l'artiste.";
        public const string NoteTooLong = "La note ne peut pas dépasser 500 caractères.";

        public static string OpenOnWork(int count) => count > 1 ? $"{count} signalements ouverts sur cette œuvre" : "";
        public static string WorkHidden(int closed) =>
            closed > 1 ? $"Œuvre masquée ; l'artiste a été prévenu. {closed} signalements clos." : "Œuvre masquée ; l'artiste a été prévenu. Signalement clos.";
    }

    /// <summary>The stable codes stored in <see cref="ArtworkReport.Decision"/>, and their French names.</summary>
    public static class Decisions
    {
        public const string Dismissed = "dismissed";
        public const string Hidden = "hidden";

        public static readonly (string Value, string Label)[] All = [(Dismissed, "Rien à faire"), (Hidden, "Masquer l'œuvre")];

        public static bool IsKnown(string? value) => All.Any(d => d.Value == value);

        public static string Label(string? value) => All.FirstOrDefault(d => d.Value == value).Label ?? value ?? "";
    }

    public sealed record Row(long Id, long WorkId, string WorkTitle, string WorkSlug, string Artist, bool WorkHidden,
        string Reason, DateTime CreatedAt, int OpenOnWork, DateTime? ClosedAt, string? Decision, string? Note, string? ClosedBy);

    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    public bool ShowClosed => State == "clos";
    public List<Row> Reports { get; private set; } = [];
    public int OpenCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reports = db.ArtworkReports.AsNoTracking();
        reports = ShowClosed
            ? reports.Where(r => r.ClosedAt != null).OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id)
            : reports.Where(r => r.ClosedAt == null).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        Reports = await reports.Take(200)
            .Select(r => new Row(r.Id, r.ArtworkId, r.Artwork.Title, r.Artwork.Slug, r.Artwork.Artist.DisplayName, r.Artwork.HiddenAt != null,
                r.Reason, r.CreatedAt, db.ArtworkReports.Count(o => o.ArtworkId == r.ArtworkId && o.ClosedAt == null),
                r.ClosedAt, r.Decision, r.DecisionNote, r.ClosedBy))
            .ToListAsync(ct);
        OpenCount = await db.ArtworkReports.CountAsync(r => r.ClosedAt == null, ct);
    }

    public async Task<IActionResult> OnPostCloseAsync([FromForm] CloseReportInput input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return Invalid(null, validation);
        var report = await db.ArtworkReports.Include(r => r.Artwork).ThenInclude(a => a.Artist)
            .FirstOrDefaultAsync(r => r.Id == input.Id, ct);
        if (report is null) return Invalid("id", Texts.UnknownReport);
        // Two admins on the same queue, or a double click: the first decision stands.
        if (report.ClosedAt is not null) return Succeeded(Texts.AlreadyClosed);

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var work = report.Artwork;
        var journalReason = note is null ? input.Decision! : $"{input.Decision} : {note}";
        AdminJournal.Write(db, User, clock, "report.close", WorkModeration.JournalTarget(work.Id, work.Title), journalReason);

        if (input.Decision == Decisions.Dismissed)
        {
            Close(report, Decisions.Dismissed, note);
            await db.SaveChangesAsync(ct);
            return Succeeded(Texts.Dismissed);
        }

        // The work is hidden: nothing is left to decide on the other reports about it.
        var open = await db.ArtworkReports.Where(r => r.ArtworkId == work.Id && r.ClosedAt == null).ToListAsync(ct);
        foreach (var each in open) Close(each, Decisions.Hidden, note);
        await moderation.HideAsync(User, work, note!, ct);
        return Succeeded(Texts.WorkHidden(open.Count));
    }

    private void Close(ArtworkReport report, string decision, string? note)
    {
        report.ClosedAt = clock.GetUtcNow().UtcDateTime;
        report.Decision = decision;
        report.DecisionNote = note;
        report.ClosedBy = User.FindFirst(ClaimTypes.Email)?.Value ?? User.Identity?.Name;
    }
}
