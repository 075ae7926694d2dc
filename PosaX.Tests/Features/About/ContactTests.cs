using System.Net;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.About;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.About;

/// <summary>/contact: #contact-form (name, email, message) answers the JSON contract and mails Site:ContactEmail.</summary>
public class ContactTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> Fields(string name, string email, string message) =>
        new() { ["name"] = name, ["email"] = email, ["message"] = message };

    [Test]
    public async Task A_message_is_mailed_to_the_contact_address_with_the_visitors_email()
    {
        using var client = NewClient();
        var word = Guid.NewGuid().ToString("N")[..8];
        var reply = await client.SubmitAsync("/contact", "contact-form",
            Fields("Awa " + word, "awa@exemple.cm", "Bonjour, livrez-vous à Garoua ?\r\nMerci."));

        Assert.That((reply.Status, reply.Success, reply.Message), Is.EqualTo((HttpStatusCode.OK, true, AboutTexts.Contact.Sent)));
        var mail = await App.Mailbox.WaitForAsync("contact@posax.cm", "Awa " + word);
        Assert.That(mail.Body, Does.Contain("awa@exemple.cm").And.Contain("livrez-vous à Garoua ?\nMerci."));
    }

    [TestCase("", "awa@exemple.cm", "Un message assez long.", "name")]
    [TestCase("Awa", "pas-une-adresse", "Un message assez long.", "email")]
    [TestCase("Awa", "", "Un message assez long.", "email")]
    [TestCase("Awa", "awa@exemple.cm", "Court", "message")]
    public async Task Bad_input_gets_400_with_the_field_error_and_sends_nothing(string name, string email, string message, string field)
    {
        using var client = NewClient();
        var reply = await client.SubmitAsync("/contact", "contact-form", Fields(name, email, message));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorsFor(field), Is.Not.Empty);
        Assert.That(reply.Errors.Keys, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Without_JavaScript_the_plain_post_shows_the_outcome_on_the_page()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/contact");
        using var response = await client.PostPlainAsync(AppClient.Form(page, "contact-form"), Fields("Paul", "paul@exemple.cm", "Une question sur un compte."));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("Merci")));
    }
}

/// <summary>The per-IP limit on /contact, on an app of its own with a tiny limit.</summary>
public class ContactLimitTests
{
    [Test]
    public async Task Posts_beyond_the_per_IP_limit_get_429_with_Retry_After()
    {
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:ContactPerIpPerHour"] = "2", ["Site:ContactEmail"] = "equipe@posax.test" });
        using var client = app.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        AjaxReply? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.SubmitAsync("/contact", "contact-form",
                new Dictionary<string, string> { ["name"] = "Awa", ["email"] = "awa@exemple.cm", ["message"] = $"Message numéro {i}." });
            statuses.Add(last.Status);
        }
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        await app.Mailbox.WaitForAsync("equipe@posax.test", "Awa", count: 2);
        Assert.That(app.Mailbox.For("equipe@posax.test"), Has.Count.EqualTo(2), "the refused post sent nothing");
    }
}
