using System.Net;
using System.Text;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Features.Subscriptions;
using static PosaX.Tests.Features.Subscriptions.Subscribing;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>Unsubscribing without an account: a mail client's one-click POST (RFC 8058), or the page's button.</summary>
public class UnsubscribeTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<(string Email, Mailbox.Mail Mail)> ConfirmedFollowerAsync(string name)
    {
        var artist = await ArtistAsync(App, name);
        var email = NewAddress();
        using var visitor = VisitorFrom(App);
        await FollowAsync(visitor, artist, email);
        var mail = await App.Mailbox.WaitForAsync(email, "Confirmez");
        await ConfirmAsync(visitor, mail);
        return (email, mail);
    }

    private static string ListUnsubscribeUrl(Mailbox.Mail mail) => mail.Headers["List-Unsubscribe"].Trim('<', '>');

    [Test]
    public async Task A_mail_clients_one_click_POST_unsubscribes_without_cookie_token_or_account()
    {
        var (email, mail) = await ConfirmedFollowerAsync("Désabo Ama");
        var url = new Uri(ListUnsubscribeUrl(mail));
        Assert.That(url.AbsolutePath, Does.StartWith("/desabonnement/"));
        Assert.That(mail.Body, Does.Contain(url.AbsoluteUri), "the same link is visible in the mail");

        // What a mail client sends: a bare POST, form-encoded, nothing else.
        using var mailClient = new HttpClient { BaseAddress = App.ServerAddress };
        mailClient.DefaultRequestHeaders.Add("X-Forwarded-For", NewIp());
        using var response = await mailClient.PostAsync(url.PathAndQuery,
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await SubscriptionsOfAsync(App, email), Is.Empty);
        // A second click is no error.
        using var again = await mailClient.PostAsync(url.PathAndQuery,
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_POST_without_the_one_click_body_or_with_a_forged_token_unsubscribes_nobody()
    {
        var (email, mail) = await ConfirmedFollowerAsync("Désabo Ben");
        var url = new Uri(ListUnsubscribeUrl(mail));
        using var http = new HttpClient { BaseAddress = App.ServerAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", NewIp());

        using var empty = await http.PostAsync(url.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["autre"] = "chose" }));
        using var forged = await http.PostAsync("/desabonnement/" + url.Segments.Last()[..^4] + "AAAA",
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Multiple(() =>
        {
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
        Assert.That(await SubscriptionsOfAsync(App, email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_unsubscribe_page_asks_first_and_its_button_posts_with_an_antiforgery_token()
    {
        var (email, mail) = await ConfirmedFollowerAsync("Désabo Cléo");
        using var visitor = VisitorFrom(App);
        var page = await visitor.GetPageAsync(new Uri(ListUnsubscribeUrl(mail)).PathAndQuery);
        Assert.That(await SubscriptionsOfAsync(App, email), Has.Count.EqualTo(1), "opening the page unsubscribes nobody");
        var form = AppClient.Form(page, "unsubscribe-form");
        Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null);

        // Without its token the button's POST is refused.
        using var http = new HttpClient { BaseAddress = App.ServerAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", NewIp());
        using var forgedPost = await http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.That(forgedPost.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await SubscriptionsOfAsync(App, email), Has.Count.EqualTo(1));

        var reply = await visitor.PostAjaxAsync(form, new Dictionary<string, string>());
        Assert.That((reply.Success, reply.Message), Is.EqualTo((true, SubscriptionsTexts.Unsubscribe.Done)));
        Assert.That(await SubscriptionsOfAsync(App, email), Is.Empty);
    }

    [Test]
    public async Task An_unreadable_unsubscribe_link_is_a_404()
    {
        using var visitor = VisitorFrom(App);
        await visitor.GetPageAsync("/desabonnement/nimportequoi", HttpStatusCode.NotFound);
    }
}
