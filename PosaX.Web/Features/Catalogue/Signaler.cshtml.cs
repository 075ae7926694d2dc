using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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
            .Must(r => ReportInput.Clean(r) is not null).WithMessage(SignalerModel.Texts.ReasonRequired)
            .Must(r => ReportInput.Clean(r)!.Length >= ReportInput.MinLength).WithMessage(SignalerModel.Texts.ReasonTooShort)
            .Must(r => ReportInput.Clean(r)!.Length <= ArtworkReport.ReasonMaxLength).WithMessage(SignalerModel.Texts.ReasonTooLong);
    }
}

/// <summary>
/// /oeuvres/{id}/signaler: a visitor flags a work for the moderation queue (/admin/signalements).
/// The work page's form posts here by AJAX (token fetched, the page is cached); without
/// JavaScript its noscript link leads to this page's GET, whose form carries its own token and
/// whose plain post answers with the confirmation. Works not on the site are 404.
/// </summary>
public class SignalerModel(PosaXDbContext db, ReportThrottle throttle, IValidator<ReportInput> validator, TimeProvider clock) : AjaxPageModel
{
    public static class Texts
    {
        public const string Heading = "Signaler cette œuvre";
        public const string Intro = "Contrefaçon, œuvre copiée sur un autre artiste, contenu choquant… Dites-nous ce qui ne va pas : la modération examinera l'œuvre.";
        public const string Reason = "Ce qui ne va pas";
        public const string Send = "Envoyer le signalement";
        public const string NoScriptLink = "Signaler cette œuvre";
        public const string NoScriptHint = "(formulaire de signalement)";
        public const string Thanks = "Merci : votre signalement a été transmis à la modération.";
        public const string ReasonRequired = "Dites en quelques mots ce qui ne va pas.";
        public static readonly string ReasonTooShort = $"Expliquez le problème en {ReportInput.MinLength} caractères au moins.";
        public static readonly string ReasonTooLong = $"Le signalement ne peut pas dépasser {ArtworkReport.ReasonMaxLength} caractères.";
        public const string NotOnSite = "Cette œuvre n'est pas ou plus en ligne.";
        public const string BackToWork = "Revenir à l'œuvre";
        public const string BackToCatalogue = "Voir le catalogue";

        public static string PageTitle(string title) => $"Signaler « {title} »";
    }

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
        if (Work is null) return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, Texts.NotOnSite, null, AjaxResponse.NoErrors));

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        var reporter = HttpContext.Connection.RemoteIpAddress ?? IPAddress.None;
        switch (throttle.Admit(reporter, Work.Id, out var retryAfter))
        {
            // The same visitor flagging the same work again: thanked, not counted twice.
            case ReportAdmission.AlreadyReported: return Succeeded(Texts.Thanks);
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
        return Succeeded(Texts.Thanks);
    }

    private Task<WorkToReport?> FindAsync(long id, CancellationToken ct) =>
        db.Artworks.OnSite().Where(a => a.Id == id)
            .Select(a => new WorkToReport(a.Id, a.Title, a.Slug))
            .FirstOrDefaultAsync(ct);
}

/// <summary>What the work page and the report page hand the report form partial.</summary>
public sealed record ReportFormModel(long ArtworkId)
{
    /// <summary>
    /// False on the work page: it is served from the output cache to every visitor, so its form
    /// carries no token and the fetch helper asks <see cref="AntiforgeryTokenEndpoint.Path"/> for
    /// one (as the order form does); visitors without JavaScript follow a link to the report page.
    /// </summary>
    public bool WithToken { get; init; }

    public string ReportPageUrl => $"/oeuvres/{ArtworkId}/signaler";

    public ReportInput? Values { get; init; }
    public AjaxResponse? Outcome { get; init; }

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}

public enum ReportAdmission { Accepted, AlreadyReported, Throttled }

/// <summary>
/// The per-IP limit on reports, and the memory of who already reported what, so that one visitor
/// flagging a work twice leaves one report. No IP address is kept: reporters are known by a salted
/// hash (the salt is drawn at start and never leaves the process), in memory only, for a day —
/// after a restart, or on another instance, a repeat is counted again (the limit still caps it).
/// An IPv6 /64 is one subscriber's network: it counts as one address.
/// </summary>
public sealed class ReportThrottle : IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);

    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(32);
    private readonly PartitionedRateLimiter<string> _perReporter;
    // Bounded: under a flood new entries are dropped (repeats then count again, the limit still holds).
    private readonly MemoryCache _reported = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock _gate = new();

    public ReportThrottle(IOptions<RateLimitOptions> options)
    {
        var perHour = options.Value.ReportsPerIpPerHour;
        _perReporter = PartitionedRateLimiter.Create<string, string>(reporter => RateLimitPartition.GetFixedWindowLimiter(reporter, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    /// <summary>
    /// Accepted: record the report (it is remembered from now on). A repeat is not counted
    /// against the limit; <paramref name="retryAfter"/> is set when throttled.
    /// </summary>
    public ReportAdmission Admit(IPAddress ip, long artworkId, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var reporter = ReporterOf(ip);
        var key = $"{reporter}:{artworkId}";
        lock (_gate)
        {
            if (_reported.TryGetValue(key, out _)) return ReportAdmission.AlreadyReported;
            using var lease = _perReporter.AttemptAcquire(reporter);
            if (!lease.IsAcquired)
            {
                retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return ReportAdmission.Throttled;
            }
            _reported.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
            return ReportAdmission.Accepted;
        }
    }

    /// <summary>The report was not recorded after all.</summary>
    public void Forget(IPAddress ip, long artworkId) => _reported.Remove($"{ReporterOf(ip)}:{artworkId}");

    private string ReporterOf(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetworkV6) Array.Clear(bytes, 8, 8);
        return Convert.ToHexString(HMACSHA256.HashData(_salt, bytes), 0, 16);
    }

    public void Dispose()
    {
        _perReporter.Dispose();
        _reported.Dispose();
    }
}
