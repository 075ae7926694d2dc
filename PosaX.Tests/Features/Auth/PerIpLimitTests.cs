using System.Net;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Auth;

/// <summary>The per-IP limit on account posts, on an app of its own with a tiny limit.</summary>
public class PerIpLimitTests
{
    [Test]
    public async Task Posts_beyond_the_per_IP_limit_get_429_with_Retry_After_and_the_JSON_contract()
    {
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:AuthPerIpPerMinute"] = "3" });
        using var client = app.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        AjaxReply? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.LoginAsync($"visiteur{i}@exemple.cm", "mauvais mot de passe");
            statuses.Add(last.Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(last.Success, Is.False);
        // Reading the pages is not limited.
        await client.GetPageAsync("/connexion");
    }
}
