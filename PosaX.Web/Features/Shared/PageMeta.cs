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

    /// <summary>og:type: "website" unless the page is an article, a product, a profile…</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>The picture shared in WhatsApp/Facebook previews; null = the site's default picture.</summary>
    public SocialImage? Image { get; init; }

    /// <summary>schema.org nodes, written as one JSON-LD block.</summary>
    public IReadOnlyList<object> StructuredData { get; init; } = [];

    public static readonly SocialImage DefaultImage = new("/img/og-default.jpg", 1200, 630, "PosaX, l’art du Cameroun");

    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        // The default encoder escapes <, > and & so "</script>" can never close the block.
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string? JsonLd() => StructuredData.Count switch
    {
        0 => null,
        1 => JsonSerializer.Serialize(StructuredData[0], StructuredData[0].GetType(), JsonLdOptions),
        _ => JsonSerializer.Serialize(new Dictionary<string, object> { ["@context"] = "https://schema.org", ["@graph"] = StructuredData }, JsonLdOptions),
    };
}

/// <summary>A social preview picture: path on this site, its size, its alt text.</summary>
public sealed record SocialImage(string Path, int Width, int Height, string Alt);
