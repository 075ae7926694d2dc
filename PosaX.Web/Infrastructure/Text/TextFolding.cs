using System.Globalization;
using System.Text;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// Accent- and case-free text for search: "Forêt d'Ébène" → "foret d ebene". What the SQLite
/// catalogue matches with LIKE, and what PostgreSQL's vector is built from.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && folded.Length > 0) folded.Append(' ');
                space = false;
                folded.Append(c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", 'ß' => "ss", _ => char.ToLowerInvariant(c).ToString() });
            }
            else space = true;
        }
        return folded.ToString();
    }

    /// <summary>The words of a query, folded, duplicates and one-letter words dropped.</summary>
    public static string[] Terms(string? query, int max = 8) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length > 1).Distinct().Take(max).ToArray();
}
