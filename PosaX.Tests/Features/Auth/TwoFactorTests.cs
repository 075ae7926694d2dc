using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Profile;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

/// <summary>TOTP two-factor authentication: enrolment, the login's second step, recovery codes, disabling.</summary>
public class TwoFactorTests(DatabaseProvider provider) : AppTest(provider)
{
    private static async Task<string> KeyAsync(AppClient client) =>
        (await client.GetPageAsync(SecurityModel.Path)).QuerySelector("[data-authenticator-key]")?.GetAttribute("data-authenticator-key")
        ?? throw new AssertionException("No authenticator key on the security page.");

    private static string OtherCode(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");

    /// <summary>The next step's code: enrolment used the current one, and each code is accepted once.</summary>
    private static string NextCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

    private static async Task<string[]> EnrolAsync(AppClient client)
    {
        var key = await KeyAsync(client);
        var enabled = await client.SubmitAsync(SecurityModel.Path, "two-factor-enable-form", new Dictionary<string, string> { ["code"] = Totp.Code(key) });
        Assert.That(enabled.Success, Is.True, enabled.Message);
        Assert.That(enabled.RedirectUrl, Does.StartWith(SecurityModel.CodesPath));
        var codes = (await client.GetPageAsync(enabled.RedirectUrl!)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToArray();
        Assert.That(codes, Has.Length.EqualTo(SecurityModel.RecoveryCodeCount));
        return [key, .. codes];
    }

    [Test]
    public async Task An_artist_enrols_then_logs_in_with_a_code_or_a_recovery_code_once_and_can_disable_it()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        using var otherBrowser = NewClient();
        Assert.That((await otherBrowser.LoginAsync(email)).Success, Is.True);

        var key = await KeyAsync(client);
        Assert.That(key, Does.Match("^[A-Z2-7]{32}$"));
        var page = await client.GetPageAsync(SecurityModel.Path);
        Assert.That(page.QuerySelector(".qr-code svg"), Is.Not.Null, "a QR code to scan");
        var wrong = await client.SubmitAsync(SecurityModel.Path, "two-factor-enable-form", new Dictionary<string, string> { ["code"] = OtherCode(Totp.Code(key)) });
        Assert.That((wrong.Status, wrong.ErrorsFor("code").Length), Is.EqualTo((HttpStatusCode.BadRequest, 1)));
        var empty = await client.SubmitAsync(SecurityModel.Path, "two-factor-enable-form", new Dictionary<string, string> { ["code"] = "" });
        Assert.That(empty.ErrorsFor("code"), Is.Not.Empty);

        var secrets = await EnrolAsync(client);
        var codes = secrets[1..];
        Assert.That((await client.GetPageAsync(SecurityModel.CodesPath)).QuerySelectorAll("#recovery-codes code"), Is.Empty, "shown once");
        await client.GetPageAsync("/profil"); // this session proved the factor and goes on
        using (var ended = await otherBrowser.Http.GetAsync("/profil"))
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sessions opened with the password alone end");
        await App.Mailbox.WaitForAsync(email, "Double authentification");
        var stored = await App.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "RecoveryCodes" && db.Users.Any(u => u.Id == t.UserId && u.Email == email)).Select(t => t.Value).SingleAsync());
        Assert.That(codes.Where(c => stored!.Contains(c)), Is.Empty, "recovery codes are stored hashed");

