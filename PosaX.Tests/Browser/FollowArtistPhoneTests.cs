using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PosaX.Tests.Features.Subscriptions;
using PosaX.Web.Features.Subscriptions;
using PosaX.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PosaX.Tests.Browser;

/// <summary>A visitor on a phone follows an artist from the artist's (cached) page, then confirms from the mail.</summary>
public class FollowArtistPhoneTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task A_visitor_on_a_phone_follows_an_artist_and_confirms_from_the_mailed_link()
    {
        AllowConsoleError(@"status of 400 \(Bad Request\)");
        await UsePhoneAsync();
        var artist = await Subscribing.ArtistAsync(App, "Au téléphone");
        await Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = Subscribing.NewIp() });
        var email = Subscribing.NewAddress("telephone");
        await Page.GotoAsync("/artistes/" + artist.Slug);

        var form = Page.Locator("#follow-form");
        await form.ScrollIntoViewIfNeededAsync();
        await Expect(form).ToBeVisibleAsync();
        // A mistyped address: the server's message at the field.
        await Page.Locator("#follow-email").FillAsync("pas-une-adresse");
        await form.GetByRole(AriaRole.Button, new() { Name = SubscriptionsTexts.Follow.Submit }).ClickAsync();
        await Expect(form.Locator("[data-error-for=email]")).ToHaveTextAsync(SubscriptionsTexts.EmailInvalid);

        await Page.Locator("#follow-email").FillAsync(email);
        await form.GetByRole(AriaRole.Button, new() { Name = SubscriptionsTexts.Follow.Submit }).ClickAsync();
        await Expect(form.Locator("[data-form-message]")).ToHaveTextAsync(SubscriptionsTexts.Follow.Answer(artist.Name));
        await Expect(form.Locator("[data-form-message]")).ToHaveClassAsync(new Regex("is-success"));

        var mail = await App.Mailbox.WaitForAsync(email, "Confirmez");
        await Page.GotoAsync(new Uri(mail.Link("/abonnement/confirmer/")).PathAndQuery);
        await Page.GetByRole(AriaRole.Button, new() { Name = SubscriptionsTexts.Confirm.Submit }).ClickAsync();
        await Expect(Page.Locator("#confirm-form [data-form-message]")).ToHaveTextAsync(SubscriptionsTexts.Confirm.Done);
        var row = (await Subscribing.SubscriptionsOfAsync(App, email)).Single();
        Assert.That(row.ConfirmedAt, Is.Not.Null);
        AssertNoPageErrors();
    }
}
