using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// <c>Storage__S3__PublicBaseUrl</c>: pages send browsers to the public base (a CDN, here s3rver's
/// bucket URL) for every picture, and the CSP allows that origin; without it (A) nothing changes.
/// The instance with the setting keeps its cache in a Redis database of its own: in a deployment all
/// instances have the same setting, here A's pages must not be served by it.
/// </summary>
[Category("ScaleOut")]
public sealed class PublicMediaUrlTests
{
    [Test]
    public async Task With_a_public_base_the_work_page_writes_every_picture_url_under_it_and_its_CSP_allows_that_origin()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var origin = $"http://127.0.0.1:{cluster.S3.Port}";
        var publicBase = $"{origin}/{ScaleOutCluster.Bucket}";
        await using var cdn = cluster.NewInstance("cdn", new Dictionary<string, string?>
        {
            ["Storage__S3__PublicBaseUrl"] = publicBase + "/",
            ["Redis__Configuration"] = $"127.0.0.1:{cluster.Redis.Port},defaultDatabase=1",
            // Its outbox sender may deliver the test artist's activation mail: where the cluster's mailbox reads.
            ["Email__PickupDirectory"] = Path.Combine(cluster.A.DataDirectory, "mail"),
        });
        await cdn.StartAsync(TimeSpan.FromSeconds(90));

        var (artist, _) = await cluster.NewArtistAsync();
        using var _a = artist;
        var title = "Par le CDN " + Guid.NewGuid().ToString("N")[..6];
        var published = await FaultWork.TryPublishAsync(artist.Http, title, [FaultWork.Photo(21), FaultWork.Photo(22)], Stopwatch.StartNew());
        Assert.That(published.Acknowledged, Is.True, published.Detail);
        var work = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == title)
            .Select(a => new { a.Id, a.Slug, Keys = a.Images.Select(i => i.Key).ToList() }).SingleAsync());
        var path = $"/oeuvres/{work.Id}/{work.Slug}";

        using var visitor = new HttpClient();
        using var onCdn = await visitor.GetAsync(new Uri(cdn.Server, path));
        using var onA = await visitor.GetAsync(new Uri(cluster.A.Server, path));
        Assert.That(onCdn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(onA.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var withBase = Pictures(await onCdn.Content.ReadAsStringAsync());
        var without = Pictures(await onA.Content.ReadAsStringAsync());
        var cspWithBase = string.Join(" ", onCdn.Headers.GetValues("Content-Security-Policy"));
        var cspWithout = string.Join(" ", onA.Headers.GetValues("Content-Security-Policy"));
        TestContext.Progress.WriteLine($"[scaleout] public base: {withBase.Count} picture URLs on the work page, e.g. {withBase.FirstOrDefault()}; CSP {cspWithBase}");

        Assert.Multiple(() =>
        {
            Assert.That(withBase, Has.Count.GreaterThanOrEqualTo(8), "img src, srcset, og:image, JSON-LD");
            Assert.That(withBase, Is.All.StartsWith(publicBase + "/"), "every picture from the public base");
            foreach (var key in work.Keys) Assert.That(withBase, Has.Some.StartsWith($"{publicBase}/{key}/"), key);
            Assert.That(withBase, Has.Some.EqualTo($"{publicBase}/{work.Keys[0]}/og.jpg"), "og:image");
            Assert.That(cspWithBase, Does.Contain($"img-src 'self' {origin} data: blob:;"));
            // The same page on A (no public base): what it always was.
            Assert.That(without, Has.Count.EqualTo(withBase.Count));
            Assert.That(without, Is.All.StartsWith(PosaXApp.BaseUrl + "/media/").Or.StartsWith("/media/"));
            Assert.That(cspWithout, Does.Contain("img-src 'self' data: blob:;"));
        });

        // The catalogue's cards too, and the URL answers a picture (s3rver serves the bucket's objects).
        var catalogue = await visitor.GetStringAsync(new Uri(cdn.Server, "/oeuvres"));
        Assert.That(catalogue, Does.Contain($"{publicBase}/{work.Keys[0]}/"), "the card on /oeuvres");
        Assert.That(catalogue, Does.Not.Contain("\"/media/a/"));
        using var picture = await visitor.GetAsync(withBase.First(u => u.EndsWith(".webp", StringComparison.Ordinal)));
        Assert.That(picture.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the public URL serves the object");
    }

    /// <summary>Every picture URL of a page: img src and srcset, og:image, JSON-LD images.</summary>
    private static List<string> Pictures(string html)
    {
        var page = new HtmlParser().ParseDocument(html);
        var urls = new List<string>();
        foreach (var img in page.QuerySelectorAll("main img"))
        {
            if (img.GetAttribute("src") is { } src) urls.Add(src);
            if (img.GetAttribute("srcset") is { } srcset)
                urls.AddRange(srcset.Split(',').Select(part => part.Trim().Split(' ')[0]));
            if (img.GetAttribute("data-full") is { } full) urls.Add(full);
        }
        urls.AddRange(page.QuerySelectorAll("meta[property='og:image']").Select(m => m.GetAttribute("content")!));
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            using var json = JsonDocument.Parse(script.TextContent);
            Collect(json.RootElement, urls);
        }
        return urls.Where(u => u.Contains("/a/", StringComparison.Ordinal) || u.Contains("/p/", StringComparison.Ordinal)).ToList();
    }

    private static void Collect(JsonElement element, List<string> urls)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (property.Name == "image" && property.Value.ValueKind == JsonValueKind.Array)
                        urls.AddRange(property.Value.EnumerateArray().Select(v => v.GetString()!));
                    else if (property.Name == "image" && property.Value.ValueKind == JsonValueKind.String)
                        urls.Add(property.Value.GetString()!);
                    else Collect(property.Value, urls);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, urls);
                break;
        }
    }
}
