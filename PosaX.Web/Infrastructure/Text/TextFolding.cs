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
        var decomposed = Decompose(text);
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

    /// <summary>
    /// Canonical decomposition (accents become marks of their own). .NET refuses to normalise text
    /// holding a noncharacter (U+FFFE, U+FFFF…) or a lone surrogate, which anyone can type or post:
    /// those become spaces first (no letter is lost, they are no letters).
    /// </summary>
    public static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var cleaned = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    cleaned.Append((codePoint & 0xFFFE) == 0xFFFE ? " " : text.Substring(i, 2));
                    i++;
                }
                else cleaned.Append(char.IsSurrogate(c) || IsNoncharacter(c) ? ' ' : c);
            }
            return cleaned.ToString().Normalize(NormalizationForm.FormD);
        }
    }

    /// <summary>U+FDD0–U+FDEF, U+FFFE, U+FFFF: code points Unicode promises never to assign.</summary>
    public static bool IsNoncharacter(char c) => c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF';

    /// <summary>The words of a query, folded, duplicates and one-letter words dropped.</summary>
    public static string[] Terms(string? query, int max = 8) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length > 1).Distinct().Take(max).ToArray();
}
