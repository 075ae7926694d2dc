using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Data;

/// <summary>
/// The fields of a work that nobody types: the slug of its address, its orientation and size class
/// (catalogue filters) and its search text, all computed from what the artist typed. The atelier and
/// the demo seeders both set them with <see cref="Apply"/>, so a work is stored the same whichever
/// wrote it.
/// </summary>
public static class ArtworkDerivedFields
{
    /// <summary>
    /// Where a title's slug is cut. The column holds <see cref="Artwork.SlugMaxLength"/>: a ligature
    /// spelled out at the cut ("œ" → "oe") may run a character or two past this.
    /// </summary>
    public const int SlugLength = 100;

    /// <summary>
    /// Sets <see cref="Artwork.Slug"/>, <see cref="Artwork.Orientation"/>, <see cref="Artwork.SizeClass"/>
    /// and <see cref="Artwork.SearchText"/> from the work's typed fields (title, description, medium,
    /// dimensions) and the names of its category and artist.
    /// </summary>
    public static void Apply(Artwork artwork, string categoryName, string artistName)
    {
        artwork.Slug = Slug(artwork.Title);
        artwork.Orientation = OrientationOf(artwork.HeightCm, artwork.WidthCm);
        artwork.SizeClass = SizeClassOf(artwork.HeightCm, artwork.WidthCm, artwork.DepthCm);
        artwork.SearchText = SearchText(artwork.Title, artwork.Description, categoryName, artwork.Medium, artistName, artwork.TitleEn);
    }

    /// <summary>The last segment of the work's address (<c>/oeuvres/{id}/{slug}</c>).</summary>
    public static string Slug(string title) => Slugs.From(title, SlugLength);

    /// <summary>
    /// What a work is found by: title, its English title (if any), description, category, medium and the
    /// artist's name, folded (see <see cref="Artwork.SearchText"/>). Rebuilt whenever one of them changes:
    /// on its own when an artist or a category is renamed. The English description is left out: search
    /// stays on the French text, plus the English title a visitor abroad would type.
    /// </summary>
    public static string SearchText(string title, string? description, string categoryName, string? medium, string artistName,
        string? englishTitle = null)
    {
        var text = TextFolding.Fold(string.Join(' ', title, englishTitle, categoryName, artistName, medium, description));
        return text.Length > Artwork.SearchTextMaxLength ? text[..Artwork.SearchTextMaxLength] : text;
    }

    /// <summary>Square when the sides differ by 5 % of the longer one or less.</summary>
    private static Orientation OrientationOf(double heightCm, double widthCm) =>
        Math.Abs(heightCm - widthCm) <= Math.Max(heightCm, widthCm) * 0.05 ? Orientation.Square
        : heightCm > widthCm ? Orientation.Portrait : Orientation.Landscape;

    /// <summary>See <see cref="SizeClass"/>: by the longest of the three dimensions.</summary>
    private static SizeClass SizeClassOf(double heightCm, double widthCm, double? depthCm)
    {
        var longest = Math.Max(Math.Max(heightCm, widthCm), depthCm ?? 0);
        return longest < 40 ? SizeClass.S : longest <= 100 ? SizeClass.M : SizeClass.L;
    }
}
