using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

public class ScreenshotsTemp(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task Take()
    {
        await UsePhoneAsync();
        var (artist, email) = await Accounts.NewArtistAsync(App, "Njoya Ibrahim");
        var reply = await artist.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = "Njoya Ibrahim", ["bio"] = "Sculpteur à Foumban.", ["whatsapp"] = "677 12 34 56", ["city"] = "Foumban", ["facebook"] = "", ["instagram"] = "",
        });
        Assert.That(reply.Success, Is.True, reply.Message);
        artist.Dispose();
        for (var i = 0; i < 3; i++) await SeedArtworks.CreateAsync(App, email, $"Masque royal {i}", imageWidth: 600 + i * 100, imageHeight: 800);
        for (var i = 0; i < 50; i++) await SeedArtworks.CreateAsync(App, email, $"Sans photo {i}", images: 0, createdAt: DateTime.UtcNow.AddDays(-5));
        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());

        await Page.GotoAsync("/inscription");
        await SaveScreenshotAsync("inscription", fullPage: true);
        await Page.GotoAsync("/artistes/" + slug);
        await SaveScreenshotAsync("artist-page");
        await Page.GotoAsync("/artistes");
        await SaveScreenshotAsync("artistes");
        await Page.GotoAsync("/");
        await SaveScreenshotAsync("home", fullPage: true);

        var adminEmail = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", adminEmail, "--password", "une phrase de passe d'administration"], TextWriter.Null), Is.Zero);
        await Page.GotoAsync("/connexion?ReturnUrl=%2Fadmin");
        await Page.Locator("#login-email").FillAsync(adminEmail);
        await Page.Locator("#login-password").FillAsync("une phrase de passe d'administration");
        await Page.Locator("#login-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/admin"));
        await Page.GotoAsync("/admin/oeuvres");
        await SaveScreenshotAsync("admin-oeuvres");
        var row = Page.Locator(".admin-row").First;
        await row.Locator("form.moderation-hide input[name=reason]").FillAsync("Doublon");
        await row.Locator("form.moderation-hide button[type=submit]").ClickAsync();
        await Expect(row.Locator("[data-state-label=visibility]")).ToBeVisibleAsync();
        await SaveScreenshotAsync("admin-oeuvres-hidden");
        await Page.GotoAsync("/admin/oeuvres");
        await Page.Locator(".admin-pager").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync("admin-oeuvres-pager");
        await Page.GotoAsync("/admin/signalements");
        await SaveScreenshotAsync("admin-signalements");

        await SignedInArtistAsync("Eyenga Claire");
        await Page.GotoAsync("/profil");
        await SaveScreenshotAsync("profil", fullPage: true);
    }
}
