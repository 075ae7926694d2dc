using System.Net;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// AccountThrottle's doubling delay per address, counted in Redis: failed logins for one address
/// alternating between A and B, each from another client address (so the per-client limit never
/// counts two), meet the delay after the tenth failure as on one instance (each instance alone saw
/// five), and it doubles across instances — also after Redis restarted empty (a new salt for the
/// addresses' hashes, which both instances must take).
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class LoginDelayAcrossInstancesTests
{
    private const int LoginPerAccount = 10; // RateLimitOptions' default, which the cluster keeps

    [Test]
    public async Task Failed_logins_alternating_between_A_and_B_meet_the_doubling_delay_per_address_as_on_one_instance()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        await cluster.WaitForInstancesOnRedisAsync();
        var email = $"inconnu-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
        var client = 0;

        async Task<AjaxReply> Attempt(AppProcess instance)
        {
            client++;
            using var visitor = new AppClient(instance.Server, new CookieContainer(), new IPAddress([127, 30, (byte)(client / 250), (byte)(1 + client % 250)]));
            return await visitor.LoginAsync(email, "pas le bon mot de passe");
        }

        // A knows the address-hashing salt Redis gave it; Redis restarted empty draws a new one on
        // the next ask (B's): A must not keep the old one, or the two count the address apart.
        var warmUp = await Attempt(cluster.A);
        Assert.That(warmUp.Status, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
        await cluster.Redis.KillAsync();
        await cluster.Redis.StartAsync();
        await cluster.WaitForInstancesOnRedisAsync();
        await Task.Delay(500); // the instances' reconnection handlers have run

        for (var n = 1; n <= LoginPerAccount; n++)
        {
            var reply = await Attempt(n % 2 == 1 ? cluster.A : cluster.B);
            Assert.That(reply.Status, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), $"failure {n} is answered as a wrong password");
            Assert.That(reply.Success, Is.False);
        }

        // Five failures on each instance; ten for the address: the next attempt waits one second, on either.
        var first = await Attempt(cluster.A);
        var firstOnB = await Attempt(cluster.B);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var afterTheWait = await Attempt(cluster.B); // the eleventh failure: now two seconds
        var second = await Attempt(cluster.A);
        TestContext.Progress.WriteLine($"[scaleout] login delay: after {LoginPerAccount} failures alternating A/B: {(int)first.Status} on A, " +
                                       $"{(int)firstOnB.Status} on B; after 1.2 s {(int)afterTheWait.Status} on B, then {(int)second.Status} on A " +
                                       $"(Retry-After {second.Response.Headers.RetryAfter})");
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "A waits after the tenth failure counted on both");
            Assert.That(firstOnB.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "and so does B");
            Assert.That(afterTheWait.Status, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), "one second later an attempt is let through");
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "after the eleventh, on the other instance");
            Assert.That(second.Response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)), "the delay doubled across instances");
        });
    }
}
