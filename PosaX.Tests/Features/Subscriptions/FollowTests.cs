using System.Net;
using System.Text.RegularExpressions;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Features.Subscriptions;
using static PosaX.Tests.Features.Subscriptions.Subscribing;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>Following an artist from the artist and work pages: double opt-in, no enumeration, limits, the artist's count.</summary>
public class FollowTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Following_from_the_cached_artist_page_sends_only_a_confirmation_mail_whose_link_confirms_with_a_button()
    {
        var artist = await ArtistAsync(App, "Suivie Ada");
        var email = NewAddress();
        using var visitor = VisitorFrom(App);
        await visitor.GetPageAsync("/artistes/" + artist.Slug); // the next read is the cached copy
        var page = await visitor.GetPageAsync("/artistes/" + artist.Slug);
        var form = AppClient.Form(page, "follow-form");
        Assert.Multiple(() =>
        {
            Assert.That(form.GetAttribute("action"), Is.EqualTo($"/artistes/{artist.Slug}/suivre"));
            Assert.That(form.GetAttribute("data-token-url"), Is.EqualTo("/antiforgery/token"));
            Assert.That(form.QuerySelector("input[name=email]")?.GetAttribute("type"), Is.EqualTo("email"));
            Assert.That(page.QuerySelector("input[name=__RequestVerificationToken]"), Is.Null, "a cached page carries no token");
        });

        var reply = await visitor.PostAjaxAsync(form, new Dictionary<string, string> { ["email"] = "  " + email.ToUpperInvariant() + " " });

        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.OK, true, SubscriptionsTexts.Follow.Answer(artist.Name))));
        var mail = await App.Mailbox.WaitForAsync(email, "Confirmez");
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Does.Contain(artist.Name));
            Assert.That(mail.Headers["List-Unsubscribe"], Does.Match($"^<{Regex.Escape(PosaXApp.BaseUrl)}/desabonnement/[A-Za-z0-9_-]+>$"));
            Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(mail.Body, Does.Contain(PosaXApp.BaseUrl + "/desabonnement/"), "a visible unsubscribe link");
        });
        var pending = (await SubscriptionsOfAsync(App, email)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(pending.ConfirmedAt, Is.Null);
            Assert.That(pending.ArtistId, Is.EqualTo(artist.Id));
            var token = mail.Link("/abonnement/confirmer/").Split('/').Last();
            Assert.That(pending.ConfirmTokenHash, Is.EqualTo(SubscriptionTokens.Hash(token)).And.Not.Contain(token), "only the token's hash is stored");
        });

        // A mail scanner opening the link (GET) confirms nothing.
        using (var scanner = VisitorFrom(App))
            await scanner.GetPageAsync(new Uri(mail.Link("/abonnement/confirmer/")).PathAndQuery);
        Assert.That((await SubscriptionsOfAsync(App, email)).Single().ConfirmedAt, Is.Null);

        var confirmed = await ConfirmAsync(visitor, mail);
        Assert.That((confirmed.Success, confirmed.Message), Is.EqualTo((true, SubscriptionsTexts.Confirm.Done)));
        var row = (await SubscriptionsOfAsync(App, email)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.ConfirmedAt, Is.Not.Null);
            Assert.That(row.ConfirmTokenHash, Is.Null, "the link is spent");
            Assert.That(row.ExpiresAt, Is.Null, "a follow does not end");
        });
        // The spent link now says so.
        await visitor.GetPageAsync(new Uri(mail.Link("/abonnement/confirmer/")).PathAndQuery, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_answer_is_the_same_for_a_new_a_pending_and_a_following_address_and_a_quick_repeat_sends_no_second_mail()
    {
        var artist = await ArtistAsync(App, "Suivie Bea");
        var email = NewAddress();
        using var visitor = VisitorFrom(App);
        var answers = new List<(HttpStatusCode, bool, string?)>();
        var first = await FollowAsync(visitor, artist, email);
        answers.Add((first.Status, first.Success, first.Message));
        var mail = await App.Mailbox.WaitForAsync(email, "Confirmez");
        var pending = await FollowAsync(visitor, artist, email);
        answers.Add((pending.Status, pending.Success, pending.Message));
        await ConfirmAsync(visitor, mail);
        var following = await FollowAsync(visitor, artist, email);
        answers.Add((following.Status, following.Success, following.Message));

        Assert.That(answers.Distinct().ToList(), Has.Count.EqualTo(1), string.Join(" | ", answers));
        await Task.Delay(1000);
        Assert.That(App.Mailbox.For(email), Has.Count.EqualTo(1), "one confirmation mail in all");
        Assert.That(await SubscriptionsOfAsync(App, email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_work_page_carries_the_follow_form_of_its_artist()
    {
        var artist = await ArtistAsync(App, "Suivie Cam");
        var id = await SeedArtworks.CreateAsync(App, artist.Email, "Marché de Mokolo");
        using var visitor = VisitorFrom(App);
        var page = await visitor.GetPageAsync($"/oeuvres/{id}/marche-de-mokolo");
        var form = AppClient.Form(page, "follow-form");
        Assert.That(form.GetAttribute("action"), Is.EqualTo($"/artistes/{artist.Slug}/suivre"));
        var reply = await visitor.PostAjaxAsync(form, new Dictionary<string, string> { ["email"] = NewAddress() });
        Assert.That(reply.Success, Is.True, reply.Message);
    }

    [Test]
    public async Task Without_JavaScript_the_noscript_link_leads_to_the_follow_page_whose_plain_post_answers_in_HTML()
    {
        var artist = await ArtistAsync(App, "Suivie Noé");
        var email = NewAddress("sansjs");
        using var visitor = VisitorFrom(App);
        var artistPage = await visitor.GetPageAsync("/artistes/" + artist.Slug);
        Assert.That(artistPage.QuerySelectorAll("noscript").Select(n => n.InnerHtml), Has.Some.Contain($"/artistes/{artist.Slug}/suivre"));

        var page = await visitor.GetPageAsync($"/artistes/{artist.Slug}/suivre");
        var form = AppClient.Form(page, "follow-form");
        Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null, "its own page carries a token");
        using var response = await visitor.PostPlainAsync(form, new Dictionary<string, string> { ["email"] = email });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var answer = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.That(answer.GetElementById("follow-outcome")?.TextContent, Is.EqualTo(SubscriptionsTexts.Follow.Answer(artist.Name)));
        await App.Mailbox.WaitForAsync(email, "Confirmez");
    }

    [TestCase("", "Indiquez votre adresse e-mail.")]
    [TestCase("pas-une-adresse", "Cette adresse e-mail n’est pas valide.")]
    [TestCase("a b@exemple.cm", "Cette adresse e-mail n’est pas valide.")]
    public async Task A_missing_or_bad_address_is_a_400_with_its_field_error_and_nothing_saved(string email, string error)
    {
        var artist = await ArtistAsync(App, "Suivie Dan");
        using var visitor = VisitorFrom(App);
        var reply = await FollowAsync(visitor, artist, email);
        Assert.That((reply.Status, reply.Success), Is.EqualTo((HttpStatusCode.BadRequest, false)));
        Assert.That(reply.ErrorsFor("email"), Is.EqualTo(new[] { error }));
        Assert.That(await App.WithDbAsync(db => Task.FromResult(db.Subscriptions.Count(s => s.ArtistId == artist.Id))), Is.Zero);
    }

    [Test]
    public async Task An_artist_who_is_not_on_the_site_cannot_be_followed()
    {
        using var visitor = VisitorFrom(App);
        var page = await visitor.GetPageAsync("/artistes/" + (await ArtistAsync(App, "Suivie Eve")).Slug);
        var form = AppClient.Form(page, "follow-form");
        form.SetAttribute("action", "/artistes/personne-de-ce-nom/suivre");
        var reply = await visitor.PostAjaxAsync(form, new Dictionary<string, string> { ["email"] = NewAddress() });
        Assert.That((reply.Status, reply.Success), Is.EqualTo((HttpStatusCode.NotFound, false)));
    }

    [Test]
    public async Task One_address_is_limited_whatever_the_client_and_answers_429_with_Retry_After()
    {
        var artist = await ArtistAsync(App, "Suivie Fay");
        var email = NewAddress();
        var statuses = new List<HttpStatusCode>();
        AjaxReply last = null!;
        for (var i = 0; i < 6; i++)
        {
            using var visitor = VisitorFrom(App);
            last = await FollowAsync(visitor, artist, email);
            statuses.Add(last.Status);
        }
        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses[5], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(last.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task The_artist_sees_how_many_confirmed_addresses_follow_them_and_never_who()
    {
        var (artistClient, artistEmail) = await Accounts.NewArtistAsync(App, "Suivie Hana " + Guid.NewGuid().ToString("N")[..6]);
        using var _ = artistClient;
        var artist = await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == artistEmail)));
        var onSite = new ArtistOnSite(artistEmail, artist.DisplayName, artist.Slug, artist.Id);
        using var visitor = VisitorFrom(App);
        var followers = new[] { NewAddress("fan"), NewAddress("fan"), NewAddress("fan") };
        foreach (var email in followers) await FollowAsync(visitor, onSite, email);
        // Two confirm; the third stays pending and does not count.
        foreach (var email in followers.Take(2)) await ConfirmAsync(visitor, await App.Mailbox.WaitForAsync(email, "Confirmez"));

        var atelier = await artistClient.GetPageAsync("/atelier");
        var line = atelier.GetElementById("follower-count")?.TextContent.Trim();
        Assert.That(line, Is.EqualTo(SubscriptionsTexts.Atelier.Followers(2)));
        Assert.That(atelier.DocumentElement.OuterHtml, Does.Not.Contain(followers[0]));
    }
}
