using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Faults;

/// <summary>
/// PostgreSQL restarted twice (fast, then immediate: a simulated crash) while four artists publish
/// works with photos and buyers place orders. Afterwards every acknowledged write is there exactly
/// once, the media store agrees with the database, failures during the outages were clean 503s in
/// the JSON contract, readiness came back within 5 s of the database, and the app never restarted.
/// </summary>
[Category("Faults")]
[NonParallelizable]
public class DatabaseRestartTests
{
    private const int Writers = 4;
    private static readonly TimeSpan ReadinessBudget = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The fast restart keeps the server down longer than the app's retry budget (EnableRetryOnFailure:
    /// 5 retries, about 7 s in all), so that some requests do fail and their failures are judged too.
    /// </summary>
    private static readonly TimeSpan FastRestartDowntime = TimeSpan.FromSeconds(9);

    [Test]
    public async Task Writes_survive_a_fast_and_an_immediate_restart_of_PostgreSQL_exactly_once()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("posax_faults");
        var dataDirectory = FaultWork.DataDirectory("pg");
        await using var app = new PosaXApp(DatabaseProvider.Postgres, connectionString, dataDirectory);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var run = Stopwatch.StartNew();

        // Four signed-in artists, and two works that buyers order during the run.
        var artists = new List<AppClient>();
        for (var i = 0; i < Writers; i++) artists.Add((await Accounts.NewArtistAsync(app, $"Artiste Panne {i}")).Client);
        var orderable = new List<long>();
        foreach (var title in new[] { "À commander 1", "À commander 2" })
        {
            var published = await FaultWork.TryPublishAsync(artists[0].Http, title, [FaultWork.Photo(100)], run);
            Assert.That(published.Acknowledged, Is.True, published.Detail);
            orderable.Add(await app.WithDbAsync(db => db.Artworks.Where(a => a.Title == title).Select(a => a.Id).SingleAsync()));
        }

        var attempts = new ConcurrentBag<Attempt>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            using var buyer = app.CreateBrowserClient();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var photos = Enumerable.Range(0, 1 + n % 2).Select(p => FaultWork.Photo(w * 1000 + n * 10 + p)).ToArray();
                attempts.Add(await FaultWork.TryPublishAsync(artists[w].Http, $"Panne {w}-{n}", photos, run));
                attempts.Add(await FaultWork.TryOrderAsync(buyer.Http, orderable[n % orderable.Count], $"Acheteur {w}-{n}", run));
            }
        })).ToList();

        using var readiness = new ReadinessProbe(app.ServerAddress, run);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var fast = await RestartAsync(cluster, immediate: false, run, FastRestartDowntime);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var immediate = await RestartAsync(cluster, immediate: true, run);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var fastRecovery = await readiness.RecoveryAfterAsync(fast.DatabaseBack);
        var immediateRecovery = await readiness.RecoveryAfterAsync(immediate.DatabaseBack);
        readiness.Stop();

        var all = attempts.ToList();
        var acknowledged = all.Where(a => a.Acknowledged).ToList();
        var failed = all.Where(a => !a.Acknowledged).ToList();
        var works = acknowledged.Where(a => a.Kind == "œuvre").Select(a => a.Name).ToList();
        var orders = acknowledged.Where(a => a.Kind == "commande").ToList();
        var titles = await app.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith("Panne ")).Select(a => a.Title).ToListAsync());
        var buyers = await app.WithDbAsync(db => db.Orders.Select(o => new { o.BuyerName, o.Reference }).ToListAsync());
        var problems = await app.WithDbAsync(db => MediaInvariants.ProblemsAsync(db, app.MediaDirectory));

        FaultWork.Report($"PostgreSQL restarts during {Writers} writers' run of {run.Elapsed.TotalSeconds:0.0} s:");
        FaultWork.Report($"  fast restart: database down {fast.Down.TotalMilliseconds:0} ms ({readiness.NotReadyBetween(fast.Started, fast.DatabaseBack)} probes not ready), " +
                 $"/health/ready 200 again {Ms(fastRecovery)} after the database");
        FaultWork.Report($"  immediate restart: database down {immediate.Down.TotalMilliseconds:0} ms ({readiness.NotReadyBetween(immediate.Started, immediate.DatabaseBack)} probes not ready), " +
                 $"/health/ready 200 again {Ms(immediateRecovery)} after the database");
        FaultWork.Report($"  acknowledged: {works.Count} works, {orders.Count} orders; failed: {failed.Count} ({FaultWork.Statuses(failed)})");
        foreach (var f in failed.Take(20)) FaultWork.Report($"    {f.At.TotalSeconds:0.00} s {f.Kind} {f.Name}: {f.Status} {f.Detail}");
        FaultWork.Report($"  in the database: {titles.Count} works of the run, {buyers.Count} orders; media problems: {problems.Count}");

        Assert.Multiple(() =>
        {
            Assert.That(works, Has.Count.GreaterThan(10), "the run did write");
            foreach (var title in works)
                Assert.That(titles.Count(t => t == title), Is.EqualTo(1), $"acknowledged work \"{title}\" is there exactly once");
            Assert.That(titles, Is.Unique, "no work was written twice");
            foreach (var order in orders)
            {
                Assert.That(buyers.Count(b => b.BuyerName == order.Name), Is.EqualTo(1), $"acknowledged order of {order.Name} is there exactly once");
                Assert.That(buyers.Any(b => b.BuyerName == order.Name && b.Reference == order.Reference), Is.True,
                    $"order of {order.Name} under the reference the buyer was given ({order.Reference})");
            }
            Assert.That(buyers.Select(b => b.BuyerName), Is.Unique, "no order was written twice");
            Assert.That(problems, Is.Empty, "media store and database agree");
            Assert.That(failed.Where(f => f.Status != 503), Is.Empty, "a database outage is answered 503 (JSON for a post), nothing else");
            Assert.That(failed.Where(f => f.Status == 503 && !f.Detail.Contains("Retry-After")), Is.Empty,
                "a 503 says when to retry");
            Assert.That(fastRecovery, Is.LessThanOrEqualTo(ReadinessBudget), "ready within 5 s of a fast restart");
            Assert.That(immediateRecovery, Is.LessThanOrEqualTo(ReadinessBudget), "ready within 5 s of an immediate restart");
            Assert.That(lifetime.ApplicationStopping.IsCancellationRequested, Is.False, "the app never restarted");
        });
        using var after = app.CreateBrowserClient();
        using var home = await after.Http.GetAsync("/");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same app still serves");
        foreach (var artist in artists) artist.Dispose();
    }

    private sealed record Restart(TimeSpan Started, TimeSpan DatabaseBack)
    {
        public TimeSpan Down => DatabaseBack - Started;
    }

    private static async Task<Restart> RestartAsync(PostgresCluster cluster, bool immediate, Stopwatch run, TimeSpan? downFor = null)
    {
        var start = run.Elapsed;
        await cluster.RestartAsync(immediate, downFor: downFor);
        return new Restart(start, run.Elapsed);
    }

    private static string Ms(TimeSpan? t) => t is null ? "never" : $"{t.Value.TotalMilliseconds:0} ms";

}
