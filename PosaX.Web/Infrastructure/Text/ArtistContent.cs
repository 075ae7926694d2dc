namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// What artists write (titles, descriptions, bios) stays as written, in French, with an optional English
/// version (<c>Artwork.TitleEn</c>, <c>Artwork.DescriptionEn</c>, <c>Artist.BioEn</c>). An English page shows
/// the English version when there is one, otherwise the French text marked <c>lang="fr"</c> (so screen
/// readers and translators know); a French page always shows the French text.
/// </summary>
public static class ArtistContent
{
    /// <summary>
    /// The text to show on the current page and the <c>lang</c> attribute its element needs: "fr" when an
    /// English page falls back to the French text, null when the text is in the page's language (Razor then
    /// writes no attribute).
    /// </summary>
    public static (string? Text, string? Lang) Pick(string? french, string? english)
    {
        if (Languages.Current != Languages.English) return (french, null);
        if (!string.IsNullOrWhiteSpace(english)) return (english, null);
        return (french, string.IsNullOrWhiteSpace(french) ? null : Languages.French);
    }
}
