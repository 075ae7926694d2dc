using System.Globalization;
using System.Text;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// URL slugs: accents stripped ("Forêt d'ébène" → "foret-d-ebene"), lower case, hyphens. Each kind
/// of slug says where it is cut (<see cref="ArtistSlugs"/>, <c>ArtworkDerivedFields</c>, categories).
/// </summary>
public static class Slugs
{
    public static string From(string text, int maxLength)
    {
        var decomposed = Text.TextFolding.Decompose(text);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", 'ß' => "ss", _ => char.ToLowerInvariant(c).ToString() };
            if (lower.Length == 1 && !(lower[0] is >= 'a' and <= 'z' || lower[0] is >= '0' and <= '9'))
            {
                pendingHyphen = slug.Length > 0;
                continue;
            }
            if (pendingHyphen) slug.Append('-');
            pendingHyphen = false;
            slug.Append(lower);
            if (slug.Length >= maxLength) break;
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "artiste" : result;
    }

    /// <summary>
    /// <paramref name="stem"/> when it is free, else the first free of "stem-2", "stem-3"… The one
    /// rule for every slug that must be unique (artists, categories).
    /// </summary>
    public static string Unique(string stem, Func<string, bool> isTaken)
    {
        var slug = stem;
        for (var n = 2; isTaken(slug); n++) slug = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        return slug;
    }
}
