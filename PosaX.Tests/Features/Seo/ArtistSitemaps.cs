using System.Net;
using System.Xml.Linq;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.Features.Seo;

/// <summary>
/// The artists' sitemaps as a crawler finds them: every <c>/sitemaps/artistes-{n}.xml</c> the index lists,
/// read through HTTP (an artist's block depends on how many artists the shared test app made before).
/// </summary>
public static class ArtistSitemaps
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The paths of the artists' blocks in the index, in its order.</summary>
    public static async Task<IReadOnlyList<string>> BlocksAsync(AppClient client)
    {
        var index = XDocument.Parse(await client.Http.GetStringAsync("/sitemap.xml"));
        return index.Root!.Elements(Sm + "sitemap").Select(s => new Uri(s.Element(Sm + "loc")!.Value).AbsolutePath)
            .Where(p => p.StartsWith("/sitemaps/artistes-", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Every listed block's document, each asserted 200 XML.</summary>
    public static async Task<IReadOnlyList<(string Path, string Xml)>> ReadAllAsync(AppClient client)
    {
        var blocks = new List<(string, string)>();
        foreach (var path in await BlocksAsync(client))
        {
            using var response = await client.Http.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            blocks.Add((path, await response.Content.ReadAsStringAsync()));
        }
        return blocks;
    }

    /// <summary>All the listed blocks' text, one after the other (for "contains this artist" checks).</summary>
    public static async Task<string> AllTextAsync(AppClient client) =>
        string.Concat((await ReadAllAsync(client)).Select(b => b.Xml));
}
