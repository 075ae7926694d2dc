using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// A search's folded words, where a category's English name ("paintings", "mixed media") also stands
/// for its French name: a work's search text holds its category's name in French only
/// (<see cref="ArtworkDerivedFields.SearchText"/>), so without this an English visitor's "painting" found
/// the few works with the word in their English title, not the paintings.
/// </summary>
/// <remarks>
/// The same on every page, whatever its language: a search's results, the total kept for it and the
/// alerts of a saved search never depend on the page it was typed on (a French visitor's "painting"
/// finds the paintings too). Nothing to store: the works' text is untouched (rewriting it would be a
/// million rows at 1,000,000 works).
/// </remarks>
/// <param name="Plain">The words matched as typed (each must be in the work's text).</param>
/// <param name="Alternatives">For each English category name found among the words, what matches it: the
/// name as typed, or the category's French name (each must match, one way or the other).</param>
public sealed record SearchWords(string[] Plain, IReadOnlyList<string[]> Alternatives)
{
    /// <summary>
    /// The words of <paramref name="terms"/> (folded, <see cref="TextFolding.Terms"/>), the longest category names
    /// first ("mixed media" before "media"). <paramref name="frenchNames"/> maps a folded English name to the
    /// folded French name (<see cref="CategoryNames"/>).
    /// </summary>
    public static SearchWords Parse(string[] terms, IReadOnlyDictionary<string, string> frenchNames)
    {
        var longest = frenchNames.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(0).Max();
        var (plain, alternatives) = (new List<string>(), new List<string[]>());
        for (var i = 0; i < terms.Length; i++)
        {
            var found = false;
            for (var words = Math.Min(longest, terms.Length - i); words >= 1 && !found; words--)
            {
                var name = string.Join(' ', terms, i, words);
                if (!frenchNames.TryGetValue(name, out var french)) continue;
                alternatives.Add([name, french]);
                i += words - 1;
                found = true;
            }
            if (!found) plain.Add(terms[i]);
        }
        return new SearchWords([.. plain], alternatives);
    }

    /// <summary>
    /// Folded English name → folded French name, for the categories offered (<see cref="CatalogueTexts.Categories.EnglishNames"/>);
    /// a name the same in both languages ("sculpture") needs no alternative and is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CategoryNames(IEnumerable<Category> categories)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            var french = TextFolding.Fold(category.Name);
            foreach (var english in CatalogueTexts.Categories.EnglishNames(category.Slug).Select(TextFolding.Fold))
                if (english.Length > 0 && french.Length > 0 && english != french) names.TryAdd(english, french);
        }
        return names;
    }

    /// <summary>
    /// The alternatives in <c>to_tsquery</c>'s syntax, "(painting | peinture) &amp; (mixed &amp; media | techniques &amp; mixtes)"
    /// (&amp; binds tighter than |). Folded words are letters and digits only: nothing in them is an operator.
    /// </summary>
    public string AlternativesTsQuery() =>
        string.Join(" & ", Alternatives.Select(a => "(" + string.Join(" | ", a.Select(name => name.Replace(" ", " & "))) + ")"));
}
