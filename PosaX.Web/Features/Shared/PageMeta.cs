using System.Text.Encodings.Web;
using System.Text.Json;

namespace PosaX.Web.Features.Shared;

/// <summary>
/// What the layout writes in &lt;head&gt; (title, description, canonical, Open Graph, Twitter,
/// JSON-LD): each page sets it in one place. Absolute URLs are made from Site__BaseUrl by the layout.
/// </summary>
public sealed record PageMeta(string Title, string? Description = null, bool NoIndex = false)
{
    /// <summary>Path (and query) of the canonical URL; null = this request's path without its query.</summary>
    public string? CanonicalPath { get; init; }

    /// <summary>With NoIndex: may crawlers still follow the page's links (search results, later pages)?</summary>
    public bool FollowLinks { get; init; }

    /// <summary>og:type: "website" unless the page is an article, a product, a profile…</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>The picture shared in WhatsApp/Facebook previews; null = the site's default picture.</summary>
    public SocialImage? Image { get; init; }

    /// <summary>schema.org nodes, written as one JSON-LD block.</summary>
    public IReadOnlyList<object> StructuredData { get; init; } = [];

    public static SocialImage DefaultImage => new("/img/og-default.jpg", 1200, 630, SharedTexts.DefaultImageAlt);

    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        // The default encoder escapes <, > and & so "</script>" can never close the block.
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One JSON-LD document: a single node with its @context, or several in an @graph.</summary>
    public string? JsonLd()
    {
        if (StructuredData.Count == 0) return null;
        var document = new Dictionary<string, object?> { ["@context"] = "https://schema.org" };
        if (StructuredData is [IDictionary<string, object?> single])
            foreach (var (key, value) in single) document[key] = value;
        else
            document["@graph"] = StructuredData;
        return JsonSerializer.Serialize(WithoutNulls(document), JsonLdOptions);
    }

    // Absent facts (no depth, no bio…) are left out rather than written as null.
    private static object? WithoutNulls(object? value) => value switch
    {
        IDictionary<string, object?> node => node.Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => WithoutNulls(p.Value)),
        IEnumerable<object> items when value is not string => items.Select(WithoutNulls).ToArray(),
        _ => value,
    };
}

/// <summary>A social preview picture: path on this site, its size, its alt text.</summary>
public sealed record SocialImage(string Path, int Width, int Height, string Alt);
