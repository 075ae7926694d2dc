using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, test 1: the output cache is shared (Redis) and an eviction made by one instance holds
/// on the other at once: no instance serves a page after a change made through the other.
/// </summary>
[Category("ScaleOut")]
public sealed class SharedCacheAcrossInstancesTests
{
    [Test]
    public async Task A_work_published_through_A_shows_at_once_on_B_and_hidden_through_B_is_gone_at_once_from_A()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var clock = Stopwatch.StartNew();
        var (artist, _) = await cluster.NewArtistAsync();
        using var _a = artist;
        using var visitorA = new HttpClient { BaseAddress = cluster.A.Server };
        using var visitorB = new HttpClient { BaseAddress = cluster.B.Server };

        // Both instances have the listings cached (the second answer comes from the cache: it has an Age).
        foreach (var visitor in new[] { visitorA, visitorB })
            foreach (var url in new[] { "/", "/oeuvres" })
                await CachedAsync(visitor, url);

        var title = "Masque partagé " + Guid.NewGuid().ToString("N")[..6];
        var published = await FaultWork.TryPublishAsync(artist.Http, title, [FaultWork.Photo(3)], Stopwatch.StartNew());
        Assert.That(published.Acknowledged, Is.True, published.Detail);
        foreach (var url in new[] { "/", "/oeuvres" })
            Assert.That(await BodyAsync(visitorB, url), Does.Contain(title), $"B's {url} right after A published");

        var work = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == title).Select(a => new { a.Id, a.Slug }).SingleAsync());
        var (id, page) = (work.Id, $"/oeuvres/{work.Id}/{work.Slug}");
        await CachedAsync(visitorA, page);
        await CachedAsync(visitorB, page);

        var cachedAt = clock.Elapsed;
        using var admin = await cluster.NewAdminAsync(cluster.B);
        var adminAt = clock.Elapsed;
        var list = await admin.GetPageAsync("/admin/oeuvres?q=" + Uri.EscapeDataString(title));
        var hide = list.QuerySelectorAll("form.moderation-hide").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=id]")?.GetAttribute("value") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hidden = await admin.PostAjaxAsync(hide, new Dictionary<string, string> { ["reason"] = "Test de plusieurs instances" });
        Assert.That(hidden.Success, Is.True, hidden.Message);

        using (var onA = await visitorA.GetAsync(page))
            Assert.That(onA.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "A's work page right after B hid it");
        using (var onB = await visitorB.GetAsync(page))
            Assert.That(onB.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "B's work page");
        Assert.That(await BodyAsync(visitorA, "/"), Does.Not.Contain(title), "A's home after B hid it");

        // Its pictures (in the bucket) are withheld too: 404 to the public, private to their artist.
        var image = await cluster.A.WithDbAsync(db => db.ArtworkImages.Where(i => i.ArtworkId == id).Select(i => new { i.Key, i.Widths }).FirstAsync());
        var picture = $"/media/{image.Key}/{image.Widths.Split(',')[0]}.webp";
        foreach (var visitor in new[] { visitorA, visitorB })
        {
            using var anonymous = await visitor.GetAsync(picture);
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{picture} to the public on {visitor.BaseAddress} once hidden");
        }
        using (var owner = await artist.Http.GetAsync(picture))
        {
            Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{picture} to its artist");
            Assert.That(owner.Headers.CacheControl?.ToString(), Does.Contain("no-store"));
        }
        TestContext.Progress.WriteLine($"[scaleout] shared cache: published and cached everywhere at {cachedAt.TotalSeconds:0.0} s, " +
                                       $"admin signed in at {adminAt.TotalSeconds:0.0} s, hidden and checked at {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// GETs the page until an answer comes from the cache (within a second: for
    /// SharedOutputCacheStore.ClockSkew after a change made through the other instance, a page
    /// rendered is not kept, as it may predate the change).
    /// </summary>
    private static async Task CachedAsync(HttpClient visitor, string url)
    {
        for (var i = 0; i < 20; i++)
        {
            using var response = await visitor.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url} on {visitor.BaseAddress}");
            if (response.Headers.Age is not null) return;
            await Task.Delay(50);
        }
        Assert.Fail($"GET {url} on {visitor.BaseAddress} never came from the output cache.");
    }

    private static async Task<string> BodyAsync(HttpClient visitor, string url)
    {
        using var response = await visitor.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url} on {visitor.BaseAddress}");
        return await response.Content.ReadAsStringAsync();
    }
}
