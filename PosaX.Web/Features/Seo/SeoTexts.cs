using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Seo;

/// <summary>Every text of the structured data a search engine may show (breadcrumbs).</summary>
public static class SeoTexts
{
    private static readonly TextResources Strings = new(typeof(SeoTexts));

    /// <summary>The first crumb of a work's breadcrumb.</summary>
    public static string Home => Strings["Home"];
}
