namespace PosaX.Web.Data;

/// <summary>
/// PostgreSQL only: one word (a lexeme of the work's search vector) of a work on the site, with what a search sorts
/// and filters on, kept by triggers on the works (migration <c>SearchPostings</c>) in the transaction of every
/// change, whoever makes it (the app's tracked changes, a bulk update, <c>seed-demo</c>'s COPY). Never written by
/// the app. Its index, (lexeme, date, id) with the filters included, holds a word's works in the catalogue's
/// order: a search reads the first matches of its rarest word in order, tests the filters and its other words
/// in the index, and stops after a page and the total's cap (<c>ArtworkSearch</c>), instead of reading a table
/// page for every match (issue 17: "savane" with a price range at 1,000,000 works 174 ms, 56,064 buffers; by
/// the postings 0.15 ms). A second index holds the same in price order (lexeme, price, id) for the searches sorted
/// by price (migration <c>SearchPostingsByPrice</c>).
/// </summary>
/// <remarks>
/// The triggers repeat <see cref="PublicVisibility.ArtworkOnSite"/> in SQL (not hidden, its artist activated and
/// not suspended; an artist's activation, suspension or restoration adds or removes their works' postings), so a
/// search reads no table for the works it keeps. <c>SearchPostingTests</c> fails if the two drift apart.
/// </remarks>
public class SearchPosting
{
    public string Lexeme { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public long ArtworkId { get; set; }
    public long Price { get; set; }
    public int CategoryId { get; set; }
    public SizeClass SizeClass { get; set; }
    public Orientation Orientation { get; set; }
    public ArtworkStatus Status { get; set; }
}
