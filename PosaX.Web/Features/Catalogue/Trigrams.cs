namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// pg_trgm's similarity, in C#, for the few names that are not in the database: the English category names of
/// the resources, which an English page's spelling suggestion weighs against the database's names
/// (<see cref="ArtworkSearch.SpellingSuggestionAsync"/>). The same notion as PostgreSQL's <c>similarity()</c>:
/// the words are the runs of letters and digits, each lowercased and padded with two spaces before and one after,
/// its trigrams counted once; similarity = shared trigrams / all distinct trigrams of both
/// (<c>PostgresCatalogueTests.The_trigram_similarity_weighed_in_CSharp_is_PostgreSQL_s</c> compares it with PostgreSQL's).
/// </summary>
public static class Trigrams
{
    /// <summary>pg_trgm's default <c>pg_trgm.similarity_threshold</c>: what its <c>%</c> operator calls similar.</summary>
    public const double SimilarityThreshold = 0.3;

    public static double Similarity(string a, string b)
    {
        var first = Of(a);
        var second = Of(b);
        if (first.Count == 0 || second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }

    private static HashSet<string> Of(string text)
    {
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var padded = "  " + text[start..i].ToLowerInvariant() + " ";
                for (var j = 0; j + 3 <= padded.Length; j++) trigrams.Add(padded.Substring(j, 3));
                start = -1;
            }
        }
        return trigrams;
    }
}
