using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

/// <summary>Sign-up asks to accept the conditions (/conditions-generales); the account keeps which version, and when.</summary>
public class TermsAtSignUpTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_register_form_has_a_required_terms_checkbox_that_links_the_conditions()
    {
        using var client = NewClient();
        var form = AppClient.Form(await client.GetPageAsync("/inscription"), "register-form");

        var box = form.QuerySelector("input[name=terms]");
        Assert.Multiple(() =>
        {
            Assert.That(box?.GetAttribute("type"), Is.EqualTo("checkbox"));
            Assert.That(box?.GetAttribute("value"), Is.EqualTo("true"));
            Assert.That(box?.HasAttribute("required"), Is.True);
            Assert.That(box?.HasAttribute("checked"), Is.False, "never ticked for the visitor");
            Assert.That(form.QuerySelector("label[for=register-terms] a[href='/conditions-generales']"), Is.Not.Null, "the label links the conditions");
        });
    }

    [Test]
    public async Task Registering_without_ticking_the_conditions_is_a_400_with_errors_terms_and_creates_no_account()
    {
        using var client = NewClient();
        var email = NewEmail();

        var reply = await client.SubmitAsync("/inscription", "register-form", Accounts.Registration(email, terms: false));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("terms"), Is.EqualTo(new[] { AuthTexts.TermsRequired }));
        Assert.That(await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)), Is.Zero);
    }

    [Test]
    public async Task A_value_other_than_true_is_refused_too()
    {
        using var client = NewClient();
        var fields = Accounts.Registration(NewEmail());
        fields["terms"] = "false";

        var reply = await client.SubmitAsync("/inscription", "register-form", fields);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor("terms"), Is.Not.Empty);
    }

    [Test]
    public async Task Ticking_the_conditions_stores_their_version_and_the_utc_time_on_the_account()
    {
        using var client = NewClient();
        var email = NewEmail();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var reply = await client.RegisterAsync(email);

        Assert.That(reply.Success, Is.True, reply.Message);
        var account = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .Select(u => new { u.TermsVersion, u.TermsAcceptedAt }).SingleAsync());
        Assert.That(account.TermsVersion, Is.EqualTo(RegisterModel.TermsVersion).And.EqualTo("2026-12"));
        Assert.That(account.TermsAcceptedAt, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
    }

    [Test]
    public async Task Without_javascript_an_unticked_box_shows_the_page_again_with_the_error_and_the_typed_fields()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/inscription");
        var email = NewEmail();

        using var response = await client.PostPlainAsync(AppClient.Form(page, "register-form"), Accounts.Registration(email, terms: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var again = AppClient.Form(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), "register-form");
        Assert.Multiple(() =>
        {
            Assert.That(again.QuerySelector("[data-error-for=terms]")?.TextContent, Is.EqualTo(AuthTexts.TermsRequired));
            Assert.That(again.QuerySelector("input[name=terms]")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(again.QuerySelector("input[name=email]")?.GetAttribute("value"), Is.EqualTo(email), "the typed address is kept");
        });
        Assert.That(await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)), Is.Zero);
    }
}
