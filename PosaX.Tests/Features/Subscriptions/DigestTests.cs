using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Subscriptions;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;
using static PosaX.Tests.Features.Subscriptions.Subscribing;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>
/// The daily digests over simulated days: an app of its own whose clock moves only when the test
/// says (ManualClock as the app's TimeProvider), the job's run called as its loop calls it.
/// </summary>
[TestFixtureSource(typeof(AppTest), nameof(AppTest.Providers))]
public class DigestTests(DatabaseProvider provider)
{
    private readonly ManualClock _clock = new();
    private PosaXApp _app = null!;
    private DigestJob Job => _app.Services.GetRequiredService<DigestJob>();

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await TestApps.CreateDedicatedAsync(provider,
        // The loop's own pass happens at start only: the tests run the job themselves.
        new Dictionary<string, string?> { ["Digests:PollInterval"] = "1.00:00:00" },
        services => services.AddSingleton<TimeProvider>(_clock));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock to 08:30 in Douala the next day (the digest hour is 8) and runs the job.</summary>
    private Task<int?> NextMorningAsync()
    {
        var local = Now + DoualaTime.Offset;
        var next = local.Date.AddDays(1).AddHours(8).AddMinutes(30) - DoualaTime.Offset;
        _clock.Advance(next - Now);
        return Job.RunDueAsync(CancellationToken.None);
    }

    private static string Word() => new(Enumerable.Range(0, 9).Select(_ => "bcdfghjklmnpqrstvwxz"[RandomNumberGenerator.GetInt32(20)]).ToArray());

    private async Task<Mailbox.Mail> ConfirmedFollowAsync(ArtistOnSite artist, string email)
    {
        using var visitor = VisitorFrom(_app);
        var before = _app.Mailbox.For(email).Count(m => m.Subject.Contains("Confirmez"));
        Assert.That((await FollowAsync(visitor, artist, email)).Success, Is.True);
        var mail = await _app.Mailbox.WaitForAsync(email, "Confirmez", count: before + 1);
        Assert.That((await ConfirmAsync(visitor, mail)).Success, Is.True);
        return mail;
    }

    private Task<long> WorkAsync(ArtistOnSite artist, string title, long price = 150_000, string category = "peinture", bool hidden = false) =>
        SeedArtworks.CreateAsync(_app, artist.Email, title, price, category, createdAt: Now, hidden: hidden);

    private IReadOnlyList<Mailbox.Mail> Digests(string email) =>
        _app.Mailbox.For(email).Where(m => !m.Subject.Contains("Confirmez") && !m.Subject.Contains("prend bientôt fin")).ToList();

