using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;
using Lang = PosaX.Web.Infrastructure.Text.Languages;

namespace PosaX.Tests.Features.Profile;

/// <summary>
/// The account's language (issue 18): sign-up stores the language of the page the form was on, /profil changes
/// it, and every mail to the artist is written in it, with links to pages in it (Content-Language says which).
/// </summary>
public class AccountLanguageTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly Uri AnyLink = new("https://posax.test/x");

    private static string Subject(Func<Web.Infrastructure.Email.MailMessage> mail, string language)
    {
        using var _ = Lang.Use(language);
        return mail().Subject;
    }

    private Task<string> LanguageOfAsync(string email) =>
        App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync());

    [Test]
    public async Task Signing_up_on_the_French_page_makes_a_French_account_and_a_French_activation_mail()
    {
        using var client = NewClient();
        var email = NewEmail();

        var reply = await client.RegisterAsync(email);

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(await LanguageOfAsync(email), Is.EqualTo("fr"));
        var mail = await App.Mailbox.WaitForAsync(email, Subject(() => AuthTexts.Mails.Activation(email, "x", AnyLink), "fr"));
        Assert.That(mail.Headers["Content-Language"], Is.EqualTo("fr"));
        Assert.That(mail.Link("/activation"), Does.StartWith(PosaXApp.BaseUrl + "/activation?"));
    }

    [Test]
    public async Task Signing_up_on_the_English_page_makes_an_English_account_whose_activation_mail_is_English_and_leads_to_an_English_page()
    {
        using var client = NewClient();
        var email = NewEmail();

        var reply = await client.SubmitAsync("/en/register", "register-form", Accounts.Registration(email));

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(await LanguageOfAsync(email), Is.EqualTo("en"));
        var mail = await App.Mailbox.WaitForAsync(email, Subject(() => AuthTexts.Mails.Activation(email, "x", AnyLink), "en"));
        Assert.That(mail.Headers["Content-Language"], Is.EqualTo("en"));
        var link = new Uri(mail.Link("/en/activation"));
        Assert.That(link.GetLeftPart(UriPartial.Authority), Is.EqualTo(PosaXApp.BaseUrl));

        using var activation = await client.Http.GetAsync(link.PathAndQuery);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(activation.Headers.Location?.OriginalString, Does.StartWith("/en/"), "activated, and still in English");
    }

    [Test]
    public async Task The_profile_offers_the_mail_language_and_the_next_mails_follow_the_choice()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        using var _ = client;
        var page = await client.GetPageAsync("/profil");
        var select = AppClient.Form(page, "profile-form").QuerySelector("select[name=language]");
        Assert.That(select, Is.Not.Null, "a select named language");
        Assert.That(select!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")), Is.EqualTo(new[] { "fr", "en" }));
        Assert.That(select.QuerySelector("option[selected]")?.GetAttribute("value"), Is.EqualTo("fr"));
        Assert.That(page.QuerySelector("label[for=profile-language]")?.TextContent, Is.EqualTo("Langue des e-mails"));

        var reply = await client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string> { ["name"] = "Ngono Béatrice", ["language"] = "en" });

        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(await LanguageOfAsync(email), Is.EqualTo("en"));
        var again = await client.GetPageAsync("/profil");
        Assert.That(again.QuerySelector("#profile-language option[selected]")?.GetAttribute("value"), Is.EqualTo("en"));

        // Asked from a French page, the reset mail is still the account's language.
        using var visitor = NewClient();
        Assert.That((await visitor.SubmitAsync("/mot-de-passe-oublie", "forgot-form", new Dictionary<string, string> { ["email"] = email })).Success, Is.True);
        var mail = await App.Mailbox.WaitForAsync(email, Subject(() => AuthTexts.Mails.PasswordReset(email, "x", AnyLink), "en"));
        Assert.That(mail.Headers["Content-Language"], Is.EqualTo("en"));
        Assert.That(mail.Link("/en/reset-password"), Does.StartWith(PosaXApp.BaseUrl + "/en/reset-password?"));
    }

    [TestCase("de")]
    [TestCase("english")]
    public async Task An_unknown_mail_language_is_a_field_error_and_changes_nothing(string language)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Nom Initial");
        using var _ = client;

        var reply = await client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string> { ["name"] = "Nom Changé", ["language"] = language });

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Errors.Keys, Is.EquivalentTo(new[] { "language" }));
        var stored = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Language, u.DisplayName }).SingleAsync());
        Assert.That(stored.Language, Is.EqualTo("fr"));
        Assert.That(stored.DisplayName, Is.EqualTo("Nom Initial"));
    }

    [Test]
    public async Task English_pages_show_the_English_bio_and_without_one_the_French_bio_marked_lang_fr()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Essomba Jean");
        using var _ = client;
        var slug = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());
        using var visitor = NewClient();
        // Cached first, so the English bio must evict the pages (a public column).
        await visitor.GetPageAsync($"/en/artists/{slug}");

        var reply = await client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = "Essomba Jean", ["bio"] = "Sculpteur à **Yaoundé**.", ["bioEn"] = "Sculptor in **Yaoundé**.",
        });
        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That((await client.GetPageAsync("/profil")).QuerySelector("textarea[name=bioEn]")?.TextContent, Is.EqualTo("Sculptor in **Yaoundé**."));

        var french = await visitor.GetPageAsync($"/artistes/{slug}");
        var english = await visitor.GetPageAsync($"/en/artists/{slug}");
        Assert.Multiple(() =>
        {
            Assert.That(french.QuerySelector(".bio")!.TextContent.Trim(), Is.EqualTo("Sculpteur à Yaoundé."));
            Assert.That(french.QuerySelector(".bio")!.HasAttribute("lang"), Is.False);
            Assert.That(english.QuerySelector(".bio")!.TextContent.Trim(), Is.EqualTo("Sculptor in Yaoundé."));
            Assert.That(english.QuerySelector(".bio strong")?.TextContent, Is.EqualTo("Yaoundé"), "Markdown, as the French bio");
            Assert.That(english.QuerySelector(".bio")!.HasAttribute("lang"), Is.False);
        });

        Assert.That((await client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = "Essomba Jean", ["bio"] = "Sculpteur à **Yaoundé**.", ["bioEn"] = "",
        })).Success, Is.True);
        var fallback = await visitor.GetPageAsync($"/en/artists/{slug}");
        Assert.That(fallback.QuerySelector(".bio")!.TextContent.Trim(), Is.EqualTo("Sculpteur à Yaoundé."));
        Assert.That(fallback.QuerySelector(".bio")!.GetAttribute("lang"), Is.EqualTo("fr"));
    }

    [Test]
    public async Task An_English_bio_too_long_is_a_field_error()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using var __ = client;
        var reply = await client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = "Ngono Béatrice", ["bioEn"] = new string('a', Web.Data.Artist.BioMaxLength + 1),
        });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Errors.Keys, Is.EquivalentTo(new[] { "bioEn" }));
    }
}
