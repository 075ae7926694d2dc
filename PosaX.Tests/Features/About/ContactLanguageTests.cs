using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.About;

/// <summary>The site's team reads French: a message sent from the English contact page reaches it in French.</summary>
public class ContactLanguageTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task A_message_from_the_English_contact_page_is_mailed_to_the_team_in_French()
    {
        using var visitor = NewClient();
        var name = "John " + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());

        var reply = await visitor.SubmitAsync("/en/contact", "contact-form", new Dictionary<string, string>
        {
            ["name"] = name, ["email"] = "john@example.com", ["message"] = "Hello, is the mask still available?",
        });

        Assert.That(reply.Success, Is.True, reply.Message);
        var mail = await App.Mailbox.WaitForAsync("contact@posax.cm", name);
        Assert.That(mail.Headers["Content-Language"], Is.EqualTo("fr"));
    }
}