        // The password alone no longer opens a session.
        using var phone = NewClient();
        var login = await phone.LoginAsync(email);
        Assert.That(login.Success, Is.True, login.Message);
        Assert.That(login.RedirectUrl, Does.StartWith("/connexion/double-authentification"));
        using (var notYet = await phone.Http.GetAsync("/profil"))
            Assert.That(notYet.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var badCode = await phone.SubmitAsync(login.RedirectUrl!, "two-factor-form", new Dictionary<string, string> { ["code"] = OtherCode(Totp.Code(key)) });
        Assert.That((badCode.Status, badCode.ErrorsFor("code").Length), Is.EqualTo((HttpStatusCode.BadRequest, 1)));
        var goodCode = await phone.SubmitAsync(login.RedirectUrl!, "two-factor-form", new Dictionary<string, string> { ["code"] = NextCode(key) });
        Assert.That(goodCode.Success, Is.True, goodCode.Message);
        Assert.That(goodCode.RedirectUrl, Is.EqualTo("/atelier"));
        await phone.GetPageAsync("/profil");

        // A recovery code works once.
        using var lostPhone = NewClient();
        var second = await lostPhone.LoginAsync(email);
        var recovered = await lostPhone.SubmitAsync(second.RedirectUrl!, "recovery-code-form", new Dictionary<string, string> { ["recoveryCode"] = codes[0] });
        Assert.That(recovered.Success, Is.True, recovered.Message);
        await lostPhone.GetPageAsync("/profil");
        Assert.That((await lostPhone.GetPageAsync(SecurityModel.Path)).QuerySelector("[data-codes-left]")?.TextContent, Is.EqualTo("9"));
        using var thief = NewClient();
        var third = await thief.LoginAsync(email);
        var reused = await thief.SubmitAsync(third.RedirectUrl!, "recovery-code-form", new Dictionary<string, string> { ["recoveryCode"] = codes[0] });
        Assert.That((reused.Status, reused.ErrorsFor("recoveryCode").Length), Is.EqualTo((HttpStatusCode.BadRequest, 1)));

        // Disabling asks for the password.
        var noPassword = await phone.SubmitAsync(SecurityModel.Path, "two-factor-disable-form", new Dictionary<string, string> { ["password"] = "pas le bon mot de passe" });
        Assert.That(noPassword.ErrorsFor("password"), Is.Not.Empty);
        var disabled = await phone.SubmitAsync(SecurityModel.Path, "two-factor-disable-form", new Dictionary<string, string> { ["password"] = Accounts.Password });
        Assert.That(disabled.Success, Is.True, disabled.Message);
        using var plain = NewClient();
        var plainLogin = await plain.LoginAsync(email);
        Assert.That(plainLogin.RedirectUrl, Is.EqualTo("/atelier"));
        Assert.That(await KeyAsync(plain), Is.Not.EqualTo(key), "a new enrolment starts from a new key");
    }

