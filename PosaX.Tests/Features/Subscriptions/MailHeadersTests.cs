using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>
/// The one-click unsubscribe headers travel with the mail: through SendGrid's v3 API (its
/// <c>headers</c> object; here a loopback stand-in) and into the pickup file (see FollowTests),
/// and a header value cannot smuggle a line break into the message.
/// </summary>
public class MailHeadersTests
{
    private static readonly MailMessage Mail = new("lecteur@exemple.cm", "Sujet", "Texte", "<html><body>HTML</body></html>")
    {
        Headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://posax.test/desabonnement/abc>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
    };

    [Test]
    public async Task SendGrid_receives_the_custom_headers_of_a_mail()
    {
        JsonDocument? received = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var stub = builder.Build();
        stub.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            received = await JsonDocument.ParseAsync(context.Request.Body);
            return Results.Accepted();
        });
        await stub.StartAsync();
        var stubUrl = stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var transport = new SendGridTransport(Options.Create(new SendGridOptions { ApiKey = "SG.test", BaseUrl = stubUrl + "/" }),
            services.GetRequiredService<IHttpClientFactory>());

        await transport.SendAsync(Guid.NewGuid(), Mail, CancellationToken.None);

        Assert.That(received, Is.Not.Null);
        var headers = received!.RootElement.GetProperty("headers");
        Assert.Multiple(() =>
        {
            Assert.That(headers.GetProperty("List-Unsubscribe").GetString(), Is.EqualTo("<https://posax.test/desabonnement/abc>"));
            Assert.That(headers.GetProperty("List-Unsubscribe-Post").GetString(), Is.EqualTo("List-Unsubscribe=One-Click"));
        });
    }

    [Test]
    public void A_header_value_with_a_line_break_is_refused_before_it_is_queued()
    {
        var forged = Mail with { Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x>\r\nBcc: tous@exemple.cm" } };
        Assert.Throws<ArgumentException>(() => MailMessage.SerializeHeaders(forged.Headers));
        Assert.That(MailMessage.DeserializeHeaders(MailMessage.SerializeHeaders(Mail.Headers)), Is.EqualTo(Mail.Headers));
    }
}
