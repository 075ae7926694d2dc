using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// The daily digests: once a Douala day, from <see cref="DigestOptions.Hour"/>, every confirmed
/// address gets at most one mail for its follows (the new works of every artist it follows) and one
/// per alert (its search's new works, at most <see cref="DigestBuilder.AlertWorks"/> and a link to
/// all); nothing when nothing is new. New means published (created) since the subscription's last
/// digest, up to the run's instant.
/// <para>Several instances: the day's <see cref="DigestRun"/> row is the claim, inserted in the same
/// SaveChanges (one transaction) as every mail and every subscription's new window. Two instances
/// building the same day both read, but only one commits: the other's insert of the same key fails and
/// its whole transaction, mails included, is rolled back. The outbox then delivers each mail once.
/// Time is <see cref="TimeProvider"/>'s, so a test moves a fake clock through a day.</para>
/// </summary>
public sealed class DigestJob(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunDueAsync(stoppingToken) is { } mails)
                    logger.LogInformation("Digests of the day built: {Mails} mails queued.", mails);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: the day is not claimed, the next tick tries again.
                logger.LogWarning(e, "Digest run failed");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>
    /// Builds and queues today's digests if the hour has come and no instance did yet: the number of
    /// mails queued, or null when not due or already built (here or elsewhere).
    /// </summary>
    public async Task<int?> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var local = now + DoualaTime.Offset;
        if (local.Hour < options.Value.Hour) return null;
        var day = DateOnly.FromDateTime(local);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        if (await db.DigestRuns.AnyAsync(r => r.Day == day, ct)) return null;
        var mails = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().QueueAsync(now, ct);
        db.DigestRuns.Add(new DigestRun { Day = day, RanAt = now, Mails = mails });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance committed the day first: its mails stand, ours were rolled back.
            if (await DayClaimedAsync(day, ct)) return null;
            throw;
        }
        return mails;
    }

    private async Task<bool> DayClaimedAsync(DateOnly day, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PosaXDbContext>().DigestRuns.AnyAsync(r => r.Day == day, ct);
    }
}

