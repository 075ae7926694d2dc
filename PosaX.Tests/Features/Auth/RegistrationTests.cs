using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

public class RegistrationTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Both_panels_are_real_forms_with_the_contract_field_names()
    {
        using var client = NewClient();
        foreach (var url in new[] { "/connexion", "/inscription" })
        {
            var page = await client.GetPageAsync(url);
            var login = AppClient.Form(page, "login-form");
            var register = AppClient.Form(page, "register-form");
            Assert.Multiple(() =>
            {
                Assert.That(login.Method, Is.EqualTo("post"));
                Assert.That(login.GetAttribute("action"), Is.EqualTo("/connexion"));
                Assert.That(register.GetAttribute("action"), Is.EqualTo("/inscription"));
                Assert.That(register.Enctype, Is.EqualTo("multipart/form-data"));
                foreach (var name in new[] { "email", "password", "rememberMe", "__RequestVerificationToken" })
                    Assert.That(login.QuerySelector($"[name={name}]"), Is.Not.Null, $"login-form field {name}");
                foreach (var name in new[] { "name", "email", "password", "confirmPassword", "whatsapp", "photo", "__RequestVerificationToken" })
                    Assert.That(register.QuerySelector($"[name={name}]"), Is.Not.Null, $"register-form field {name}");
                Assert.That(page.QuerySelectorAll("script:not([src])").Length, Is.Zero, "no inline script");
                Assert.That(page.QuerySelectorAll("[onclick],[onsubmit],[onchange]").Length, Is.Zero, "no inline handlers");
                Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            });
        }
    }

    [Test]
    public async Task Should_register_then_activate_from_the_mail_and_land_on_the_profile()
    {
        using var client = NewClient();
        var email = NewEmail();

        var reply = await client.RegisterAsync(email, "Ngono Béatrice");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.Success, Is.True);
        Assert.That(reply.RedirectUrl, Is.EqualTo("/inscription/confirmation"));
        var stored = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Multiple(() =>
        {
            Assert.That(stored.EmailConfirmed, Is.False, "inactive until the link is opened");
            Assert.That(stored.WhatsApp, Is.EqualTo("+237677123456"));
            Assert.That(stored.Slug, Does.StartWith("ngono-beatrice"));
            Assert.That(stored.DisplayName, Is.EqualTo("Ngono Béatrice"));
        });

        // Not activated: the password is right, but the account is refused, with a way to resend.
        var early = await client.LoginAsync(email);
        Assert.That(early.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(early.Message, Does.Contain("pas encore activé"));
        Assert.That(early.RedirectUrl, Is.EqualTo("/inscription/confirmation"));

        var mail = await App.Mailbox.WaitForAsync(email, "Activez");
        var link = mail.Link("/activation");
        Assert.That(link, Does.StartWith(PosaXApp.BaseUrl + "/activation?"), "absolute, from Site:BaseUrl");

        using var activation = await client.Http.GetAsync(new Uri(link).PathAndQuery);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(activation.Headers.Location?.OriginalString, Is.EqualTo("/atelier?bienvenue=1"));

        var profile = await client.GetPageAsync("/profil");
        Assert.That(AppClient.Form(profile, "profile-form"), Is.Not.Null);
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()), Is.True);

        // The link works once.
        using var again = await NewClient().Http.GetAsync(new Uri(link).PathAndQuery);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("déjà activé"));
        using var anonymous = NewClient();
        using var profileAfterReuse = await anonymous.Http.GetAsync("/profil");
        Assert.That(profileAfterReuse.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "reusing the link signs no one in");
    }

    [Test]
    public async Task A_taken_address_gets_exactly_the_answer_of_a_new_one_and_its_owner_a_notice()
    {
        var (owner, email) = await Accounts.NewArtistAsync(App);
        owner.Dispose();

        using var stranger = NewClient();
        var fresh = await stranger.RegisterAsync(NewEmail());
        var taken = await stranger.RegisterAsync(email, "Quelqu'un d'autre");

        Assert.Multiple(() =>
        {
            Assert.That(taken.Status, Is.EqualTo(fresh.Status));
            Assert.That(taken.Success, Is.EqualTo(fresh.Success));
            Assert.That(taken.Message, Is.EqualTo(fresh.Message));
            Assert.That(taken.RedirectUrl, Is.EqualTo(fresh.RedirectUrl));
            Assert.That(taken.Errors, Is.EqualTo(fresh.Errors));
        });
        var notice = await App.Mailbox.WaitForAsync(email, "existe déjà");
        Assert.That(notice.Body, Does.Contain("/mot-de-passe-oublie"));
        Assert.That(await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)), Is.EqualTo(1));
    }

    [TestCase("name", "", "name")]
    [TestCase("email", "pas-une-adresse", "email")]
    [TestCase("password", "court", "password")]
    [TestCase("password", "password123", "password")] // a common password
    [TestCase("confirmPassword", "autre chose entièrement", "confirmPassword")]
    [TestCase("whatsapp", "12", "whatsapp")]
    [TestCase("whatsapp", "+33 1 23 45 67 89", "whatsapp")] // a fixed line cannot receive WhatsApp
    public async Task Bad_input_gets_400_with_the_field_error_and_creates_nothing(string field, string value, string errorKey)
    {
        using var client = NewClient();
        var email = NewEmail();
        var fields = Accounts.Registration(email);
        fields[field] = value;
        if (field == "password") fields["confirmPassword"] = value;
        if (field == "email") email = value;

        var reply = await client.SubmitAsync("/inscription", "register-form", fields);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Success, Is.False);
        Assert.That(reply.ErrorsFor(errorKey), Is.Not.Empty, $"errors: {string.Join(", ", reply.Errors.Keys)}");
        Assert.That(await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)), Is.Zero);
        Assert.That(App.Mailbox.For(email), Is.Empty);
    }

    [TestCase("677 12 34 56")]
    [TestCase("+237 677123456")]
    [TestCase("00237677123456")]
    [TestCase("+237 6 77 12 34 56")]
    public async Task WhatsApp_numbers_are_stored_in_E164(string typed)
    {
        using var client = NewClient();
        var email = NewEmail();
        var fields = Accounts.Registration(email, whatsapp: typed);
        var reply = await client.SubmitAsync("/inscription", "register-form", fields);
        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.WhatsApp).SingleAsync()),
            Is.EqualTo("+237677123456"));
    }

    [Test]
    public async Task Registrations_for_one_address_are_throttled_taken_or_not()
    {
        using var client = NewClient();
        var email = NewEmail("rafale");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await client.RegisterAsync(email)).Status);
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(App.Mailbox.For(email), Has.Count.LessThanOrEqualTo(3), "at most three mails an hour to one address");
    }

    [Test]
    public async Task A_post_without_antiforgery_token_gets_400_and_changes_nothing()
    {
        using var client = NewClient();
        await client.GetPageAsync("/inscription");
        var email = NewEmail();
        using var content = new FormUrlEncodedContent(Accounts.Registration(email));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inscription") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)), Is.Zero);
    }

    [Test]
    public async Task Works_without_javascript_a_plain_post_redirects_to_the_mailbox_page()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/inscription");
        var email = NewEmail();

        using var response = await client.PostPlainAsync(AppClient.Form(page, "register-form"), Accounts.Registration(email));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/inscription/confirmation"));
        var confirmation = await client.GetPageAsync("/inscription/confirmation");
        var resend = AppClient.Form(confirmation, "resend-form");
        Assert.That(resend.QuerySelector("input[name=email]")?.GetAttribute("value"), Is.EqualTo(email), "prefilled");
    }

    [Test]
    public async Task Without_javascript_invalid_input_shows_the_page_again_with_errors()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/inscription");
        var fields = Accounts.Registration(NewEmail());
        fields["confirmPassword"] = "différent du premier";

        using var response = await client.PostPlainAsync(AppClient.Form(page, "register-form"), fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Les mots de passe ne correspondent pas."));
        Assert.That(html, Does.Contain("Ngono Béatrice"), "the typed name is kept, and é is not escaped");
    }
}
