using System.Net;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Subscriptions.Subscribing;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>
/// The per-client limit on follow and alert posts, on an app of its own with the production limit
/// (the shared test apps lift it: every test there posts from loopback).
/// </summary>
public class SubscriptionPerIpLimitTests
{
    private PosaXApp App = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => App = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
        new Dictionary<string, string?> { ["Digests:PostsPerIpPerHour"] = "30" });

    [Test]
    public async Task One_client_is_limited_to_30_posts_an_hour_and_answers_429_with_Retry_After()
    {
        var artist = await ArtistAsync(App, "Suivie Gil");
        using var visitor = VisitorFrom(App);
        var page = await visitor.GetPageAsync("/artistes/" + artist.Slug);
        var form = AppClient.Form(page, "follow-form");
        var statuses = new List<HttpStatusCode>();
        AjaxReply last = null!;
        // Bad input counts too: the limit is the client's posts (Digests:PostsPerIpPerHour, 30).
        for (var i = 0; i < 31; i++)
            statuses.Add((last = await visitor.PostAjaxAsync(form, new Dictionary<string, string> { ["email"] = "x" })).Status);
        Assert.That(statuses.Take(30), Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(statuses[30], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(last.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }
}
