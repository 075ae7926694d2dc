namespace PosaX.Web.Features.Seo;

/// <summary>Every text of the structured data a search engine may show (breadcrumbs).</summary>
public static class SeoTexts
{
    /// <summary>The first crumb of a work's breadcrumb.</summary>
    public const string Home = "Accueil";
}
