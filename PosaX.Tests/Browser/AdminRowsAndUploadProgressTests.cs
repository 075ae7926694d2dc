using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Profile;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>On a phone: a moderation row shows its new state without a reload; the profile and registration forms show an upload's progress.</summary>
public class AdminRowsAndUploadProgressTests(DatabaseProvider provider) : BrowserTest(provider)
{
    private const string AdminPassword = "une phrase de passe d'administration";

    private async Task LogInAsAdminAsync()
    {
        var email = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", AdminPassword], TextWriter.Null), Is.Zero);
        await Page.GotoAsync("/connexion?ReturnUrl=%2Fadmin");
        await Page.Locator("#login-email").FillAsync(email);
        await Page.Locator("#login-password").FillAsync(AdminPassword);
        await Page.Locator("#login-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/admin"));
    }

    [Test]
    public async Task An_admin_on_a_phone_hides_a_work_and_its_row_says_so_without_a_reload()
    {
        await UsePhoneAsync();
        var word = "Rangée" + Guid.NewGuid().ToString("N")[..8];
        var (artist, artistEmail) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(App, artistEmail, "Œuvre " + word);
        await LogInAsAdminAsync();
        await Page.GotoAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(word));
        await Page.EvaluateAsync("() => { window.__posaxMarker = 'même page'; }");
        var row = Page.Locator($".admin-row[data-artwork-id='{id}']");
        await Expect(row.Locator("img.admin-thumb")).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-state-label=visibility]")).ToBeHiddenAsync();

        await row.Locator("form.moderation-hide input[name=reason]").FillAsync("Photo d'un autre artiste");
        await row.Locator("form.moderation-hide button[type=submit]").ClickAsync();

        await Expect(row.Locator("[data-state-label=visibility]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-state-label=visibility]")).ToHaveTextAsync(AdminTexts.Artworks.HiddenBadge);
        await Expect(row).ToHaveAttributeAsync("data-state-visibility", "hidden");
        await Expect(row.Locator("form.moderation-hide")).ToBeHiddenAsync();
        await Expect(row.Locator("form.moderation-show button")).ToBeVisibleAsync();
        await Expect(row.Locator("form.moderation-show button")).ToHaveTextAsync(AdminTexts.Artworks.Show);
        await Expect(row.Locator("form.moderation-show [data-form-message]")).ToHaveTextAsync(AdminTexts.Artworks.Hidden);
        Assert.That(await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.HiddenAt).SingleAsync()), Is.Not.Null);

        // And back, then "à la une": the same button now offers the opposite act.
        await row.Locator("form.moderation-show button").ClickAsync();
        await Expect(row.Locator("[data-state-label=visibility]")).ToBeHiddenAsync();
        await Expect(row.Locator("form.moderation-hide button")).ToHaveTextAsync(AdminTexts.Artworks.Hide);
        await row.Locator("form.moderation-feature button").ClickAsync();
        await Expect(row.Locator("form.moderation-feature button")).ToHaveTextAsync(AdminTexts.Artworks.Unfeature);
        await Expect(row.Locator("[data-state-label=featured]")).ToHaveTextAsync(AdminTexts.Artworks.FeaturedBadge);
        Assert.That(await Page.EvaluateAsync<string>("() => window.__posaxMarker"), Is.EqualTo("même page"), "no reload");
        AssertNoPageErrors();
    }

    /// <summary>
    /// Counts the times the form's progress bar is shown (an upload's progress events unhide it),
    /// reported to the test even if the page then leaves.
    /// </summary>
    private static async Task<Func<int>> WatchProgressAsync(IPage page, string form)
    {
        var shown = 0;
        await page.ExposeFunctionAsync("posaxProgressShown", (int value) => { if (value > 0) Interlocked.Increment(ref shown); });
        await page.EvaluateAsync($$"""
            () => {
              const bar = document.querySelector("{{form}} progress[data-progress]");
              new MutationObserver(() => { if (!bar.hidden) window.posaxProgressShown(bar.value || 1); }).observe(bar, { attributes: true });
            }
            """);
        return () => Volatile.Read(ref shown);
    }

    [Test]
    public async Task The_profile_and_registration_forms_show_the_uploads_progress_like_the_work_form()
    {
        await UsePhoneAsync();
        await SignedInArtistAsync("Progrès Photo");
        await Expect(Page.Locator("#profile-form progress[data-progress]")).ToBeHiddenAsync();
        await Page.Locator("#profile-photo").SetInputFilesAsync(TestImages.Png("portrait.png"));
        var profileProgress = await WatchProgressAsync(Page, "#profile-form");
        await Page.Locator("#profile-form button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#profile-form [data-form-message]")).ToHaveTextAsync(ProfileTexts.Saved);
        Assert.That(profileProgress(), Is.Positive, "the profile's upload showed its progress");
        await Expect(Page.Locator("#profile-form progress[data-progress]")).ToBeHiddenAsync();

        var visitor = await NewPageAsync(await NewContextAsync(phone: true));
        await visitor.GotoAsync("/inscription");
        await visitor.Locator("#register-photo").SetInputFilesAsync(TestImages.Png("portrait.png"));
        await visitor.Locator("#register-name").FillAsync("Eyenga Claire");
        await visitor.Locator("#register-email").FillAsync(NewEmail());
        await visitor.Locator("#register-password").FillAsync(Accounts.Password);
        await visitor.Locator("#register-confirm").FillAsync(Accounts.Password);
        await visitor.Locator("#register-terms").CheckAsync();
        var registerProgress = await WatchProgressAsync(visitor, "#register-form");
        await visitor.Locator("#register-form button[type=submit]").ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex(Regex.Escape(Url("/inscription/confirmation"))));
        Assert.That(registerProgress(), Is.Positive, "the registration's upload showed its progress");
        AssertNoPageErrors();
    }
}
