using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;
using Lang = PosaX.Web.Infrastructure.Text.Languages;

namespace PosaX.Tests.Browser;

/// <summary>Issue 18's check: register in English on a phone, receive the activation mail in English, its link opens English pages.</summary>
public class RegisterInEnglishTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task Registering_on_the_English_page_sends_the_activation_mail_in_English_whose_link_opens_English_pages()
    {
        await UsePhoneAsync();
        var email = NewEmail();
        await Page.GotoAsync("/en/register");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var form = Page.Locator("#register-form");
        await Expect(form).ToHaveAttributeAsync("action", "/en/register");

        await Page.Locator("#register-name").FillAsync("Jane Fon");
        await Page.Locator("#register-email").FillAsync(email);
        await Page.Locator("#register-whatsapp").FillAsync("677 12 34 56");
        await Page.Locator("#register-password").FillAsync(Accounts.Password);
        await Page.Locator("#register-confirm").FillAsync(Accounts.Password);
        await Page.Locator("#register-terms").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();

        string subject;
        using (Lang.Use("en")) subject = AuthTexts.Mails.Activation(email, "x", new Uri("https://posax.test/x")).Subject;
        var mail = await App.Mailbox.WaitForAsync(email, subject);
        Assert.That(mail.Headers["Content-Language"], Is.EqualTo("en"), "written in English");
        Assert.That(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()), Is.EqualTo("en"));
        var link = new Uri(mail.Link("/en/activation"));
        // The form's script goes on to its confirmation page once the answer is in: a visit started
        // before that navigation ends is interrupted by it (seen once in a loaded full run).
        await Expect(Page).ToHaveURLAsync(Url("/en/register/confirmation"));
        await Page.WaitForLoadStateAsync();

        await Page.GotoAsync(link.PathAndQuery);

        await Expect(Page).ToHaveURLAsync(Url("/en/studio?bienvenue=1"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("#atelier-checklist")).ToBeVisibleAsync();
    }
}
