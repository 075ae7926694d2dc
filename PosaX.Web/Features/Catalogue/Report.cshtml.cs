using System.Net;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

public sealed record ReportInput
{
    public string? Reason { get; init; }

    public const int MinLength = 10;

    /// <summary>Browsers post a textarea's line breaks as CRLF; its maxlength counts them as one.</summary>
    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();
}

public sealed class ReportValidator : AbstractValidator<ReportInput>
{
    public ReportValidator()
    {
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(r => ReportInput.Clean(r) is not null).WithMessage(_ => CatalogueTexts.Report.ReasonRequired)
            .Must(r => ReportInput.Clean(r)!.Length >= ReportInput.MinLength).WithMessage(_ => CatalogueTexts.Report.ReasonTooShort)
            .Must(r => ReportInput.Clean(r)!.Length <= ArtworkReport.ReasonMaxLength).WithMessage(_ => CatalogueTexts.Report.ReasonTooLong);
    }
}

/// <summary>
/// /oeuvres/{id}/signaler: a visitor flags a work for the moderation queue (/admin/signalements).
/// The work page's form posts here by AJAX (token fetched, the page is cached); without
/// JavaScript its noscript link leads to this page's GET, whose form carries its own token and
/// whose plain post answers with the confirmation. Works not on the site are 404.
/// </summary>
public class ReportModel(PosaXDbContext db, ReportThrottle throttle, IValidator<ReportInput> validator, TimeProvider clock) : AjaxPageModel
{
    public sealed record WorkToReport(long Id, string Title, string Slug);

    public WorkToReport? Work { get; private set; }
    public ReportInput Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Work = await FindAsync(id, ct);
        return Work is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] ReportInput input, CancellationToken ct)
    {
        Input = input;
        Work = await FindAsync(id, ct);
        if (Work is null) return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, CatalogueTexts.Report.NotOnSite, null, AjaxResponse.NoErrors));

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        var reporter = HttpContext.Connection.RemoteIpAddress ?? IPAddress.None;
        switch (throttle.Admit(reporter, Work.Id, out var retryAfter))
        {
            // The same visitor flagging the same work again: thanked, not counted twice.
            case ReportAdmission.AlreadyReported: return Succeeded(CatalogueTexts.Report.Thanks);
            case ReportAdmission.Throttled: return Throttled(retryAfter);
        }

        db.ArtworkReports.Add(new ArtworkReport
        {
            ArtworkId = Work.Id,
            Reason = ReportInput.Clean(input.Reason)!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Not recorded: the visitor's retry must not be taken for a duplicate.
            throttle.Forget(reporter, Work.Id);
            throw;
        }
        return Succeeded(CatalogueTexts.Report.Thanks);
    }

    private Task<WorkToReport?> FindAsync(long id, CancellationToken ct) =>
        db.Artworks.OnSite().Where(a => a.Id == id)
            .Select(a => new WorkToReport(a.Id, a.Title, a.Slug))
            .FirstOrDefaultAsync(ct);
}
