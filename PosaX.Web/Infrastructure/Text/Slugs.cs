using System.Globalization;
using System.Text;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>URL slugs: accents stripped ("Forêt d'ébène" → "foret-d-ebene"), lower case, hyphens.</summary>
public static class Slugs
{
    public static string From(string text, int maxLength = 80)
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
}
