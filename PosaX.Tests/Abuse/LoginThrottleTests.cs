using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Issue 12, finding 1: the login's limits neither tell which addresses exist nor let a stranger
/// lock an account. On an app of its own whose clock moves only when the test says (ManualClock),
/// so every Retry-After is exact; clients are told apart by X-Forwarded-For (loopback is a trusted proxy).
/// </summary>
[Category("Abuse")]
public class LoginThrottleTests
{
    private static readonly ManualClock Clock = new();
    private PosaXApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
        // The production per-IP limit on account posts (the shared test apps lift it).
        new Dictionary<string, string?> { ["RateLimits:AuthPerIpPerMinute"] = "60" }, services => services.AddSingleton<TimeProvider>(Clock));

    private AppClient ClientFrom(string ip)
    {
        var client = _app.CreateBrowserClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    private static string Answer(AjaxReply reply) =>
        $"{(int)reply.Status} {reply.Message} retry-after={reply.Response.Headers.RetryAfter?.Delta?.TotalSeconds} " +
        $"redirect={reply.RedirectUrl} errors={string.Join(";", reply.Errors.Select(e => e.Key + ":" + string.Join("|", e.Value)))}";

    private async Task<string> NewActivatedArtistAsync()
    {
        var (client, email) = await Accounts.NewArtistAsync(_app);
        client.Dispose();
        return email;
    }

    [Test]
    public async Task A_known_and_an_unknown_address_get_the_same_answers_through_25_tries()
    {
        var known = await NewActivatedArtistAsync();
        var unknown = $"personne-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
        using var attacker = ClientFrom("198.51.100.1");
        var seen = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var forKnown = Answer(await attacker.LoginAsync(known, "pas le bon " + i));
            var forUnknown = Answer(await attacker.LoginAsync(unknown, "pas le bon " + i));
            Assert.That(forUnknown, Is.EqualTo(forKnown), $"try {i + 1}");
            seen.Add(forKnown);
            // Some tries wait out part of the delays, some do not: every state is compared.
            Clock.Advance(TimeSpan.FromSeconds(i % 3 == 0 ? 7 : 1));
        }
        Assert.That(seen.Any(a => a.StartsWith("429 ")), Is.True, "the limits were reached: " + string.Join("\n", seen));
        Assert.That(seen.Any(a => a.StartsWith("400 ")), Is.True);
        Assert.That(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == known).Select(u => u.LockoutEnd).SingleAsync()), Is.Null,
            "nothing is written to the account");
    }

    [Test]
    public async Task A_strangers_failures_hold_the_owner_on_another_client_no_longer_than_the_cap()
    {
        var owner = await NewActivatedArtistAsync();
        using var stranger = ClientFrom("198.51.100.2");
        using var stranger2 = ClientFrom("198.51.100.3");
        // Thirty guesses from two addresses, as fast as the limits let them through (the clock waits for them).
        for (var i = 0; i < 30; i++)
        {
            var reply = await (i % 2 == 0 ? stranger : stranger2).LoginAsync(owner, "devinette " + i);
            if (reply.Status == HttpStatusCode.TooManyRequests) Clock.Advance(reply.Response.Headers.RetryAfter!.Delta!.Value);
        }

        using var phone = ClientFrom("203.0.113.9");
        var first = await phone.LoginAsync(owner);
        if (first.Status == HttpStatusCode.TooManyRequests)
        {
            var wait = first.Response.Headers.RetryAfter!.Delta!.Value;
            Assert.That(wait, Is.LessThanOrEqualTo(TimeSpan.FromMinutes(5)), "the delay is capped");
            Clock.Advance(wait);
            first = await phone.LoginAsync(owner);
        }
        Assert.That(first.Success, Is.True, first.Message);
        Assert.That(first.RedirectUrl, Is.EqualTo("/atelier"));
    }

    /// <summary>Finding 8: 87 posts in 9 s got through a fixed window of 60 a minute across its boundary.</summary>
    [Test]
    public async Task Across_a_window_boundary_no_more_than_the_per_IP_limit_gets_through()
    {
        using var client = ClientFrom("192.0.2.44");
        async Task<int> BurstAsync(int posts)
        {
            var passed = 0;
            for (var i = 0; i < posts; i++)
            {
                var reply = await client.LoginAsync($"rafale-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm", "pas le bon");
                if (reply.Status != HttpStatusCode.TooManyRequests) passed++;
                else Assert.That(reply.Response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            }
            return passed;
        }

        Assert.That(await BurstAsync(1), Is.EqualTo(1));
        Clock.Advance(TimeSpan.FromSeconds(55));
        var beforeBoundary = await BurstAsync(40);
        Clock.Advance(TimeSpan.FromSeconds(9)); // a window opened by the first post would have ended at 60 s
        var afterBoundary = await BurstAsync(47);
        Assert.That(beforeBoundary + afterBoundary, Is.LessThanOrEqualTo(60), "in these 9 seconds");
        Assert.That(afterBoundary, Is.EqualTo(20), "the first post's permit came back when it left the window, and the 40 made later still count");
    }
}
