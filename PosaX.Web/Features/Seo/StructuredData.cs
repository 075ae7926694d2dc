using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Seo;

/// <summary>
/// schema.org nodes for JSON-LD (PageMeta.StructuredData). Every URL is absolute, from Site__BaseUrl;
/// prices are whole numbers in XAF. The @context is added by PageMeta.
/// </summary>
public static class StructuredData
{
    public sealed record WorkFacts(
        long Id, string Slug, string Title, string? Description, long Price, ArtworkStatus Status,
        string? Medium, double HeightCm, double WidthCm, double? DepthCm, int? Year,
        string CategoryName, string CategorySlug, string ArtistName, string ArtistSlug, IReadOnlyList<(string Key, int[] Widths)> Images);

    private const int StructuredDataImageWidth = 640;

    /// <summary>The variant search engines are given: 640 px wide, or the largest a smaller photo has (never a URL that answers 404).</summary>
    public static int ImageWidth(int[] widths) => widths.Where(w => w <= StructuredDataImageWidth).DefaultIfEmpty(widths.Min()).Max();

    /// <summary>A work: Product (so it can be offered) and VisualArtwork (what it is).</summary>
    public static Dictionary<string, object?> Work(SiteOptions site, WorkFacts work)
    {
        var url = Page(site, ArtworkUrls.Page(work.Id, work.Slug));
        var artist = new Dictionary<string, object?>
        {
            ["@type"] = "Person",
            ["name"] = work.ArtistName,
            ["url"] = Page(site, "/artistes/" + work.ArtistSlug),
        };
        return new Dictionary<string, object?>
        {
            ["@type"] = new[] { "Product", "VisualArtwork" },
            ["@id"] = url + "#oeuvre",
            ["name"] = work.Title,
            // The page's language (its texts); the title and description are the artist's, as written.
            ["inLanguage"] = Languages.Current,
            ["url"] = url,
            ["image"] = work.Images.Where(i => i.Widths.Length > 0).Select(i => site.Absolute(ImagePipeline.Url(i.Key, ImageWidth(i.Widths))).AbsoluteUri).ToArray(),
            ["description"] = string.IsNullOrWhiteSpace(work.Description) ? null : work.Description,
            ["creator"] = artist,
            ["artform"] = work.CategoryName,
            ["artMedium"] = work.Medium,
            ["category"] = work.CategoryName,
            ["height"] = Centimetres(work.HeightCm),
            ["width"] = Centimetres(work.WidthCm),
            ["depth"] = work.DepthCm is { } depth ? Centimetres(depth) : null,
            ["dateCreated"] = work.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["offers"] = new Dictionary<string, object?>
            {
                ["@type"] = "Offer",
                ["price"] = work.Price,
                ["priceCurrency"] = "XAF",
                // Reserved works may come back: only a sale takes a work out of stock.
                ["availability"] = work.Status switch
                {
                    ArtworkStatus.Sold => "https://schema.org/SoldOut",
                    // The page says "Réservée" and offers no order form: not in stock (Google accepts Reserved).
                    ArtworkStatus.Reserved => "https://schema.org/Reserved",
                    _ => "https://schema.org/InStock",
                },
                ["url"] = url,
                ["seller"] = artist,
            },
        };
    }

    /// <summary>Accueil › Catégorie › Œuvre.</summary>
    public static Dictionary<string, object?> Breadcrumb(SiteOptions site, WorkFacts work) => new()
    {
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new object[]
        {
            Crumb(1, SeoTexts.Home, Page(site, "/")),
            Crumb(2, work.CategoryName, Page(site, $"{ArtworkUrls.Catalogue}?categorie={work.CategorySlug}")),
            Crumb(3, work.Title, Page(site, ArtworkUrls.Page(work.Id, work.Slug))),
        },
    };

    /// <summary>An artist's page: a ProfilePage about a Person.</summary>
    public static Dictionary<string, object?> ArtistProfile(SiteOptions site, string name, string slug, string? bioText,
        string? photoKey, IEnumerable<string?> sameAs)
    {
        var url = Page(site, "/artistes/" + slug);
        var links = sameAs.Where(s => !string.IsNullOrEmpty(s)).ToArray();
        return new Dictionary<string, object?>
        {
            ["@type"] = "ProfilePage",
            ["url"] = url,
            ["inLanguage"] = Languages.Current,
            ["mainEntity"] = new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["@id"] = url + "#artiste",
                ["name"] = name,
                ["url"] = url,
                ["image"] = photoKey is null ? null : site.Absolute(ImagePipeline.Url(photoKey, 480)).AbsoluteUri,
                ["description"] = string.IsNullOrWhiteSpace(bioText) ? null : bioText,
                ["sameAs"] = links.Length == 0 ? null : links,
            },
        };
    }

    /// <summary>The site, with the catalogue search (the home page).</summary>
    public static Dictionary<string, object?> WebSite(SiteOptions site) => new()
    {
        ["@type"] = "WebSite",
        ["name"] = "PosaX",
        ["url"] = Page(site, "/"),
        ["inLanguage"] = Languages.Current,
        ["potentialAction"] = new Dictionary<string, object?>
        {
            ["@type"] = "SearchAction",
            ["target"] = new Dictionary<string, object?>
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = Page(site, ArtworkUrls.Catalogue) + "?q={search_term_string}",
            },
            ["query-input"] = "required name=search_term_string",
        },
    };

    /// <summary>A page's absolute URL in the current page's language (<see cref="LocalizedPaths"/>).</summary>
    private static string Page(SiteOptions site, string frenchPath) => site.Absolute(LocalizedPaths.For(frenchPath)).AbsoluteUri;

    private static Dictionary<string, object?> Crumb(int position, string name, string url) => new()
    {
        ["@type"] = "ListItem", ["position"] = position, ["name"] = name, ["item"] = url,
    };

    private static Dictionary<string, object?> Centimetres(double value) => new()
    {
        ["@type"] = "QuantitativeValue", ["value"] = value, ["unitCode"] = "CMT",
    };
}
