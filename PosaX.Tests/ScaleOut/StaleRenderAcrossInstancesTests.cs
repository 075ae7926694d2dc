using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Features.Infrastructure;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Several instances on one Redis: a page instance B rendered from data that instance A changed
/// (and evicted) while B was rendering is kept by neither (SharedOutputCacheStore records each
/// eviction's time in Redis; PageSnapshotStore.SetAsync looks at it after storing). Two apps in
/// this process on the cluster's Redis, driven at the store as the output cache calls it.
/// </summary>
[Category("ScaleOut")]
public sealed class StaleRenderAcrossInstancesTests
{
    private static readonly byte[] Page = "<!DOCTYPE html><title>rendue sur B</title>"u8.ToArray();

    [Test]
    public async Task A_page_B_rendered_before_A_evicted_its_work_is_served_by_neither_one_B_rendered_after_is_served_by_both()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{cluster.Redis.Port},defaultDatabase=2" };
        var a = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite, settings);
        var b = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite, settings);
        var storeA = a.Services.GetRequiredService<PageSnapshotStore>();
        var storeB = b.Services.GetRequiredService<PageSnapshotStore>();
        var requests = b.Services.GetRequiredService<IHttpContextAccessor>();
        var tag = PublicCache.ArtworkTag(Random.Shared.NextInt64(1L << 40, 1L << 50));
        string[] tags = [PublicCache.PagesTag, tag];
        string Key(string name) => "GET\x1ehttp\x1e127.0.0.1/test/" + name + "-" + Guid.NewGuid().ToString("N");

        // Both connect to Redis in the background: wait until what B stores, A reads.
        var probe = Key("probe");
        for (var tries = 0; await storeA.GetAsync(probe, CancellationToken.None) is null; tries++)
        {
            Assert.That(tries, Is.LessThan(100), "A never read what B stored: not on the same Redis");
            await storeB.SetAsync(probe, Page, [], TimeSpan.FromMinutes(1), CancellationToken.None);
            await Task.Delay(100);
        }

        var stale = Key("stale");
        var fresh = Key("fresh");
        try
        {
            // B begins rendering the work; A commits a change to it and evicts its tag; B stores its render.
            requests.HttpContext = StaleRenderTests.RequestBeganNow();
            await Task.Delay(2);
            await storeA.EvictByTagAsync(tag, CancellationToken.None);
            await storeB.SetAsync(stale, Page, tags, TimeSpan.FromMinutes(10), CancellationToken.None);

            // Well after the eviction (past the allowance for clocks apart): B's render is shared.
            await Task.Delay(Web.Infrastructure.Redis.SharedOutputCacheStore.ClockSkew + TimeSpan.FromMilliseconds(50));
            requests.HttpContext = StaleRenderTests.RequestBeganNow();
            await storeB.SetAsync(fresh, Page, tags, TimeSpan.FromMinutes(10), CancellationToken.None);
        }
        finally
        {
            requests.HttpContext = null;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await storeA.GetAsync(stale, CancellationToken.None), Is.Null, "A: B's page rendered before A's eviction");
            Assert.That(await storeB.GetAsync(stale, CancellationToken.None), Is.Null, "B: its own page rendered before A's eviction");
            Assert.That(await storeA.GetAsync(fresh, CancellationToken.None), Is.EqualTo(Page), "A: B's page rendered after it");
        });
    }
}