    [Test]
    public async Task A_code_signs_in_one_session_and_is_refused_to_a_second_one()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _c = client;
        var key = (await EnrolAsync(client))[0];
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LastTotpStep).SingleAsync()), Is.Not.Null,
            "enrolment's code is used up");
        var code = NextCode(key);

        using var first = NewClient();
        var firstLogin = await first.LoginAsync(email);
        var accepted = await first.SubmitAsync(firstLogin.RedirectUrl!, "two-factor-form", new Dictionary<string, string> { ["code"] = code });
        Assert.That(accepted.Success, Is.True, accepted.Message);

        using var second = NewClient();
        var secondLogin = await second.LoginAsync(email);
        var replayed = await second.SubmitAsync(secondLogin.RedirectUrl!, "two-factor-form", new Dictionary<string, string> { ["code"] = code });
        Assert.That((replayed.Status, replayed.Success, replayed.ErrorsFor("code").Length), Is.EqualTo((HttpStatusCode.BadRequest, false, 1)));
        using var refused = await second.Http.GetAsync("/profil");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session for the replayed code");
        // An earlier step's code, still within the clock tolerance, is refused too.
        var earlier = await second.SubmitAsync(secondLogin.RedirectUrl!, "two-factor-form", new Dictionary<string, string> { ["code"] = Totp.Code(key) });
        Assert.That(earlier.Success, Is.False);
    }

    [Test]
    public async Task The_second_step_without_a_pending_login_goes_back_to_the_login_page()
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync("/connexion/double-authentification");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/connexion"));
        var form = (IHtmlFormElement)new HtmlParser().ParseDocument(
            """<form method="post" action="/connexion/double-authentification" data-token-url="/antiforgery/token"><input name="code"></form>""").Forms[0];
        var post = await client.PostAjaxAsync(form, new Dictionary<string, string> { ["code"] = "123456" });
        Assert.That((post.Status, post.Success, post.RedirectUrl), Is.EqualTo((HttpStatusCode.BadRequest, false, "/connexion")));
    }

    [Test]
    public async Task With_RequireTwoFactor_an_admin_is_sent_to_enrol_before_reaching_the_admin_area()
    {
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?> { ["Admin:RequireTwoFactor"] = "true" });
        var email = NewEmail("admin");
        const string password = "une phrase de passe d'administration";
        Assert.That(await AdminCommands.CreateAdminAsync(app.Services, ["create-admin", "--email", email, "--password", password], TextWriter.Null), Is.Zero);
        using var admin = app.CreateBrowserClient();
        Assert.That((await admin.LoginAsync(email, password)).Success, Is.True);

        using (var sent = await admin.Http.GetAsync("/admin/oeuvres?q=x"))
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(sent.Headers.Location!.OriginalString, Is.EqualTo("/profil/securite?ReturnUrl=%2Fadmin%2Foeuvres%3Fq%3Dx"));
        }
        var hide = (IHtmlFormElement)new HtmlParser().ParseDocument(
            """<form method="post" action="/admin/oeuvres?handler=Hide" data-token-url="/antiforgery/token"><input name="id"><input name="reason"></form>""").Forms[0];
        var refused = await admin.PostAjaxAsync(hide, new Dictionary<string, string> { ["id"] = "1", ["reason"] = "x" });
        Assert.That((refused.Status, refused.RedirectUrl), Is.EqualTo((HttpStatusCode.Forbidden, "/profil/securite?ReturnUrl=%2Fadmin%2Foeuvres%3Fhandler%3DHide")));
        var enrolPage = await admin.GetPageAsync("/profil/securite?ReturnUrl=%2Fadmin");
        Assert.That(enrolPage.QuerySelector("[role=alert]")?.TextContent, Is.EqualTo(ProfileTexts.Security.Required));

        var key = enrolPage.QuerySelector("[data-authenticator-key]")!.GetAttribute("data-authenticator-key")!;
        var enabled = await admin.PostAjaxAsync(AppClient.Form(enrolPage, "two-factor-enable-form"), new Dictionary<string, string> { ["code"] = Totp.Code(key) });
        Assert.That(enabled.RedirectUrl, Is.EqualTo("/profil/securite/codes?ReturnUrl=%2Fadmin"));
        var codesPage = await admin.GetPageAsync(enabled.RedirectUrl!);
        Assert.That(codesPage.QuerySelector("a.button")?.GetAttribute("href"), Is.EqualTo("/admin"));
        await admin.GetPageAsync("/admin");

        // Next time: password, then code, then the admin area.
        using var again = app.CreateBrowserClient();
        var login = await again.SubmitAsync("/connexion?ReturnUrl=%2Fadmin", "login-form",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["rememberMe"] = "false" });
        Assert.That(login.RedirectUrl, Is.EqualTo("/connexion/double-authentification?ReturnUrl=%2Fadmin"));
        var code = await again.SubmitAsync(login.RedirectUrl!, "two-factor-form", new Dictionary<string, string> { ["code"] = NextCode(key) });
        Assert.That(code.RedirectUrl, Is.EqualTo("/admin"));
        await again.GetPageAsync("/admin");
    }

    [Test]
    public void RequireTwoFactor_defaults_to_true_in_Production_only()
    {
        foreach (var (environment, expected) in new[] { ("Production", true), ("Development", false) })
        {
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = environment });
            PosaX.Web.Features.Admin.AdminFeature.AddAdminFeature(builder);
            using var services = builder.Services.BuildServiceProvider();
            Assert.That(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value.RequireTwoFactor, Is.EqualTo(expected), environment);
        }
    }
}
