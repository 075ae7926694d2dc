using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

public class LoginTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Cookie? SessionCookie(AppClient client) =>
        client.Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "posax.session");

    [Test]
    public async Task Should_log_in_and_land_on_the_profile_or_the_local_return_url()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        using var client = NewClient();

        var reply = await client.LoginAsync(email);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.Success, Is.True);
        Assert.That(reply.RedirectUrl, Is.EqualTo("/atelier"), "an artist lands in the atelier");
        await client.GetPageAsync("/profil");

        using var other = NewClient();
        var page = await other.GetPageAsync("/connexion?ReturnUrl=%2Fprofil%3Fx%3D1");
        var toReturnUrl = await other.PostAjaxAsync(AppClient.Form(page, "login-form"),
            new Dictionary<string, string> { ["email"] = email, ["password"] = Accounts.Password });
        Assert.That(toReturnUrl.RedirectUrl, Is.EqualTo("/profil?x=1"));
        // Not a 302 from the cookie handler: a fetch would follow it and get HTML instead of JSON.
        Assert.That(toReturnUrl.Status, Is.EqualTo(System.Net.HttpStatusCode.OK));

        using var phished = NewClient();
        var evil = await phished.GetPageAsync("/connexion?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var notOpen = await phished.PostAjaxAsync(AppClient.Form(evil, "login-form"),
            new Dictionary<string, string> { ["email"] = email, ["password"] = Accounts.Password });
        Assert.That(notOpen.RedirectUrl, Is.EqualTo("/atelier"), "no open redirect");
    }

    [Test]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        using var client = NewClient();

        var wrongPassword = await client.LoginAsync(email, "pas le bon mot de passe");
        var unknown = await client.LoginAsync(NewEmail("inconnu"), "pas le bon mot de passe");

        Assert.Multiple(() =>
        {
            Assert.That(wrongPassword.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown.Status, Is.EqualTo(wrongPassword.Status));
            Assert.That(unknown.Message, Is.EqualTo(wrongPassword.Message));
            Assert.That(unknown.Errors, Is.EqualTo(wrongPassword.Errors));
            Assert.That(unknown.RedirectUrl, Is.EqualTo(wrongPassword.RedirectUrl));
        });
    }

    [Test]
    public async Task An_unactivated_account_with_a_wrong_password_looks_like_any_wrong_password()
    {
        using var client = NewClient();
        var email = NewEmail();
        Assert.That((await client.RegisterAsync(email)).Success, Is.True);

        var reply = await client.LoginAsync(email, "pas le bon mot de passe");

        Assert.That(reply.Message, Is.EqualTo("E-mail ou mot de passe incorrect."));
        Assert.That(reply.RedirectUrl, Is.Null, "no hint that the account exists");
    }

    [Test]
    public async Task Missing_fields_get_400_with_field_errors()
    {
        using var client = NewClient();
        var reply = await client.SubmitAsync("/connexion", "login-form", new Dictionary<string, string> { ["email"] = "", ["password"] = "" });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("email"), Is.Not.Empty);
        Assert.That(reply.ErrorsFor("password"), Is.Not.Empty);
    }

    [Test]
    public async Task Remember_me_gives_a_14_day_cookie_otherwise_a_session_cookie()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();

        using var remembered = NewClient();
        var yes = await remembered.LoginAsync(email, rememberMe: true);
        var persistent = yes.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("posax.session="));
        var expires = DateTimeOffset.Parse(persistent.Split(';').Select(p => p.Trim())
            .Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))[8..]);
        Assert.That(expires - DateTimeOffset.UtcNow, Is.EqualTo(TimeSpan.FromDays(14)).Within(TimeSpan.FromMinutes(5)));

        using var forgotten = NewClient();
        var no = await forgotten.LoginAsync(email, rememberMe: false);
        var session = no.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("posax.session="));
        Assert.That(session, Does.Not.Contain("expires=").IgnoreCase);
        Assert.That(session, Does.Contain("httponly").IgnoreCase);
    }

    [Test]
    public async Task Logout_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var _client = client;
        var cookie = SessionCookie(client)!;
        using var thief = NewClient();
        thief.Cookies.Add(new Cookie(cookie.Name, cookie.Value, "/", thief.Http.BaseAddress!.Host));
        await thief.GetPageAsync("/profil"); // the copy works while the session lives

        var profile = await client.GetPageAsync("/profil");
        var logout = await client.PostAjaxAsync(AppClient.Form(profile, "logout-form"), new Dictionary<string, string>());
        Assert.That(logout.Success, Is.True);
        Assert.That(logout.RedirectUrl, Is.EqualTo("/"));

        using var response = await thief.Http.GetAsync("/profil");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/connexion?ReturnUrl=%2Fprofil"));
    }

    [Test]
    public async Task Too_many_attempts_on_one_account_get_429_with_Retry_After()
    {
        var email = NewEmail("cible");
        using var client = NewClient();
        AjaxReply? reply = null;
        for (var i = 0; i < 11; i++)
            reply = await client.LoginAsync(email, "essai numéro " + i);

        Assert.That(reply!.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(reply.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(reply.Message, Does.Contain("Réessayez"));
    }

    [Test]
    public async Task Repeated_failures_hold_that_client_even_for_the_right_password_but_lock_nothing()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        using var client = NewClient();
        for (var i = 0; i < 10; i++) await client.LoginAsync(email, "mauvais mot de passe " + i);

        var locked = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.That(locked, Is.Null, "Identity's lockout is off: a stranger could lock anyone");
        var right = await client.LoginAsync(email);
        Assert.That(right.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
