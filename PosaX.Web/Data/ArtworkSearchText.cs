using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Data;

/// <summary>
/// What a work is found by: title, description, category, medium and the artist's name, folded
/// (see <see cref="Artwork.SearchText"/>). Rebuilt whenever one of them changes.
/// </summary>
public static class ArtworkSearchText
{
    public static string Build(string title, string? description, string categoryName, string? medium, string artistName)
    {
        var text = TextFolding.Fold(string.Join(' ', title, categoryName, artistName, medium, description));
        return text.Length > 8000 ? text[..8000] : text;
    }
}
