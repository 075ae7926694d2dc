using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, test 6: Redis killed and started again while visitors load public pages through nginx.
/// No 500 and no page refused: while Redis is away pages are rendered instead of read from the shared
/// cache; once it is back the cache fills again.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class RedisRestartTests
{
    private static readonly string[] Pages = ["/", "/oeuvres", "/artistes", "/oeuvres?tri=prix-asc"];

    [Test]
    public async Task Redis_restarted_under_load_costs_no_error_and_the_cache_comes_back()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var answers = new ConcurrentBag<(TimeSpan At, string Page, int Status)>();
        var run = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = cluster.Balancer, Timeout = TimeSpan.FromSeconds(10) };
        var visitors = Enumerable.Range(0, 4).Select(v => Task.Run(async () =>
        {
            for (var n = v; !stop.IsCancellationRequested && n < 20_000; n++)
            {
                var page = Pages[n % Pages.Length];
                try
                {
                    using var response = await http.GetAsync(page);
                    answers.Add((run.Elapsed, page, (int)response.StatusCode));
                }
                catch (HttpRequestException)
                {
                    answers.Add((run.Elapsed, page, 0));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        await cluster.Redis.KillAsync();
        var killedAt = run.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.Redis.StartAsync();
        var backAt = run.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(visitors);
        await cluster.WaitForInstancesOnRedisAsync(); // the next tests share this cluster

        // The cache is used again: a page comes back with an Age (served from Redis) within seconds.
        var cachedAgainIn = await CachedAgainAsync(cluster);

        var during = answers.Where(a => a.At > killedAt && a.At < backAt).ToList();
        var failures = answers.Where(a => a.Status != 200).ToList();
        TestContext.Progress.WriteLine($"[scaleout] redis restart: {answers.Count} GETs through nginx, {during.Count} while Redis was down " +
                                       $"({killedAt.TotalSeconds:0.0}–{backAt.TotalSeconds:0.0} s), " +
                                       $"{failures.Count} not 200 ({string.Join(", ", failures.GroupBy(f => f.Status).Select(g => $"{g.Count()} × {g.Key}"))}); " +
                                       $"cached again {cachedAgainIn.TotalSeconds:0.0} s after restart");
        Assert.Multiple(() =>
        {
            Assert.That(during, Is.Not.Empty, "pages were asked for while Redis was down");
            Assert.That(failures, Is.Empty, "every page answered 200");
        });
    }

    private static async Task<TimeSpan> CachedAgainAsync(ScaleOutCluster cluster)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            foreach (var instance in new[] { cluster.A, cluster.B })
            {
                using var response = await http.GetAsync(new Uri(instance.Server, "/artistes"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                if (response.Headers.Age is not null) return clock.Elapsed;
            }
            await Task.Delay(200);
        }
        Assert.Fail("No page came from the shared cache within 20 s of Redis's restart.");
        return clock.Elapsed;
    }
}
