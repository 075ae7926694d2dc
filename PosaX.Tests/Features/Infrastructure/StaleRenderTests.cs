using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>
/// The output cache's store keeps nothing a request read before a change that was evicted while it
/// ran (PageSnapshotStore.SetAsync): a page rendered from the old data and stored just after the
/// change's eviction would be served for up to OutputCache:Expiry (10 minutes) after the change.
/// Driven at the store, as the output cache calls it: the race cannot be timed through HTTP.
/// </summary>
public class StaleRenderTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly byte[] Page = "<!DOCTYPE html><title>rendue</title>"u8.ToArray();

    /// <summary>What UsePosaXWeb sets first thing on each request, as a request that began now.</summary>
    internal static DefaultHttpContext RequestBeganNow()
    {
        var context = new DefaultHttpContext();
        context.Items[PageSnapshotStore.RequestStartItem] = DateTime.UtcNow.Ticks;
        return context;
    }

    [Test]
    public async Task A_page_rendered_by_a_request_that_began_before_its_work_was_evicted_is_not_kept_one_that_began_after_is()
    {
        var store = App.Services.GetRequiredService<PageSnapshotStore>();
        var requests = App.Services.GetRequiredService<IHttpContextAccessor>();
        var tag = PublicCache.ArtworkTag(Random.Shared.NextInt64(1L << 40, 1L << 50));
        string[] tags = [PublicCache.SnapshotTag, PublicCache.PagesTag, tag];
        var stale = "GET\x1ehttps\x1eposax.test/test/stale-" + Guid.NewGuid().ToString("N");
        var fresh = "GET\x1ehttps\x1eposax.test/test/fresh-" + Guid.NewGuid().ToString("N");
        try
        {
            // A request begins and reads the work; meanwhile another commits a change to it and evicts its tag.
            requests.HttpContext = RequestBeganNow();
            await Task.Delay(2);
            await store.EvictByTagAsync(tag, CancellationToken.None);
            await store.SetAsync(stale, Page, tags, TimeSpan.FromMinutes(10), CancellationToken.None);

            // A request that began after the eviction read the changed work: kept.
            await Task.Delay(2);
            requests.HttpContext = RequestBeganNow();
            await store.SetAsync(fresh, Page, tags, TimeSpan.FromMinutes(10), CancellationToken.None);
        }
        finally
        {
            requests.HttpContext = null;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await store.GetAsync(stale, CancellationToken.None), Is.Null, "the page rendered before the eviction");
            Assert.That(await store.GetAsync(fresh, CancellationToken.None), Is.EqualTo(Page), "the page rendered after it");
        });
    }
}
