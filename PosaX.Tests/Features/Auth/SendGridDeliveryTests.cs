using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

/// <summary>
/// With SendGrid__ApiKey set, mails go to SendGrid's v3 API — here a loopback stand-in that
/// fails once, then accepts: the registration succeeds anyway and the mail arrives once.
/// </summary>
public class SendGridDeliveryTests
{
    [Test]
    public async Task Mails_go_through_the_SendGrid_API_with_retries_and_arrive_once()
    {
        var received = new List<JsonDocument>();
        var failuresLeft = 1;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var stub = builder.Build();
        stub.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != "Bearer SG.test-key") return Results.Unauthorized();
            if (Interlocked.Decrement(ref failuresLeft) >= 0) return Results.StatusCode(503);
            var json = await JsonDocument.ParseAsync(context.Request.Body);
            lock (received) received.Add(json);
            return Results.Accepted();
        });
        await stub.StartAsync();
        var stubUrl = stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:BaseUrl"] = stubUrl + "/",
            ["SendGrid:From"] = "PosaX <no-reply@posax.test>",
        });
        using var client = app.CreateBrowserClient();
        var email = $"sendgrid-{Guid.NewGuid():N}@exemple.cm";

        var reply = await client.RegisterAsync(email);
        Assert.That(reply.Success, Is.True, "registration does not wait for the mail provider");

        // Back-off after the failure: 5 s.
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline && received.Count == 0) await Task.Delay(200);
        await Task.Delay(1000);
        Assert.That(received, Has.Count.EqualTo(1), "delivered exactly once");
        var mail = received[0].RootElement;
        Assert.That(mail.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString(), Is.EqualTo(email));
        Assert.That(mail.GetProperty("from").GetProperty("email").GetString(), Is.EqualTo("no-reply@posax.test"));
        var text = mail.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString();
        Assert.That(text, Does.Contain(PosaXApp.BaseUrl + "/activation?userId="));
        Assert.That(app.Mailbox.For(email), Is.Empty, "no pickup file when SendGrid is configured");
    }
}
