using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, test 5: <c>kill -9</c> of instance B while artists upload works and buyers order through
/// nginx. Every acknowledged write exists exactly once, nginx goes on serving from A, only requests
/// in flight on B fail, and once B is started again (its start-up sweep) no object is without a row.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class KillAnInstanceTests
{
    private const int Uploaders = 2;
    private const int Buyers = 2;

    [Test]
    public async Task Kill_9_of_one_instance_under_load_loses_only_its_requests_in_flight_and_leaves_no_orphan()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        using var bucket = cluster.NewBucketClient();
        var artists = new List<AppClient>();
        for (var i = 0; i < Uploaders; i++)
        {
            var (onA, _) = await cluster.NewArtistAsync();
            artists.Add(new AppClient(cluster.Balancer, onA.Cookies));
        }
        var run = Stopwatch.StartNew();
        var first = await FaultWork.TryPublishAsync(artists[0].Http, "Panne à commander " + Guid.NewGuid().ToString("N")[..6], [FaultWork.Photo(21)], run);
        Assert.That(first.Acknowledged, Is.True, first.Detail);
        var workId = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == first.Name).Select(a => a.Id).SingleAsync());

        var attempts = new ConcurrentBag<Attempt>();
        using var stop = new CancellationTokenSource();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var workers = Enumerable.Range(0, Uploaders).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
                attempts.Add(await FaultWork.TryPublishAsync(artists[w].Http, $"Panne {tag} {w}-{n}", [FaultWork.Photo(30 + n % 5)], run));
        })).Concat(Enumerable.Range(0, Buyers).Select(b => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // Each order from its own loopback address: the per-IP limit is not what this test is about.
                var from = new IPAddress([127, (byte)(10 + b), (byte)(n / 250), (byte)(1 + n % 250)]);
                using var buyer = new AppClient(cluster.Balancer, new CookieContainer(), from);
                attempts.Add(await FaultWork.TryOrderAsync(buyer.Http, workId, $"Acheteur {tag} {b}-{n}", run));
            }
        }))).ToList();

        while (attempts.Count(a => a.Acknowledged) < 6 && run.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
        cluster.B.Kill();
        var killedAt = run.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        foreach (var artist in artists) artist.Dispose();

        var restart = await cluster.B.StartAsync(TimeSpan.FromSeconds(90));
        var works = attempts.Where(a => a is { Kind: "œuvre", Acknowledged: true }).Select(a => a.Name).ToList();
        var orders = attempts.Where(a => a is { Kind: "commande", Acknowledged: true }).Select(a => a.Reference!).ToList();
        var failed = attempts.Where(a => !a.Acknowledged).ToList();
        var titles = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith($"Panne {tag} ")).Select(a => a.Title).ToListAsync());
        var references = await cluster.A.WithDbAsync(db => db.Orders.Where(o => orders.Contains(o.Reference)).Select(o => o.Reference).ToListAsync());
        var problems = await cluster.A.WithDbAsync(db => BucketInvariants.ProblemsAsync(db, bucket));
        TestContext.Progress.WriteLine($"[scaleout] kill -9 of B at {killedAt.TotalSeconds:0.0} s: {works.Count} works and {orders.Count} orders acknowledged, " +
                                       $"{failed.Count} failed ({FaultWork.Statuses(failed)}, the last at {(failed.Count == 0 ? 0 : failed.Max(f => f.At.TotalSeconds)):0.0} s); " +
                                       $"B ready again in {restart.TotalSeconds:0.0} s; bucket problems: {problems.Count}");
        Assert.Multiple(() =>
        {
            Assert.That(works, Is.Not.Empty);
            Assert.That(orders, Is.Not.Empty);
            foreach (var title in works) Assert.That(titles.Count(t => t == title), Is.EqualTo(1), $"work \"{title}\" once");
            Assert.That(references, Is.EquivalentTo(orders), "every acknowledged order once");
            Assert.That(failed, Has.Count.LessThanOrEqualTo(Uploaders + Buyers), "only the requests in flight on B fail: " + string.Join("; ", failed.Select(f => $"{f.At.TotalSeconds:0.0} s {f.Status} {f.Detail}")));
            Assert.That(failed.Where(f => f.At > killedAt + TimeSpan.FromSeconds(2)), Is.Empty, "nginx serves from A afterwards");
            Assert.That(attempts.Count(a => a.At > killedAt + TimeSpan.FromSeconds(1) && a.Acknowledged), Is.GreaterThan(0), "writes go on through A");
            Assert.That(problems, Is.Empty, "no object without a row, no row without its objects");
        });
    }
}
