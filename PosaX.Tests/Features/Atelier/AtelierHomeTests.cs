using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Atelier;

/// <summary>/atelier: where activation and sign-in land, with the checklist of a page that sells.</summary>
public class AtelierHomeTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, bool> Steps(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#atelier-checklist [data-step]").ToDictionary(li => li.GetAttribute("data-step")!, li => li.GetAttribute("data-done") == "true");

    [Test]
    public async Task Activation_lands_on_the_checklist_with_account_activated_and_each_step_is_ticked_once_done()
    {
        using var artist = NewClient();
        var email = NewEmail();
        Assert.That((await artist.RegisterAsync(email, "Premiers Pas")).Success, Is.True);
        using var activation = await artist.ActivateAsync(App, email);
        Assert.That(activation.Headers.Location?.OriginalString, Is.EqualTo("/atelier?bienvenue=1"));

        var welcome = await artist.GetPageAsync("/atelier?bienvenue=1");
        Assert.That(welcome.QuerySelector("#activated-notice")?.TextContent, Does.Contain("Compte activé"));
        // Registered with a WhatsApp number, no photo, no bio, no work yet.
        Assert.That(Steps(welcome), Is.EqualTo(new Dictionary<string, bool> { ["photo"] = false, ["bio"] = false, ["whatsapp"] = true, ["work"] = false }));
        Assert.That(welcome.QuerySelector("[data-step=work] a")?.GetAttribute("href"), Is.EqualTo("/atelier/oeuvres/nouvelle"));
        Assert.That(welcome.QuerySelector("[data-step=bio] a")?.GetAttribute("href"), Is.EqualTo("/profil"));

        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.Bio = "Peintre à Bafoussam.";
            return await db.SaveChangesAsync();
        });
        await SeedArtworks.CreateAsync(App, email, "Première œuvre " + Guid.NewGuid().ToString("N")[..6]);

        var later = await artist.GetPageAsync("/atelier");
        Assert.That(later.QuerySelector("#activated-notice"), Is.Null, "the welcome is said once, on arrival");
        Assert.That(Steps(later), Is.EqualTo(new Dictionary<string, bool> { ["photo"] = false, ["bio"] = true, ["whatsapp"] = true, ["work"] = true }));
        Assert.That(later.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
    }

    [Test]
    public async Task An_artists_login_lands_in_the_atelier_unless_a_return_url_says_otherwise()
    {
        var (first, email) = await Accounts.NewArtistAsync(App);
        first.Dispose();
        using var client = NewClient();
        Assert.That((await client.LoginAsync(email)).RedirectUrl, Is.EqualTo("/atelier"));

        using var returning = NewClient();
        var reply = await returning.SubmitAsync("/connexion?ReturnUrl=%2Fatelier%2Fcommandes", "login-form",
            new Dictionary<string, string> { ["email"] = email, ["password"] = Accounts.Password });
        Assert.That(reply.RedirectUrl, Is.EqualTo("/atelier/commandes"));
    }

    [Test]
    public async Task The_atelier_home_is_for_signed_in_artists_only()
    {
        using var visitor = NewClient();
        using var response = await visitor.Http.GetAsync("/atelier");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/connexion?ReturnUrl=%2Fatelier"));
    }
}
