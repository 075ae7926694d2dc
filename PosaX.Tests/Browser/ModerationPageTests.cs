using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Profile;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>The admin area and two-factor authentication in a real browser.</summary>
public class ModerationPageTests(DatabaseProvider provider) : BrowserTest(provider)
{
    private const string AdminPassword = "une phrase de passe d'administration";

    private async Task<string> AdminAsync()
    {
        var email = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", AdminPassword], TextWriter.Null), Is.Zero);
        return email;
    }

    private static async Task LogInAsync(IPage page, string email, string password, string from = "/connexion")
    {
        await page.GotoAsync(from);
        await page.Locator("#login-email").FillAsync(email);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login-form button[type=submit]").ClickAsync();
    }

    [Test]
    public async Task An_admin_suspends_an_artist_whose_open_page_is_sent_to_the_login_page()
    {
        var artistEmail = await SignedInArtistAsync("Artiste à suspendre");
        var adminEmail = await AdminAsync();
        var adminPage = await NewPageAsync(await NewContextAsync());
        // From the admin area itself: sent to /connexion?ReturnUrl=%2Fadmin, then back.
        await LogInAsync(adminPage, adminEmail, AdminPassword, from: "/admin");
        await Expect(adminPage).ToHaveURLAsync(Url("/admin"));

        await adminPage.GotoAsync("/admin/artistes?q=" + Uri.EscapeDataString(artistEmail));
        var form = adminPage.Locator("form.moderation-suspend");
        await Expect(form).ToHaveCountAsync(1);
        await form.Locator("input[name=reason]").FillAsync("Faux compte");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form.Locator("[data-form-message]")).ToHaveTextAsync(AdminTexts.Artists.Suspended);

        // The artist's tab, still open on /profil: the next navigation lands on the login page.
        await Page.ReloadAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(Url("/connexion"))));
    }

    [Test]
    public async Task Enrolling_an_authenticator_then_logging_in_asks_for_the_code()
    {
        var email = await SignedInArtistAsync("Double Facteur");
        await Page.Locator("#security-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url(SecurityModel.Path));
        await Expect(Page.Locator(".qr-code svg")).ToBeVisibleAsync();
        var key = await Page.Locator("[data-authenticator-key]").GetAttributeAsync("data-authenticator-key");
        await Page.Locator("#enable-code").FillAsync(Totp.Code(key!));
        await Page.Locator("#two-factor-enable-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url(SecurityModel.CodesPath));
        await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(SecurityModel.RecoveryCodeCount);

        var other = await NewPageAsync(await NewContextAsync());
        await LogInAsync(other, email, Accounts.Password);
        await Expect(other).ToHaveURLAsync(new Regex(Regex.Escape(Url("/connexion/double-authentification"))));
        AllowConsoleError(@"status of 400 \(Bad Request\)");
        var wrong = ((int.Parse(Totp.Code(key!)) + 1) % 1_000_000).ToString("D6");
        await other.Locator("#two-factor-code").FillAsync(wrong);
        await other.Locator("#two-factor-form button[type=submit]").ClickAsync();
        await Expect(other.Locator("#two-factor-form [data-error-for=code]")).ToHaveTextAsync("Code incorrect ou expiré.");
        // The next step's code: enrolment used this one, and each code is accepted once.
        await other.Locator("#two-factor-code").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow.AddSeconds(30)));
        await other.Locator("#two-factor-form button[type=submit]").ClickAsync();
        await Expect(other).ToHaveURLAsync(Url("/atelier"));
    }
}
