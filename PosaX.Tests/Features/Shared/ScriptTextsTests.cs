using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Shared;

/// <summary>
/// The scripts say nothing of their own: what ajax-form.js shows without a JSON answer comes from
/// SharedTexts, written once on &lt;body&gt; by the layout (no inline script: strict CSP).
/// </summary>
public class ScriptTextsTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Every_page_carries_the_scripts_messages_on_its_body()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/");
        var body = page.Body!;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetAttribute("data-text-network-error"), Is.EqualTo(SharedTexts.Scripts.NetworkError));
            Assert.That(body.GetAttribute("data-text-server-error"), Is.EqualTo(SharedTexts.Scripts.ServerError));
            Assert.That(body.GetAttribute("data-text-too-large"), Is.EqualTo(SharedTexts.Scripts.TooLarge));
            Assert.That(body.GetAttribute("data-text-resend-activation"), Is.EqualTo(SharedTexts.Scripts.ResendActivation));
            Assert.That(body.GetAttribute("data-text-sign-in"), Is.EqualTo(SharedTexts.Scripts.SignIn));
            Assert.That(body.GetAttribute("data-text-continue"), Is.EqualTo(SharedTexts.Scripts.Continue));
        });
    }
}
