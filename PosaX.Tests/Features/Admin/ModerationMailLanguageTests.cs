using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;
using Lang = PosaX.Web.Infrastructure.Text.Languages;

namespace PosaX.Tests.Features.Admin;

/// <summary>Moderation is French-only staff pages, but its mails reach the artist in their account's language (issue 18).</summary>
public class ModerationMailLanguageTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string AdminPassword = "une phrase de passe d'administration";

    [Test]
    public async Task Hiding_a_work_of_an_English_speaking_artist_mails_them_in_English_with_a_link_to_the_English_studio()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App, "Fon Jane");
        using (artist)
            Assert.That((await artist.SubmitAsync("/profil", "profile-form",
                new Dictionary<string, string> { ["name"] = "Fon Jane", ["language"] = "en" })).Success, Is.True);
        var title = "À modérer " + Guid.NewGuid().ToString("N")[..8];
        var id = await SeedArtworks.CreateAsync(App, email, title);
        var adminEmail = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", adminEmail, "--password", AdminPassword], TextWriter.Null), Is.Zero);
        using var admin = NewClient();
        Assert.That((await admin.LoginAsync(adminEmail, AdminPassword)).Success, Is.True);

        var list = await admin.GetPageAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(title));
        var form = list.QuerySelector($"[data-artwork-id='{id}'] form.moderation-hide") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.That(form, Is.Not.Null);
        var hidden = await admin.PostAjaxAsync(form!, new Dictionary<string, string> { ["reason"] = "Photo floue" });
        Assert.That(hidden.Success, Is.True, hidden.Message);
        // The artist's language is the mail's only: the moderator's answer, composed after it, is still French.
        Assert.That(hidden.Message, Is.EqualTo(AdminTexts.Artworks.Hidden));

        string subject;
        using (Lang.Use("en")) subject = AdminTexts.Mails.WorkHidden(email, "x", title, "x", new Uri("https://posax.test/x")).Subject;
        var mail = await App.Mailbox.WaitForAsync(email, subject);
        Assert.That(mail.Headers["Content-Language"], Is.EqualTo("en"));
        Assert.That(mail.Body, Does.Contain("Photo floue"), "the reason as the moderator typed it");
        Assert.That(mail.Link("/en/studio/artworks"), Does.StartWith(PosaXApp.BaseUrl + "/en/studio/artworks"));
        Assert.That(await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.HiddenAt).SingleAsync()), Is.Not.Null);
    }
}