/// <summary>Builds one run's mails into the scope's DbContext (nothing saved here: <see cref="DigestJob"/> commits).</summary>
public sealed class DigestBuilder(PosaXDbContext db, ArtworkSearch search, Mailer mailer, SubscriptionTokens tokens,
    IOptions<SiteOptions> site, IOptions<DigestOptions> options)
{
    public const int AlertWorks = 12;
    /// <summary>A follow digest lists this many works at most (the newest); an artist's page has the rest.</summary>
    public const int FollowWorks = 30;

    private sealed record NewWork(long Id, string Slug, string Title, Guid ArtistId, string ArtistName, long Price, DateTime CreatedAt,
        string? CoverKey, string? CoverWidths, int? CoverWidth, int? CoverHeight, string? TitleEn = null);

    public async Task<int> QueueAsync(DateTime now, CancellationToken ct)
    {
        var mails = await QueueFollowsAsync(now, ct) + await QueueAlertsAsync(now, ct);
        // Pending requests whose link has lapsed, and alerts long ended, are forgotten.
        var lapsed = now - options.Value.ConfirmLifetime;
        var ended = now - options.Value.AlertLifetime;
        db.Subscriptions.RemoveRange(await db.Subscriptions
            .Where(s => (s.ConfirmedAt == null && s.ConfirmMailedAt < lapsed) || s.ExpiresAt < ended).ToListAsync(ct));
        return mails;
    }

    private async Task<int> QueueFollowsAsync(DateTime now, CancellationToken ct)
    {
        var follows = await db.Subscriptions.Where(s => s.Kind == SubscriptionKind.Follow && s.ConfirmedAt != null && s.ArtistId != null).ToListAsync(ct);
        if (follows.Count == 0) return 0;
        var since = follows.Min(Start);
        var artistIds = follows.Select(f => f.ArtistId!.Value).Distinct().ToList();
        var works = await db.Artworks.AsNoTracking().OnSite()
            .Where(a => artistIds.Contains(a.ArtistId) && a.CreatedAt >= since && a.CreatedAt < now)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new NewWork(a.Id, a.Slug, a.Title, a.ArtistId, a.Artist.DisplayName, a.Price, a.CreatedAt,
                a.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(),
                a.Images.OrderBy(i => i.Position).Select(i => i.Widths).FirstOrDefault(),
                a.Images.OrderBy(i => i.Position).Select(i => (int?)i.Width).FirstOrDefault(),
                a.Images.OrderBy(i => i.Position).Select(i => (int?)i.Height).FirstOrDefault(),
                a.TitleEn))
            .ToListAsync(ct);
        var mails = 0;
        foreach (var address in follows.GroupBy(f => f.Email))
        {
            var windows = address.ToDictionary(f => f.ArtistId!.Value, Start);
            var news = works.Where(w => windows.TryGetValue(w.ArtistId, out var start) && w.CreatedAt >= start).Take(FollowWorks).ToList();
            if (news.Count > 0)
            {
                // One mail for all the address's follows: in the language of the page of its latest follow.
                using (Languages.Use(address.MaxBy(f => f.CreatedAt)!.Language))
                    mailer.Queue(SubscriptionsTexts.Mails.FollowDigest(address.Key, news.Select(ToDigestWork).ToList(),
                        Page(SubscriptionUrls.Unsubscribe(tokens.Unsubscribe(new SubscriptionRef(address.Key, null))))));
                mails++;
            }
            foreach (var follow in address) follow.DigestedUntil = now;
        }
        return mails;
    }

    private async Task<int> QueueAlertsAsync(DateTime now, CancellationToken ct)
    {
        var alerts = await db.Subscriptions.Where(s => s.Kind == SubscriptionKind.Alert && s.ConfirmedAt != null && s.ExpiresAt > now).ToListAsync(ct);
        var mails = 0;
        foreach (var alert in alerts)
        {
            var reference = new SubscriptionRef(alert.Email, alert.Target);
            var query = CatalogueQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri(Absolute(alert.Target).AbsoluteUri).Query)));
            var (cards, total) = await search.PublishedBetweenAsync(query, Start(alert), now, AlertWorks, ct);
            // Each alert's mails in the language of the page it was made on, its links too.
            using var language = Languages.Use(alert.Language);
            var unsubscribe = Page(SubscriptionUrls.Unsubscribe(tokens.Unsubscribe(reference)));
            var renew = Page(SubscriptionUrls.Renew(tokens.Renew(reference)));
            if (total > 0)
            {
                var found = cards.Select(c => ToDigestWork(new NewWork(c.Id, c.Slug, c.Title, Guid.Empty, c.ArtistName, c.Price, now,
                    c.CoverKey, string.Join(',', c.CoverWidths), c.CoverWidth, c.CoverHeight, c.TitleEn))).ToList();
                mailer.Queue(SubscriptionsTexts.Mails.AlertDigest(alert.Email, found, total, Page(alert.Target), renew, alert.ExpiresAt!.Value, unsubscribe));
                mails++;
            }
            if (alert.ExpiresAt - now <= options.Value.ReminderBefore && alert.ReminderMailedAt is null)
            {
                mailer.Queue(SubscriptionsTexts.Mails.AlertEndingSoon(alert.Email, Page(alert.Target), renew, alert.ExpiresAt!.Value, unsubscribe));
                alert.ReminderMailedAt = now;
                mails++;
            }
            alert.DigestedUntil = now;
        }
        return mails;
    }

    private static DateTime Start(Subscription s) => s.DigestedUntil ?? s.ConfirmedAt!.Value;

    private Uri Absolute(string path) => site.Value.Absolute(path);

    /// <summary>A page in the recipient's language: every mail here is composed inside their <see cref="Languages.Use"/>.</summary>
    private Uri Page(string path) => site.Value.Absolute(path, Languages.Current);

    private DigestWork ToDigestWork(NewWork w)
    {
        Uri? picture = null;
        if (w.CoverKey is not null && w.CoverWidths is not null && ArtworkSearch.ParseWidths(w.CoverWidths) is { Length: > 0 } widths)
            picture = Absolute(ImagePipeline.Url(w.CoverKey, widths.FirstOrDefault(x => x >= SubscriptionMails.PictureWidth, widths[^1])));
        // The English title for an English reader when the artist wrote one.
        return new DigestWork(ArtistContent.Pick(w.Title, w.TitleEn).Text!, w.ArtistName, w.Price, Page(ArtworkUrls.Page(w.Id, w.Slug)), picture, w.CoverWidth ?? 0, w.CoverHeight ?? 0);
    }
}
