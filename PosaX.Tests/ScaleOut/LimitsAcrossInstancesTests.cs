using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, tests 3 and 6 (limits): a per-IP limit counted in Redis holds across instances; while
/// Redis is away each instance counts on its own (fail open to per-instance limits, README).
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class LimitsAcrossInstancesTests
{
    [Test]
    public async Task Orders_alternating_between_A_and_B_get_429_on_the_first_past_the_per_IP_limit_and_per_instance_limits_while_Redis_is_down()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        await cluster.Redis.KillAsync(); // a fresh count: Redis keeps nothing across a restart here
        await cluster.Redis.StartAsync();
        await cluster.WaitForInstancesOnRedisAsync();
        var (artist, _) = await cluster.NewArtistAsync();
        using var _a = artist;
        var title = "Limite partagée " + Guid.NewGuid().ToString("N")[..6];
        var published = await FaultWork.TryPublishAsync(artist.Http, title, [FaultWork.Photo(5)], Stopwatch.StartNew());
        Assert.That(published.Acknowledged, Is.True, published.Detail);
        var id = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

        using var buyerOnA = new AppClient(cluster.A.Server);
        using var buyerOnB = new AppClient(cluster.B.Server, buyerOnA.Cookies);
        var shared = await OrdersUntilRefusedAsync(buyerOnA, buyerOnB, id, ScaleOutCluster.OrdersPerIp * 3);

        // Redis away: each instance counts on its own, so alternating gets twice the limit through; no 500.
        await cluster.Redis.KillAsync();
        int perInstance;
        try
        {
            perInstance = await OrdersUntilRefusedAsync(buyerOnA, buyerOnB, id, ScaleOutCluster.OrdersPerIp * 3);
        }
        finally
        {
            await cluster.Redis.StartAsync();
            await cluster.WaitForInstancesOnRedisAsync();
        }
        TestContext.Progress.WriteLine($"[scaleout] limits: {ScaleOutCluster.OrdersPerIp} orders per IP; alternating A/B, the first 429 " +
                                       $"came at order {shared} with Redis, at order {perInstance} while Redis was down");
        Assert.Multiple(() =>
        {
            Assert.That(shared, Is.EqualTo(ScaleOutCluster.OrdersPerIp + 1), "with Redis the limit holds across instances");
            Assert.That(perInstance, Is.EqualTo(2 * ScaleOutCluster.OrdersPerIp + 1), "without Redis each instance holds it on its own");
        });
    }

    [Test]
    public async Task A_visitor_reporting_a_work_through_A_then_through_B_leaves_one_report()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var (artist, _) = await cluster.NewArtistAsync();
        using var _a = artist;
        var title = "Signalée deux fois " + Guid.NewGuid().ToString("N")[..6];
        var published = await FaultWork.TryPublishAsync(artist.Http, title, [FaultWork.Photo(8)], Stopwatch.StartNew());
        Assert.That(published.Acknowledged, Is.True, published.Detail);
        var id = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            using var visitor = new AppClient(instance.Server);
            var reply = await visitor.SubmitAsync($"/oeuvres/{id}/signaler", "report-form",
                new Dictionary<string, string> { ["reason"] = "Cette photo est celle d'une autre œuvre." });
            Assert.That(reply.Success, Is.True, $"through {instance.Server}: {reply.Message}");
        }
        Assert.That(await cluster.A.WithDbAsync(db => db.ArtworkReports.CountAsync(r => r.ArtworkId == id)), Is.EqualTo(1),
            "the repeat through the other instance is thanked and dropped");
    }

    /// <summary>Orders alternately through A and B; the number of the first one answered 429 (0 if none).</summary>
    private static async Task<int> OrdersUntilRefusedAsync(AppClient onA, AppClient onB, long workId, int atMost)
    {
        var run = Stopwatch.StartNew();
        for (var n = 1; n <= atMost; n++)
        {
            var buyer = n % 2 == 1 ? onA : onB;
            var attempt = await FaultWork.TryOrderAsync(buyer.Http, workId, $"Acheteur {n}", run);
            if (attempt.Status == 429) return n;
            Assert.That(attempt.Acknowledged, Is.True, $"order {n} through {buyer.Http.BaseAddress}: {attempt.Status} {attempt.Detail}");
        }
        return 0;
    }
}
