namespace PosaX.Web.Features.Catalogue;

/// <summary>The public URLs of works, in one place.</summary>
public static class ArtworkUrls
{
    /// <summary>/oeuvres/{id}/{slug}: the id finds the work, the slug is for people and search engines.</summary>
    public static string Page(long id, string slug) => $"/oeuvres/{id}/{slug}";
    public const string Catalogue = "/oeuvres";
}
