using FluentValidation;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Redis;
using PosaX.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>Settings of follows, alerts and their digests (section <c>Digests</c>, e.g. <c>Digests__Hour</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>The hour (Douala time, 0–23) from which the day's digests are built.</summary>
    public int Hour { get; set; } = 8;
    /// <summary>How often the job looks at the clock.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>An alert ends this long after its confirmation or last renewal.</summary>
    public TimeSpan AlertLifetime { get; set; } = TimeSpan.FromDays(180);
    /// <summary>The "ends soon" reminder goes this long before an alert ends.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(7);
    /// <summary>A confirmation link (and its pending row) lasts this long.</summary>
    public TimeSpan ConfirmLifetime { get; set; } = TimeSpan.FromDays(7);
    /// <summary>A repeat within this time sends no second confirmation mail.</summary>
    public TimeSpan RepeatQuiet { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Follow and alert posts per client IP per hour (generous: carriers share IPs).</summary>
    public int PostsPerIpPerHour { get; set; } = 30;
    /// <summary>Follow and alert posts per address typed per hour, whatever the address's state.</summary>
    public int PostsPerAddressPerHour { get; set; } = 5;
}

public static class SubscriptionUrls
{
    public static string Follow(string artistSlug) => $"/artistes/{Uri.EscapeDataString(artistSlug)}/suivre";
    public const string Alert = "/oeuvres/alerte";
    public static string Confirm(string token) => "/abonnement/confirmer/" + token;
    public static string Renew(string token) => "/abonnement/renouveler/" + token;
    public static string Unsubscribe(string token) => "/desabonnement/" + token;
    /// <summary>Where the unsubscribe page's button posts (the link itself takes the one-click POST).</summary>
    public static string UnsubscribeButton(string token) => Unsubscribe(token) + "/confirmer";
    public static string ArtistTarget(Guid artistId) => "artist:" + artistId.ToString("N");
}

/// <summary>The one field of the follow and alert forms (the alert's filters ride along as hidden fields).</summary>
public sealed record SubscribeInput
{
    public string? Email { get; init; }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

public sealed class SubscribeInputValidator : AbstractValidator<SubscribeInput>
{
    public SubscribeInputValidator() =>
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage(_ => SubscriptionsTexts.EmailRequired)
            .Must(e => e!.Trim().Length <= Subscription.EmailMaxLength && !e.Trim().Any(char.IsWhiteSpace)).WithMessage(_ => SubscriptionsTexts.EmailInvalid)
            .EmailAddress().WithMessage(_ => SubscriptionsTexts.EmailInvalid);
}

/// <summary>The strict per-address limit on follow and alert posts (the per-IP one is generous).</summary>
public sealed class SubscribeThrottle(IOptions<DigestOptions> options, TimeProvider clock, SharedWindows? shared = null) : IDisposable
{
    private readonly KeyedThrottle _addresses = new(options.Value.PostsPerAddressPerHour, TimeSpan.FromHours(1), clock, shared, "subscribe-address");

    public TimeSpan? TryPost(string normalisedEmail) => _addresses.TryAcquire(normalisedEmail);

    public void Dispose() => _addresses.Dispose();
}

/// <summary>
/// A follow or an alert asked for: double opt-in without enumeration. A new address gets a pending
/// row and a confirmation mail; a pending one gets a fresh link unless one left moments ago; a
/// confirmed one gets nothing. The caller answers the same in every case.
/// </summary>
public sealed class SubscriptionRequests(PosaXDbContext db, Mailer mailer, SubscriptionTokens tokens, IOptions<SiteOptions> site,
    IOptions<DigestOptions> options, TimeProvider clock, ILogger<SubscriptionRequests> logger)
{
    public async Task RequestAsync(SubscriptionKind kind, string email, string target, Guid? artistId,
        Func<Uri, Uri, MailMessage> confirmationMail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Subscriptions.FirstOrDefaultAsync(s => s.Email == email && s.Target == target, ct);
        if (row is { ConfirmedAt: not null }) return;
        if (row?.ConfirmMailedAt is { } mailedAt && now - mailedAt < options.Value.RepeatQuiet) return;
        if (row is null)
        {
            row = new Subscription { Kind = kind, Email = email, Target = target, ArtistId = artistId, CreatedAt = now };
            db.Subscriptions.Add(row);
        }
        var (token, hash) = SubscriptionTokens.NewConfirmToken();
        row.ConfirmTokenHash = hash;
        row.ConfirmMailedAt = now;
        // Its mails (this one, the digests) are written in the language of the page the form was on.
        row.Language = Languages.Current;
        using (Languages.Use(row.Language))
            mailer.Queue(confirmationMail(site.Value.Absolute(SubscriptionUrls.Confirm(token), row.Language),
                site.Value.Absolute(SubscriptionUrls.Unsubscribe(tokens.Unsubscribe(new SubscriptionRef(email, target))), row.Language)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Two posts of the same address and target at once: the other one's row and mail stand.
            db.ChangeTracker.Clear();
            if (!await db.Subscriptions.AnyAsync(s => s.Email == email && s.Target == target, ct)) throw;
            logger.LogInformation(e, "A concurrent request already recorded this subscription.");
        }
    }
}
