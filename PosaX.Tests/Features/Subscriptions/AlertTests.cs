using System.Net;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Subscriptions;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Subscriptions.Subscribing;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>"M’alerter des nouvelles œuvres" on /oeuvres: the search saved as it was filtered, double opt-in.</summary>
public class AlertTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_catalogue_offers_an_alert_only_with_a_search_or_filters_and_carries_them_in_hidden_fields()
    {
        using var visitor = VisitorFrom(App);
        var plain = await visitor.GetPageAsync("/oeuvres");
        Assert.That(plain.GetElementById("alert-form"), Is.Null);

        var page = await visitor.GetPageAsync("/oeuvres?q=masque&categorie=sculpture&prixMin=50%20000&taille=M&tri=prix-asc");
        var form = AppClient.Form(page, "alert-form");
        var hidden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        Assert.Multiple(() =>
        {
            Assert.That(form.GetAttribute("action"), Is.EqualTo("/oeuvres/alerte"));
            Assert.That(form.GetAttribute("data-token-url"), Is.EqualTo("/antiforgery/token"));
            Assert.That(hidden, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["q"] = "masque", ["categorie"] = "sculpture", ["prixMin"] = "50000", ["taille"] = "M",
            }), "the filters, not the sort or the page");
            Assert.That(form.Closest("details")?.QuerySelector("summary")?.TextContent, Is.EqualTo("M’alerter des nouvelles œuvres"));
        });
    }

    [Test]
    public async Task An_alert_is_saved_in_the_catalogues_spelling_and_waits_for_its_confirmation()
    {
        var email = NewAddress("alerte");
        using var visitor = VisitorFrom(App);
        var reply = await AlertAsync(visitor, "/oeuvres?prixMax=100000&q=Fleuve&disponible=on", email);
        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.OK, true, SubscriptionsTexts.Alert.Answer)));
        var mail = await App.Mailbox.WaitForAsync(email, "Confirmez");
        var row = (await SubscriptionsOfAsync(App, email)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Kind, Is.EqualTo(SubscriptionKind.Alert));
            Assert.That(row.Target, Is.EqualTo("/oeuvres?q=Fleuve&prixMax=100000&disponible=1"));
            Assert.That(row.ConfirmedAt, Is.Null);
            Assert.That(mail.Body, Does.Contain(PosaXApp.BaseUrl + "/oeuvres?q=Fleuve&prixMax=100000&disponible=1"));
            Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        });

        // The same search again: the same answer, no second mail.
        var again = await AlertAsync(visitor, "/oeuvres?q=Fleuve&prixMax=100000&disponible=1", email);
        Assert.That((again.Status, again.Message), Is.EqualTo((HttpStatusCode.OK, SubscriptionsTexts.Alert.Answer)));
        await Task.Delay(1000);
        Assert.That(App.Mailbox.For(email), Has.Count.EqualTo(1));

        Assert.That((await ConfirmAsync(visitor, mail)).Success, Is.True);
        Assert.That((await SubscriptionsOfAsync(App, email)).Single().ExpiresAt, Is.Not.Null);
    }

    [Test]
    public async Task A_bad_address_is_a_400_with_its_field_error_and_a_post_without_filters_is_refused()
    {
        using var visitor = VisitorFrom(App);
        var page = await visitor.GetPageAsync("/oeuvres?q=masque");
        var form = AppClient.Form(page, "alert-form");
        var bad = await visitor.PostAjaxAsync(form, new Dictionary<string, string> { ["email"] = "arobase@" });
        Assert.That((bad.Status, bad.ErrorsFor("email")), Is.EqualTo((HttpStatusCode.BadRequest, new[] { SubscriptionsTexts.EmailInvalid })));

        foreach (var input in form.QuerySelectorAll("input[type=hidden]").ToList()) input.Remove();
        var email = NewAddress();
        var none = await visitor.PostAjaxAsync(form, new Dictionary<string, string> { ["email"] = email });
        Assert.That((none.Status, none.Message), Is.EqualTo((HttpStatusCode.BadRequest, SubscriptionsTexts.Alert.NoFilters)));
        Assert.That(await SubscriptionsOfAsync(App, email), Is.Empty);
    }
}
