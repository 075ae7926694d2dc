using System.Net;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

public class PasswordResetTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string NewPassword = "un tout nouveau mot de passe";

    [Test]
    public async Task Forgot_password_works_end_to_end_and_ends_every_open_session()
    {
        var (oldSession, email) = await Accounts.NewArtistAsync(App);
        using var _ = oldSession;
        using var client = NewClient();

        var asked = await client.SubmitAsync("/mot-de-passe-oublie", "forgot-form", new Dictionary<string, string> { ["email"] = email });
        Assert.That(asked.Success, Is.True);

        var mail = await App.Mailbox.WaitForAsync(email, "Réinitialisez");
        var link = new Uri(mail.Link("/reinitialisation"));
        Assert.That(link.GetLeftPart(UriPartial.Authority), Is.EqualTo(PosaXApp.BaseUrl));
        var reset = await client.SubmitAsync(link.PathAndQuery, "reset-form",
            new Dictionary<string, string> { ["password"] = NewPassword, ["confirmPassword"] = NewPassword });
        Assert.That(reset.Success, Is.True, reset.Message);
        Assert.That(reset.RedirectUrl, Does.StartWith("/connexion"));

        Assert.That((await client.LoginAsync(email)).Success, Is.False, "the old password is gone");
        Assert.That((await client.LoginAsync(email, NewPassword)).Success, Is.True);
        using var stale = await oldSession.Http.GetAsync("/profil");
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the session opened before the reset is over");
        await App.Mailbox.WaitForAsync(email, "a changé");

        // The link works once.
        var again = await client.SubmitAsync(link.PathAndQuery, "reset-form",
            new Dictionary<string, string> { ["password"] = "encore un autre mot de passe", ["confirmPassword"] = "encore un autre mot de passe" });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_sends_nothing()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        using var client = NewClient();
        var unknownEmail = NewEmail("inconnu");

        var known = await client.SubmitAsync("/mot-de-passe-oublie", "forgot-form", new Dictionary<string, string> { ["email"] = email });
        var unknown = await client.SubmitAsync("/mot-de-passe-oublie", "forgot-form", new Dictionary<string, string> { ["email"] = unknownEmail });

        Assert.That(unknown.Status, Is.EqualTo(known.Status));
        Assert.That(unknown.Message, Is.EqualTo(known.Message));
        await App.Mailbox.WaitForAsync(email, "Réinitialisez");
        Assert.That(App.Mailbox.For(unknownEmail), Is.Empty);
    }

    [Test]
    public async Task A_forged_or_broken_reset_link_is_refused()
    {
        var (artist, _) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        using var client = NewClient();
        var reply = await client.SubmitAsync($"/reinitialisation?userId={Guid.NewGuid()}&code=bm90LWEtdG9rZW4", "reset-form",
            new Dictionary<string, string> { ["password"] = NewPassword, ["confirmPassword"] = NewPassword });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Message, Does.Contain("plus valable"));
    }

    [Test]
    public async Task Resending_the_activation_link_answers_the_same_for_anyone()
    {
        using var client = NewClient();
        var pending = NewEmail("attente");
        Assert.That((await client.RegisterAsync(pending)).Success, Is.True);
        await App.Mailbox.WaitForAsync(pending, "Activez");

        var forPending = await client.SubmitAsync("/inscription/confirmation", "resend-form", new Dictionary<string, string> { ["email"] = pending });
        var forUnknown = await client.SubmitAsync("/inscription/confirmation", "resend-form", new Dictionary<string, string> { ["email"] = NewEmail("inconnu") });

        Assert.That(forUnknown.Message, Is.EqualTo(forPending.Message));
        Assert.That(forUnknown.Status, Is.EqualTo(forPending.Status));
        await App.Mailbox.WaitForAsync(pending, "Activez", count: 2);
        // The newest link works.
        var newest = App.Mailbox.For(pending).OrderBy(m => File.GetLastWriteTimeUtc(m.Path)).Last();
        using var activation = await client.Http.GetAsync(new Uri(newest.Link("/activation")).PathAndQuery);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Mail_sending_forms_are_throttled_per_address()
    {
        using var client = NewClient();
        var email = NewEmail("spam");
        AjaxReply? reply = null;
        for (var i = 0; i < 4; i++)
            reply = await client.SubmitAsync("/mot-de-passe-oublie", "forgot-form", new Dictionary<string, string> { ["email"] = email });
        Assert.That(reply!.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(reply.Response.Headers.RetryAfter, Is.Not.Null);
    }
}