    /// <summary>The outbox has nothing left to send (so an absent mail is really absent).</summary>
    private async Task OutboxDrainedAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (!await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAt == null))) return;
            await Task.Delay(100);
        }
        Assert.Fail("The outbox did not drain.");
    }

    [Test]
    public async Task Over_a_simulated_day_each_follower_gets_one_mail_with_exactly_the_new_works_of_the_artists_they_follow()
    {
        var ama = await ArtistAsync(_app, "Digest Ama");
        var bello = await ArtistAsync(_app, "Digest Bello");
        await WorkAsync(bello, "Avant le suivi " + Word()); // published before anyone followed
        _clock.Advance(TimeSpan.FromMinutes(1));
        var both = NewAddress("deux");
        var onlyAma = NewAddress("une");
        var pending = NewAddress("attente");
        await ConfirmedFollowAsync(ama, both);
        await ConfirmedFollowAsync(bello, both);
        await ConfirmedFollowAsync(ama, onlyAma);
        using (var visitor = VisitorFrom(_app)) await FollowAsync(visitor, ama, pending); // never confirmed

        _clock.Advance(TimeSpan.FromHours(2));
        var amaFirst = "Fleuve " + Word();
        var amaSecond = "Marché " + Word();
        var belloWork = "Masque " + Word();
        var hiddenWork = "Cachée " + Word();
        await WorkAsync(ama, amaFirst, 250_000);
        await WorkAsync(ama, amaSecond, 1_250_000);
        await WorkAsync(bello, belloWork);
        await WorkAsync(ama, hiddenWork, hidden: true);

        Assert.That(await NextMorningAsync(), Is.GreaterThanOrEqualTo(2));
        var toBoth = await _app.Mailbox.WaitForAsync(both, "nouvelles œuvres");
        var toAma = await _app.Mailbox.WaitForAsync(onlyAma, "nouvelles œuvres");
        // The same day again: nothing more is built.
        Assert.That(await Job.RunDueAsync(CancellationToken.None), Is.Null);
        await OutboxDrainedAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Digests(both), Has.Count.EqualTo(1));
            Assert.That(Digests(onlyAma), Has.Count.EqualTo(1));
            Assert.That(Digests(pending), Is.Empty, "no digest before confirmation");
            Assert.That(toBoth.Subject, Does.StartWith("3 nouvelles œuvres"));
            Assert.That(toBoth.Body, Does.Contain(amaFirst).And.Contain(amaSecond).And.Contain(belloWork)
                .And.Not.Contain("Avant le suivi").And.Not.Contain(hiddenWork));
            Assert.That(toAma.Subject, Does.StartWith("2 nouvelles œuvres"));
            Assert.That(toAma.Body, Does.Contain(amaFirst).And.Contain(amaSecond).And.Not.Contain(belloWork));
            Assert.That(toAma.Body, Does.Contain(Money.Fcfa(1_250_000)), "prices");
            Assert.That(toAma.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(toAma.Body, Does.Contain(toAma.Headers["List-Unsubscribe"].Trim('<', '>')), "a visible unsubscribe link");
        });
        var html = await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == onlyAma && m.Subject == toAma.Subject).Select(m => m.HtmlBody).SingleAsync());
        Assert.That(html, Does.Match($"""<img src="{PosaXApp.BaseUrl}/media/[^"]+/\d+\.webp" """.Trim()), "pictures: absolute URLs of the WebP variant");

        // The next day nothing is new: nothing is sent.
        await NextMorningAsync();
        await OutboxDrainedAsync();
        Assert.That(Digests(both), Has.Count.EqualTo(1));
        Assert.That(Digests(onlyAma), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_alert_mails_the_new_works_matching_its_filters_at_most_twelve_with_a_link_to_all()
    {
        var word = Word();
        var artist = await ArtistAsync(_app, "Alerte Cyr");
        var email = NewAddress("alerte");
        var search = $"/oeuvres?q={word}&categorie=peinture&prixMax=200000";
        using (var visitor = VisitorFrom(_app))
        {
            Assert.That((await AlertAsync(visitor, search, email)).Success, Is.True);
            Assert.That((await ConfirmAsync(visitor, await _app.Mailbox.WaitForAsync(email, "Confirmez"))).Success, Is.True);
        }
        _clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 14; i++) await WorkAsync(artist, $"Toile {word} n{i}", 100_000 + i);
        await WorkAsync(artist, $"Chère {word}", 300_000);                    // above the maximum price
        await WorkAsync(artist, $"Bronze {word}", 100_000, "sculpture");      // another category
        await WorkAsync(artist, "Sans le mot " + Word(), 100_000);            // not the search

        await NextMorningAsync();
        var mail = await _app.Mailbox.WaitForAsync(email, "pour votre alerte");
        await OutboxDrainedAsync();
        var listed = System.Text.RegularExpressions.Regex.Matches(mail.Body, $@"Toile {word} n\d+").Select(m => m.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Digests(email), Has.Count.EqualTo(1));
            Assert.That(mail.Subject, Does.StartWith("14 nouvelles œuvres"));
            Assert.That(listed, Has.Count.EqualTo(12).And.Unique, "at most 12 works in a mail");
            Assert.That(listed, Does.Contain($"Toile {word} n13"), "the newest first");
            Assert.That(mail.Body, Does.Not.Contain("Chère").And.Not.Contain("Bronze").And.Not.Contain("Sans le mot"));
            Assert.That(mail.Body, Does.Contain($"{PosaXApp.BaseUrl}/oeuvres?q={word}&categorie=peinture&prixMax=200000"), "a link to all of them");
            Assert.That(mail.Body, Does.Contain(PosaXApp.BaseUrl + "/abonnement/renouveler/"), "a renew link");
        });
    }

    [Test]
    public async Task An_alert_ends_180_days_after_its_confirmation_unless_renewed_from_a_mail()
    {
        var word = Word();
        var artist = await ArtistAsync(_app, "Alerte Dina");
        var email = NewAddress("expire");
        using var visitor = VisitorFrom(_app);
        Assert.That((await AlertAsync(visitor, "/oeuvres?q=" + word, email)).Success, Is.True);
        Assert.That((await ConfirmAsync(visitor, await _app.Mailbox.WaitForAsync(email, "Confirmez"))).Success, Is.True);
        var confirmedAt = (await SubscriptionsOfAsync(_app, email)).Single().ConfirmedAt!.Value;
        Assert.That((await SubscriptionsOfAsync(_app, email)).Single().ExpiresAt, Is.EqualTo(confirmedAt.AddDays(180)).Within(TimeSpan.FromSeconds(1)));

        // Day 179: still running.
        _clock.Advance(TimeSpan.FromDays(178));
        await WorkAsync(artist, "Jour 179 " + word);
        await NextMorningAsync();
        var lastDigest = await _app.Mailbox.WaitForAsync(email, "nouvelle œuvre");
        Assert.That(lastDigest.Body, Does.Contain("Jour 179"));

        // Day 181: ended, a new match sends nothing.
        _clock.Advance(TimeSpan.FromDays(1));
        await WorkAsync(artist, "Jour 181 " + word);
        await NextMorningAsync();
        await OutboxDrainedAsync();
        Assert.That(Digests(email), Has.Count.EqualTo(1), "an ended alert sends nothing");
        Assert.That(_app.Mailbox.For(email).Any(m => m.Subject.Contains("prend bientôt fin")), Is.True, "a reminder went before the end");

        // Renewed from the last mail's link (a page, then its button): it runs again from now.
        var renewPage = await visitor.GetPageAsync(new Uri(lastDigest.Link("/abonnement/renouveler/")).PathAndQuery);
        var renewed = await visitor.PostAjaxAsync(AppClient.Form(renewPage, "renew-form"), new Dictionary<string, string>());
        Assert.That(renewed.Success, Is.True, renewed.Message);
        Assert.That((await SubscriptionsOfAsync(_app, email)).Single().ExpiresAt, Is.EqualTo(Now.AddDays(180)).Within(TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromHours(1));
        await WorkAsync(artist, "Après renouvellement " + word);
        await NextMorningAsync();
        var after = await _app.Mailbox.WaitForAsync(email, "nouvelle œuvre", count: 2);
        Assert.That(after.Body, Does.Contain("Après renouvellement").And.Not.Contain("Jour 181"));
    }

    [Test]
    public async Task Digests_are_built_once_when_several_runs_race_for_the_same_day()
    {
        var artist = await ArtistAsync(_app, "Digest Efa");
        var email = NewAddress("course");
        await ConfirmedFollowAsync(artist, email);
        _clock.Advance(TimeSpan.FromHours(1));
        await WorkAsync(artist, "Course " + Word());
        var local = Now + DoualaTime.Offset;
        _clock.Advance(local.Date.AddDays(1).AddHours(9) - DoualaTime.Offset - Now);

        // Four instances' loops waking at the same moment, each with its own scope and connection.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Job.RunDueAsync(CancellationToken.None))));

        Assert.That(runs.Count(r => r is not null), Is.EqualTo(1), string.Join(", ", runs));
        await _app.Mailbox.WaitForAsync(email, "nouvelle œuvre");
        await OutboxDrainedAsync();
        Assert.That(Digests(email), Has.Count.EqualTo(1));
        var day = DateOnly.FromDateTime(Now + DoualaTime.Offset);
        Assert.That(await _app.WithDbAsync(db => db.DigestRuns.CountAsync(r => r.Day == day)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_follow_made_on_an_English_page_is_confirmed_and_digested_in_English_with_English_links()
    {
        var artist = await ArtistAsync(_app, "Digest Lang");
        var email = NewAddress("english");
        using var visitor = VisitorFrom(_app);
        var page = await visitor.GetPageAsync("/en/artists/" + artist.Slug);
        Assert.That((await visitor.PostAjaxAsync(AppClient.Form(page, "follow-form"), new Dictionary<string, string> { ["email"] = email })).Success, Is.True);
        Assert.That((await SubscriptionsOfAsync(_app, email)).Single().Language, Is.EqualTo("en"), "the language of the page it was made on");
        await OutboxDrainedAsync();
        var confirmation = _app.Mailbox.For(email).Single();
        Assert.That(confirmation.Headers["Content-Language"], Is.EqualTo("en"));
        var confirmPage = await visitor.GetPageAsync(new Uri(confirmation.Link("/en/subscription/confirm/")).PathAndQuery);
        Assert.That((await visitor.PostAjaxAsync(AppClient.Form(confirmPage, "confirm-form"), new Dictionary<string, string>())).Success, Is.True);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var word = Word();
        var id = await WorkAsync(artist, "Lever du soleil " + word);
        await _app.WithDbAsync(async db =>
        {
            (await db.Artworks.SingleAsync(a => a.Id == id)).TitleEn = "Sunrise " + word;
            return await db.SaveChangesAsync();
        });

        await NextMorningAsync();
        await OutboxDrainedAsync();

        var digest = _app.Mailbox.For(email).Single(m => m.Path != confirmation.Path);
        Assert.Multiple(() =>
        {
            Assert.That(digest.Headers["Content-Language"], Is.EqualTo("en"));
            Assert.That(digest.Body, Does.Contain("Sunrise " + word), "the English title the artist wrote");
            Assert.That(digest.Body, Does.Contain("150,000\u00A0FCFA"));
            Assert.That(digest.Link($"/en/artworks/{id}/"), Does.StartWith(PosaXApp.BaseUrl + "/en/artworks/"));
            Assert.That(digest.Link("/en/unsubscribe/"), Does.StartWith(PosaXApp.BaseUrl + "/en/unsubscribe/"));
            Assert.That(digest.Headers["List-Unsubscribe"], Does.Contain("/en/unsubscribe/"));
        });
    }

    [Test]
    public async Task An_alert_made_on_an_English_page_is_digested_in_English_with_English_links()
    {
        var artist = await ArtistAsync(_app, "Digest Alert Lang");
        var word = Word();
        var email = NewAddress("alert-en");
        using var visitor = VisitorFrom(_app);
        Assert.That((await AlertAsync(visitor, "/en/artworks?q=" + word, email)).Success, Is.True);
        Assert.That((await SubscriptionsOfAsync(_app, email)).Single().Language, Is.EqualTo("en"));
        await OutboxDrainedAsync();
        var confirmation = _app.Mailbox.For(email).Single();
        Assert.That(confirmation.Headers["Content-Language"], Is.EqualTo("en"));
        var confirmPage = await visitor.GetPageAsync(new Uri(confirmation.Link("/en/subscription/confirm/")).PathAndQuery);
        Assert.That((await visitor.PostAjaxAsync(AppClient.Form(confirmPage, "confirm-form"), new Dictionary<string, string>())).Success, Is.True);
        _clock.Advance(TimeSpan.FromHours(1));
        await WorkAsync(artist, "Toile " + word);

        await NextMorningAsync();
        await OutboxDrainedAsync();

        var digest = _app.Mailbox.For(email).Single(m => m.Path != confirmation.Path);
        Assert.Multiple(() =>
        {
            Assert.That(digest.Headers["Content-Language"], Is.EqualTo("en"));
            Assert.That(digest.Body, Does.Contain("Toile " + word), "a French title without an English one, as written");
            Assert.That(digest.Link("/en/artworks"), Does.StartWith(PosaXApp.BaseUrl + "/en/artworks"));
            Assert.That(digest.Link("/en/subscription/renew/"), Does.StartWith(PosaXApp.BaseUrl + "/en/subscription/renew/"));
            Assert.That(digest.Link("/en/unsubscribe/"), Does.StartWith(PosaXApp.BaseUrl + "/en/unsubscribe/"));
        });
    }
}
