using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Buffers.Binary;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

public enum CatalogueSort { Recent, PriceAscending, PriceDescending }

/// <summary>
/// What a visitor asked the catalogue for, parsed from the query string. A value that cannot be
/// understood (prixMin=abc, taille=XXL, a damaged cursor, an unknown category or artist) is
/// dropped as if it were absent: the page still answers 200 and shows what was really applied.
/// </summary>
public sealed record CatalogueQuery
{
    public string? Text { get; init; }
    public string? Category { get; init; }
    public string? Artist { get; init; }
    public long? MinPrice { get; init; }
    public long? MaxPrice { get; init; }
    public SizeClass? Size { get; init; }
    public Orientation? Orientation { get; init; }
    public bool AvailableOnly { get; init; }
    public CatalogueSort Sort { get; init; }
    /// <summary>The opaque keyset cursor (parameter <c>apres</c>), still undecoded.</summary>
    public string? After { get; init; }
    /// <summary>The URL gave a minimum price above the maximum: they were swapped (the page says so).</summary>
    public bool PricesSwapped { get; init; }

    public static CatalogueQuery Parse(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        static long? Price(string? s) =>
            long.TryParse(s?.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        var text = Value("q");
        var (min, max) = (Price(Value("prixMin")), Price(Value("prixMax")));
        // A minimum above the maximum is a slip of the thumb, not a wish for nothing: put them in order.
        var swapped = min > max;
        if (swapped) (min, max) = (max, min);
        return new CatalogueQuery
        {
            PricesSwapped = swapped,
            Text = text is { Length: > 200 } ? text[..200] : text,
            Category = Value("categorie") is { Length: <= 60 } c ? c : null,
            Artist = Value("artiste") is { Length: <= 100 } a ? a : null,
            MinPrice = min,
            MaxPrice = max,
            Size = Value("taille")?.ToUpperInvariant() switch { "S" => SizeClass.S, "M" => SizeClass.M, "L" => SizeClass.L, _ => null },
            Orientation = Value("orientation") switch
            {
                "portrait" => Data.Orientation.Portrait, "paysage" => Data.Orientation.Landscape, "carre" => Data.Orientation.Square, _ => null,
            },
            AvailableOnly = Value("disponible") is "1" or "true" or "on",
            Sort = Value("tri") switch { "prix-asc" => CatalogueSort.PriceAscending, "prix-desc" => CatalogueSort.PriceDescending, _ => CatalogueSort.Recent },
            After = Value("apres") is { Length: <= 100 } cursor ? cursor : null,
        };
    }

    public static string SortValue(CatalogueSort sort) => sort switch
    {
        CatalogueSort.PriceAscending => "prix-asc", CatalogueSort.PriceDescending => "prix-desc", _ => "recent",
    };

    public static string SizeValue(SizeClass size) => size.ToString();

    public static string OrientationValue(Orientation orientation) => orientation switch
    {
        Data.Orientation.Portrait => "portrait", Data.Orientation.Landscape => "paysage", _ => "carre",
    };

    /// <summary>
    /// A listing of its own (everything, one category, one artist): its total is exact. Anything
    /// else is a search, whose total stops at <see cref="ArtworkSearch.CountCap"/>.
    /// </summary>
    public bool IsListing => Text is null && MinPrice is null && MaxPrice is null && Size is null && Orientation is null && !AvailableOnly
        && (Category is null || Artist is null);

    /// <summary>The shareable /oeuvres URL of this query, with the parameters in their canonical spelling.</summary>
    public string Url(string? after = null)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value) { if (value is not null) parameters.Add(new(name, value)); }
        Add("q", Text);
        Add("categorie", Category);
        Add("artiste", Artist);
        Add("prixMin", MinPrice?.ToString(CultureInfo.InvariantCulture));
        Add("prixMax", MaxPrice?.ToString(CultureInfo.InvariantCulture));
        Add("taille", Size is { } s ? SizeValue(s) : null);
        Add("orientation", Orientation is { } o ? OrientationValue(o) : null);
        Add("disponible", AvailableOnly ? "1" : null);
        Add("tri", Sort == CatalogueSort.Recent ? null : SortValue(Sort));
        Add("apres", after);
        return QueryHelpers.AddQueryString(ArtworkUrls.Catalogue, parameters);
    }
}

/// <summary>
/// One page of results: the cards, how many works match in all (<see cref="TotalIsCapped"/>: at
/// least that many, "plus de 100 œuvres"), and the cursor of the next page.
/// </summary>
public sealed record CataloguePage(IReadOnlyList<ArtworkCard.Model> Works, int Total, string? NextCursor, CatalogueQuery Applied)
{
    public bool TotalIsCapped { get; init; }
}

/// <summary>
/// The public catalogue's one query: what is public, filters, text search and keyset pagination.
/// Used by the catalogue, the home page, the artist page and the work page ("similar works").
/// </summary>
/// <remarks>
/// Search: every folded word must match. PostgreSQL matches the stored, GIN-indexed French
/// vector (accents stripped, stems) and also the works of artists whose name is close to the
/// query (trigrams, for misspellings); SQLite matches each word as a substring of SearchText.
/// A search keeps the chosen sort (newest first by default) rather than ranking by relevance:
/// the keyset stays on indexed columns and both databases page the same way.
/// The total ("12 345 œuvres") is the one cost that grows with the catalogue (every match is
/// visited), so it is skipped when a first page holds every match, and otherwise kept in the
/// output cache's store under the catalogue tag: evicted with the cached pages by every change.
/// A listing (everything, a category, an artist) is counted exactly. A search is counted up to
/// <see cref="CountCap"/> ("plus de 100 œuvres"), and its first page gets that count from the same
/// walk as its rows: the ids of the first 101 matches in order, then the page's cards by id. At
/// 100,000 works, separate exact counts of searches were 56% of the database's time in the
/// random-search benchmark, and a count capped at 1,000 still half of it (docs/benchmarks.md).
/// </remarks>
public sealed class ArtworkSearch(PosaXDbContext db, IOutputCacheStore cache, IOptions<PublicCacheOptions> cacheOptions, CatalogueTotals totals,
    SearchStatistics stats)
{
    public const int PageSize = 24;
    private const string SearchConfig = "posax_fr";
    /// <summary>A search's total is exact up to this many works; past it the page says "plus de 100 œuvres".</summary>
    public const int CountCap = 100;

    /// <summary>Works anyone may see: not hidden by moderation, by an activated artist.</summary>
    public IQueryable<Artwork> Public() =>
        db.Artworks.AsNoTracking().OnSite();

    /// <summary>How a search's first page is read on PostgreSQL (<see cref="PlanAsync"/>).</summary>
    private enum SearchPlan
    {
        /// <summary>PostgreSQL's own choice (SQLite, listings, an artist's works, filters the sort's index holds).</summary>
        Planner,
        /// <summary>
        /// The cheapest by <see cref="Estimate"/> (<see cref="IdsAsync"/>): every match through the GIN index
        /// then sorted, a walk of the sort's index, or the matches in a window of the sort's order.
        /// </summary>
        Windows,
    }

    /// <summary>
    /// The filtered works, the query as applied, the plan of its first page, the works a walk of the
    /// sort's index reads in order (<see cref="Walked"/>: the visible works of the category or artist,
    /// and the price range when the sort is by price) and the filters it tests on them
    /// (<see cref="Tested"/>); for <see cref="SearchPlan.Windows"/>, what sizes the windows and walks:
    /// <see cref="Estimate"/>.
    /// </summary>
    /// <param name="ArtistUnchecked">The same works as <see cref="Works"/> before the check of their artist (the
    /// works not hidden, every filter and word): the windows and every match are sorted and cut without
    /// the artists' join (<see cref="VisibleFirstAsync"/>).</param>
    /// <param name="ByPostings">The words are plain and the postings hold every filter: their postings (<see cref="SearchPosting"/>)
    /// hold every match of the words (<see cref="PostingsAsync"/>).</param>
    /// <param name="PostingFilters">The filters, as the postings test them.</param>
    /// <param name="ByNameWorks">The works, every filter applied, of the artists whose name is close to the words (they match
    /// too, whatever their text: <see cref="TextMatchesAsync"/>); null when no name is.</param>
    private sealed record Filtered(IQueryable<Artwork> Works, CatalogueQuery Applied, SearchPlan Plan, int? CategoryId,
        IQueryable<Artwork> Walked, Func<IQueryable<Artwork>, IQueryable<Artwork>> Tested, bool WidePrice, IQueryable<Artwork> ArtistUnchecked,
        Estimate? Estimate = null, bool ByPostings = false, IReadOnlyList<System.Linq.Expressions.Expression<Func<SearchPosting, bool>>>? PostingFilters = null,
        IQueryable<Artwork>? ByNameWorks = null);

    /// <summary>A price range holding more than this share of the works is wide (<see cref="FilterAsync"/>).</summary>
    private const double WidePriceRange = 0.1;

    /// <summary>The estimated share of the works within the query's price range (1 without one).</summary>
    private static double PriceShare(SearchStatistics.Distribution prices, CatalogueQuery query) =>
        query.MinPrice is null && query.MaxPrice is null || prices.IsEmpty ? 1
            : Math.Max(prices.AtMost(query.MaxPrice ?? double.MaxValue) - prices.AtMost((query.MinPrice ?? double.MinValue) - 1), 1e-6);

    /// <summary>
    /// What the three ways of reading a search's first matches should cost (PostgreSQL only), in
    /// microseconds of PostgreSQL's time, from the works' statistics: every match the indexes let
    /// through (<see cref="MatchesCost"/>), a walk of the sort's index, or a window (<see cref="IdsAsync"/>).
    /// </summary>
    /// <param name="WindowShare">The estimated share of all works that pass every filter and word, the price
    /// range left out when the sort is by price (the window is taken inside it).</param>
    /// <param name="WalkShare">The estimated share of the walked works (<see cref="Filtered.Walked"/>) that pass the rest.</param>
    /// <param name="GinCost">Reading the GIN index's bitmap: its posting lists are long for common words
    /// ("yaounde marche", 94,754 matches: 53 ms idle for the bitmap alone at 1,000,000 works).</param>
    /// <param name="MatchesCost">Every match the indexes let through, read from the table.</param>
    /// <param name="InCategory">The share of works in the category (the window's range is read in the category's index).</param>
    /// <param name="TestedInTable">How many works a window's index range lets through per match (a wide price range is tested in the table).</param>
    /// <param name="Lexemes">The words' lexemes (none without words).</param>
    /// <param name="MatchShare">The estimated share of all works that pass every filter and word.</param>
    /// <param name="InPriceRange">The estimated share of all works within the price range (1 without one).</param>
    private sealed record Estimate(SearchStatistics.Snapshot Statistics, double WindowShare, double WalkShare, double GinCost, double MatchesCost,
        double InCategory, double TestedInTable, IReadOnlyList<string> Lexemes, double MatchShare, double InPriceRange)
    {
        // Measured at 1,000,000 works (EXPLAIN ANALYZE, the demo): a work read from the table ≈ 4 µs, a
        // posting of the GIN index ≈ 0.05 µs, a work of a btree range turned into a bitmap ≈ 0.4 µs.
        public const double TableRead = 4, Posting = 0.05, BitmapEntry = 0.4;

        /// <summary>A posting read by the index alone (<see cref="SearchPosting"/>), the filters tested there: ≈ 0.3–0.5 µs
        /// at 1,000,000 works ("savane" with a price range, 250 postings in 0.13 ms).</summary>
        public const double IndexPosting = 0.4;

        public double Works => Math.Max(Statistics.Works, 1);

        public double WalkCost(double walk) => TableRead * walk;

        public double WindowCost(double fraction, int count) =>
            GinCost + BitmapEntry * fraction * Works * InCategory + TableRead * WindowMargin * count * TestedInTable;

        /// <summary>The rarest lexeme: the postings read in order.</summary>
        public string Rarest => Lexemes.MinBy(lexeme => Statistics.Share([lexeme]))!;

        /// <summary>A probe of another word's postings by key (≈ 4 buffers): 730 in 2.7 ms at 1,000,000 works.</summary>
        public const double PostingProbe = 3.7;

        /// <summary>
        /// Reading <paramref name="count"/> matches from the postings: the rarest word's in the sort's order (inside the
        /// price range when the sort is by price) until enough pass, each probed for the other words. No table is read:
        /// the postings are the works on the site.
        /// </summary>
        public double PostingsCost(CatalogueSort sort, int count)
        {
            return PostingsRead(sort, count) * (IndexPosting + PostingProbe * (Lexemes.Distinct().Count() - 1));
        }

        /// <summary>How many of the rarest word's postings should be read for <paramref name="count"/> matches.</summary>
        public double PostingsRead(CatalogueSort sort, int count)
        {
            var read = Statistics.Share([Rarest]) * (sort == CatalogueSort.Recent ? 1 : InPriceRange);
            var passing = MatchShare / Math.Max(read, 1e-9);
            return Math.Min(read * Works, WindowMargin * count / Math.Max(passing, 1e-9));
        }
    }

    private async Task<Filtered> FilterAsync(CatalogueQuery query, CancellationToken ct)
    {
        var terms = TextFolding.Terms(query.Text);
        var words = terms.Length == 0 ? null : SearchWords.Parse(terms, SearchWords.CategoryNames(await CategoriesAsync(ct)));
        var works = Public();
        var walked = db.Artworks.AsNoTracking();
        var unchecked_ = db.Artworks.AsNoTracking().Where(PublicVisibility.ArtworkNotHidden);
        var tested = new List<Func<IQueryable<Artwork>, IQueryable<Artwork>>> { w => w.OnSite() };
        var priceSort = query.Sort != CatalogueSort.Recent;
        // Filters the sort's index does not hold (a size, an orientation, available only, a price range
        // sorted by date) are tested on the works a walk reads. Each filter says how the postings test it
        // (their copy of the work's columns), or null when they cannot (an artist).
        var onPostings = new List<System.Linq.Expressions.Expression<Func<SearchPosting, bool>>>();
        var postingsHoldFilters = true;
        void Filter(System.Linq.Expressions.Expression<Func<Artwork, bool>> predicate, System.Linq.Expressions.Expression<Func<SearchPosting, bool>>? onPosting,
            bool inSortIndex = false)
        {
            works = works.Where(predicate);
            unchecked_ = unchecked_.Where(predicate);
            if (inSortIndex) walked = walked.Where(predicate);
            else tested.Add(w => w.Where(predicate));
            if (onPosting is null) postingsHoldFilters = false;
            else onPostings.Add(onPosting);
        }

        // Unknown slugs are dropped (see CatalogueQuery), so the applied query is what the page shows.
        int? category = null;
        if (query.Category is not null)
        {
            var categoryId = await db.Categories.Where(c => c.Slug == query.Category).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (categoryId is { } id) { Filter(a => a.CategoryId == id, p => p.CategoryId == id, inSortIndex: true); category = id; }
            else query = query with { Category = null };
        }
        if (query.Artist is not null)
        {
            var artistId = await db.Users.OnSite().Where(u => u.Slug == query.Artist).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (artistId is { } id) Filter(a => a.ArtistId == id, null, inSortIndex: true);
            else query = query with { Artist = null };
        }
        // A wide price range sorted by date is tested on the works read, not through the price index:
        // its bitmap was the largest part of a search (490,000 works between 50,000 and 1,000,000 FCFA
        // at 1,000,000 works: 58 ms idle, 2,432 buffers) and narrowed little. greatest(x, minimum) is
        // x, on an expression no index serves.
        var widePrice = false;
        if (!priceSort && (query.MinPrice ?? query.MaxPrice) is not null && query.Artist is null && db.Database.IsNpgsql())
        {
            var prices = (await stats.GetAsync(db)).Prices;
            widePrice = !prices.IsEmpty && PriceShare(prices, query) > WidePriceRange;
        }
        if (query.MinPrice is { } min)
        {
            if (widePrice) Filter(a => EF.Functions.Greatest(a.Price, long.MinValue) >= min, p => p.Price >= min);
            else Filter(a => a.Price >= min, p => p.Price >= min, priceSort);
        }
        if (query.MaxPrice is { } max)
        {
            if (widePrice) Filter(a => EF.Functions.Greatest(a.Price, long.MinValue) <= max, p => p.Price <= max);
            else Filter(a => a.Price <= max, p => p.Price <= max, priceSort);
        }
        if (query.Size is { } size) Filter(a => a.SizeClass == size, p => p.SizeClass == size);
        if (query.Orientation is { } orientation) Filter(a => a.Orientation == orientation, p => p.Orientation == orientation);
        if (query.AvailableOnly) Filter(a => a.Status == ArtworkStatus.Available, p => p.Status == ArtworkStatus.Available);

        var filtered = new Filtered(works, query, SearchPlan.Planner, category, walked, w => tested.Aggregate(w, (q, test) => test(q)), widePrice,
            unchecked_);
        if (words is null)
        {
            filtered = filtered with { Applied = query with { Text = null } };
            // Filters alone that the sort's index does not hold: large photographs, or a category with
            // size L, may be none of the category's 120,000 works (2.5 s under load, issue 17).
            if (db.Database.IsNpgsql() && query.Artist is null && !filtered.Applied.IsListing && tested.Count > 1)
                filtered = await PlanAsync(filtered, null, ct);
        }
        else if (db.Database.IsNpgsql())
        {
            var (matches, artists) = await TextMatchesAsync(terms, words, ct);
            tested.Add(matches);
            filtered = filtered with
            {
                Works = matches(works), ArtistUnchecked = matches(unchecked_),
                // The postings hold the words' lexemes only, not an English category name's alternatives; the works of the
                // artists whose name is close to the words are read beside them.
                ByPostings = words.Alternatives.Count == 0 && postingsHoldFilters,
                PostingFilters = onPostings,
                ByNameWorks = artists.Count == 0 ? null : works.Where(a => artists.Contains(a.ArtistId)),
            };
            // An artist's works are few: the (artist, date) index serves them whatever the words.
            if (query.Artist is null) filtered = await PlanAsync(filtered, words, ct);
        }
        else
        {
            // Every folded word, as a substring of SearchText; an English category name, or every word of
            // the category's French name. Folded terms are letters and digits only: nothing to escape for LIKE.
            foreach (var term in words.Plain) works = works.Where(TextContains(term));
            foreach (var names in words.Alternatives)
                works = works.Where(names.Select(name => name.Split(' ').Select(TextContains).Aggregate(And)).Aggregate(Or));
            filtered = filtered with { Works = works };
        }
        return filtered;
    }

    /// <summary>SQLite: the work's folded text holds <paramref name="word"/> (a parameter of its own).</summary>
    private static System.Linq.Expressions.Expression<Func<Artwork, bool>> TextContains(string word)
    {
        var pattern = "%" + word + "%";
        return a => EF.Functions.Like(a.SearchText, pattern);
    }

    private static System.Linq.Expressions.Expression<Func<Artwork, bool>> And(
        System.Linq.Expressions.Expression<Func<Artwork, bool>> left, System.Linq.Expressions.Expression<Func<Artwork, bool>> right) =>
        Combine(left, right, System.Linq.Expressions.Expression.AndAlso);

    private static System.Linq.Expressions.Expression<Func<Artwork, bool>> Or(
        System.Linq.Expressions.Expression<Func<Artwork, bool>> left, System.Linq.Expressions.Expression<Func<Artwork, bool>> right) =>
        Combine(left, right, System.Linq.Expressions.Expression.OrElse);

    /// <summary>One condition on a work from two: <paramref name="right"/>'s work made <paramref name="left"/>'s (EF translates the whole).</summary>
    private static System.Linq.Expressions.Expression<Func<Artwork, bool>> Combine(System.Linq.Expressions.Expression<Func<Artwork, bool>> left,
        System.Linq.Expressions.Expression<Func<Artwork, bool>> right,
        Func<System.Linq.Expressions.Expression, System.Linq.Expressions.Expression, System.Linq.Expressions.BinaryExpression> join) =>
        System.Linq.Expressions.Expression.Lambda<Func<Artwork, bool>>(
            join(left.Body, ReplacingExpressionVisitor.Replace(right.Parameters[0], left.Parameters[0], right.Body)), left.Parameters);

    /// <summary>A window is sized to hold this many times the rows asked for, by the estimate.</summary>
    private const double WindowMargin = 2;

    /// <summary>
    /// PostgreSQL: what sizes the reads of a search's first page (<see cref="Estimate"/>; <see cref="IdsAsync"/>
    /// chooses among them). Reading every match (GIN index, then the table for each, then a sort) costs
    /// about the matches that pass the filters the index holds (category, size, orientation, status:
    /// <c>IX_Artworks_SearchVector_Filters</c>); a walk of the sort's index, the works it reads until
    /// 101 pass; a window, its range of the sort's index and the matches inside it. Words and filters
    /// are not independent in a real catalogue ("savane" is in 10% of the paintings, 6.6% of all works;
    /// "huile marché" in no photograph), so the estimate, from PostgreSQL's own statistics
    /// (<see cref="SearchStatistics"/>: the words' shares, their product for several words; the
    /// categories' real sizes; the price range's share), only picks the first read: a window or walk
    /// that finds too few is widened by what it found. Results are the same either way: only the
    /// order of the work changes.
    /// </summary>
    private async Task<Filtered> PlanAsync(Filtered filtered, SearchWords? text, CancellationToken ct)
    {
        var statistics = await stats.GetAsync(db);
        var query = filtered.Applied;
        var (words, wordsRead) = (1.0, 0.0);
        List<string> lexemes = [];
        if (text is { Plain.Length: > 0 })
        {
            var folded = string.Join(' ', text.Plain);
            lexemes = await db.Database.SqlQuery<string>($"SELECT unnest(tsvector_to_array(to_tsvector('posax_fr', {folded}))) AS \"Value\"").ToListAsync(ct);
            (words, wordsRead) = (statistics.Share(lexemes), statistics.ShareSum(lexemes));
        }
        // A category's name, in English or French, is in a category's worth of works: counted as in every work
        // (a walk of the sort's index), and its postings as long as the table (the estimate only orders the reads).
        if (text is not null) wordsRead += text.Alternatives.Count;
        var inCategory = 1.0;
        if (filtered.CategoryId is { } id)
        {
            // The categories' sizes differ (paintings 30% of the demo's works, drawings 8%): the kept counts.
            var counts = await WorksByCategoryAsync(ct);
            var all = counts.Values.Sum();
            inCategory = all > 0 && counts.TryGetValue(id, out var categoryWorks) ? (double)categoryWorks / all : 0;
        }
        var others = 1.0;
        if (query.Size is not null) others /= 3;
        if (query.Orientation is not null) others /= 3;
        if (query.AvailableOnly) others *= 0.5;
        var inPriceRange = PriceShare(statistics.Prices, query);
        var works = Math.Max(statistics.Works, 1);
        // How often the words and filters meet, counted on the sample of works: the product of their shares is far off
        // for words that go together or apart. The words' share carries the correction, so every read's estimate has it.
        // English category names are not lexemes the sample holds; words that make no lexeme match nothing.
        if (CountsOnSample && statistics.Sample.Count > 0 && (text is null || (lexemes.Count > 0 && text.Alternatives.Count == 0)))
        {
            var independent = words * inCategory * others * inPriceRange;
            var categoryId = filtered.CategoryId;
            var counted = statistics.Sample.Share(lexemes, work =>
                (categoryId is not { } category || work.CategoryId == category)
                && (query.MinPrice is not { } min || work.Price >= min) && (query.MaxPrice is not { } max || work.Price <= max)
                && (query.Size is not { } size || work.Size == size) && (query.Orientation is not { } orientation || work.Orientation == orientation)
                && (!query.AvailableOnly || work.Status == ArtworkStatus.Available));
            // Too few sampled works meet to count: at most that many, and the product if it says fewer.
            var met = counted ?? Math.Min(independent, (double)SearchStatistics.WorkSample.MinHits / statistics.Sample.Count);
            if (independent > 0) words *= met / independent;
        }
        var share = words * inCategory * others * inPriceRange;
        var priceSort = query.Sort != CatalogueSort.Recent;
        // The GIN index's posting lists read: the words' and the filters' it holds (a category's list is read whole
        // beside a rare word's: "cortège" in beadwork, 7.5 ms under load at 1,000,000 works).
        var postings = (text is not null ? wordsRead : 0)
            + (filtered.CategoryId is null ? 0 : inCategory) + (query.Size is null ? 0 : 1.0 / 3) + (query.Orientation is null ? 0 : 1.0 / 3) + (query.AvailableOnly ? 0.5 : 0);
        var gin = Estimate.Posting * works * postings;
        var estimate = new Estimate(statistics,
            WindowShare: priceSort ? share / inPriceRange : share,
            WalkShare: words * others * (priceSort ? 1 : inPriceRange),
            GinCost: gin,
            // Every match the indexes let through is read from the table (a wide price range is tested there).
            MatchesCost: gin + Estimate.TableRead * share * works / (filtered.WidePrice ? inPriceRange : 1),
            InCategory: inCategory,
            TestedInTable: filtered.WidePrice ? 1 / inPriceRange : 1,
            Lexemes: lexemes,
            MatchShare: share,
            InPriceRange: inPriceRange);
        // Words that make no lexeme (only stop words) match nothing through the vector: the postings have nothing to read.
        return filtered with { Plan = SearchPlan.Windows, Estimate = estimate, ByPostings = filtered.ByPostings && lexemes.Count > 0 };
    }

    /// <summary>
    /// The works of <see cref="SearchPlan.Windows"/>' window after <paramref name="after"/>: those whose
    /// sort key lies within the next <paramref name="fraction"/> of all works in the sort's order (the
    /// key's bound read from the statistics' spread of dates or prices). Null when the window would
    /// reach the end: no bound then. Every work outside the window comes after every work inside it,
    /// so the first matches inside it are the first matches of all.
    /// </summary>
    private static IQueryable<Artwork>? Window(IQueryable<Artwork> works, CatalogueQuery query, Cursor? after, double fraction, SearchStatistics.Snapshot statistics)
    {
        switch (query.Sort)
        {
            case CatalogueSort.PriceAscending:
            {
                if (statistics.Prices.IsEmpty) return null;
                var start = Math.Max(query.MinPrice ?? long.MinValue, after?.Key ?? long.MinValue);
                var share = (start == long.MinValue ? 0 : statistics.Prices.AtMost(start - 1)) + fraction;
                if (share >= 1) return null;
                var bound = (long)Math.Floor(statistics.Prices.ValueAt(share));
                return works.Where(a => a.Price <= bound);
            }
            case CatalogueSort.PriceDescending:
            {
                if (statistics.Prices.IsEmpty) return null;
                var start = Math.Min(query.MaxPrice ?? long.MaxValue, after?.Key ?? long.MaxValue);
                var share = (start == long.MaxValue ? 1 : statistics.Prices.AtMost(start)) - fraction;
                if (share <= 0) return null;
                var bound = (long)Math.Ceiling(statistics.Prices.ValueAt(share));
                return works.Where(a => a.Price >= bound);
            }
            default:
            {
                if (statistics.Dates.IsEmpty) return null;
                var share = (after is { } cursor ? statistics.Dates.AtMost(Seconds(new DateTime(cursor.Key, DateTimeKind.Utc))) : 1) - fraction;
                if (share <= 0) return null;
                var bound = DateTime.UnixEpoch.AddTicks((long)Math.Floor(statistics.Dates.ValueAt(share) * TimeSpan.TicksPerSecond));
                return works.Where(a => a.CreatedAt >= bound);
            }
        }
        static double Seconds(DateTime t) => (t - DateTime.UnixEpoch).TotalSeconds;
    }

    public async Task<CataloguePage> SearchAsync(CatalogueQuery query, int pageSize = PageSize, CancellationToken ct = default)
    {
        var filtered = await FilterAsync(query, ct);
        (var works, query) = (filtered.Works, filtered.Applied);
        var cursor = Cursor.Decode(query.After, query.Sort);
        if (cursor is null) query = query with { After = null };
        List<Row> rows;
        int total;
        bool capped;
        if (cursor is null && !query.IsListing)
        {
            // A search's first page and its total (up to the cap) from one walk: the ids of the
            // first CountCap + 1 matches in order, then the cards of the page's ones by id.
            var ids = await IdsAsync(filtered, query.Sort, null, CountCap + 1, ct);
            (total, capped) = (Math.Min(ids.Count, CountCap), ids.Count > CountCap);
            await RememberCountAsync(query, ids.Count, ct);
            rows = await CardsInOrderAsync(ids.Take(pageSize + 1).ToList(), ct);
        }
        else
        {
            rows = filtered.Plan == SearchPlan.Planner
                ? await Page(works, query.Sort, cursor).Take(pageSize + 1).Select(Projection).ToListAsync(ct)
                : await CardsInOrderAsync(await IdsAsync(filtered, query.Sort, cursor, pageSize + 1, ct), ct);
            // A first page that is not full holds every match: nothing left to count.
            (total, capped) = cursor is null && rows.Count <= pageSize ? (rows.Count, false) : await CountAsync(works, query, filtered.CategoryId, ct);
        }

        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            next = Cursor.Encode(query.Sort, query.Sort == CatalogueSort.Recent ? last.CreatedAt.Ticks : last.Price, last.Id);
        }
        return new CataloguePage(rows.Select(ToCard).ToList(), total, next, query) { TotalIsCapped = capped };
    }

    /// <summary>
    /// The ids of the first <paramref name="count"/> matches after <paramref name="after"/>, in order,
    /// as <see cref="FilterAsync"/>'s plan reads them. <see cref="SearchPlan.Windows"/>: the matches
    /// whose sort key lies in a window of the sort's order that should hold <see cref="WindowMargin"/>
    /// times <paramref name="count"/> of them (its share of all works from the estimate; its bound,
    /// a date or a price, from the statistics' spread), read through the indexes at once (PostgreSQL
    /// ANDs the GIN index's bitmap with the window's range of the sort's index), then sorted; a wider
    /// window when it held fewer (sized by what it found), and every match when that would be most
    /// of the works.
    /// </summary>
    /// <remarks>
    /// Issue 17, 1,000,000 works: the plans this replaces read every match of common words with a
    /// price range (the price index's bitmap of up to 490,000 works, then a table page per match:
    /// 90 ms idle, 0.5–0.9 s under load), or walked the sort's index for 4,000–20,000 works reading a
    /// table page for each (≈ 5,000 buffers a walk). A window reads the table only for the matches
    /// inside it.
    /// </remarks>
    private async Task<List<long>> IdsAsync(Filtered filtered, CatalogueSort sort, Cursor? after, int count, CancellationToken ct)
    {
        if (filtered is { Plan: SearchPlan.Windows, Estimate: { } estimate })
        {
            var fraction = WindowMargin * count / Math.Max(estimate.WindowShare * estimate.Works, 1e-9);
            var walk = WindowMargin * count / Math.Max(estimate.WalkShare, 1e-9);
            if (filtered.ByPostings && ReadsPostings)
            {
                var others = Math.Min(estimate.MatchesCost, Math.Min(walk <= MaxWalk ? estimate.WalkCost(walk) : double.PositiveInfinity,
                    fraction < MaxWindow ? estimate.WindowCost(fraction, count) : double.PositiveInfinity));
                if (estimate.PostingsCost(sort, count) <= others)
                {
                    Reads.Add("postings");
                    if (await PostingsAsync(filtered, estimate, sort, after, count, ct) is { } kept) return kept;
                }
            }
            for (var round = 0; round < 3; round++)
            {
                var walkCost = walk <= MaxWalk ? estimate.WalkCost(walk) : double.PositiveInfinity;
                var windowCost = fraction < MaxWindow ? estimate.WindowCost(fraction, count) : double.PositiveInfinity;
                // Every match at once when that is cheapest (few matches, or a window or walk as wide as most works).
                if (estimate.MatchesCost <= Math.Min(walkCost, windowCost)) break;
                List<long> found;
                if (walkCost <= windowCost)
                {
                    Reads.Add("walk");
                    // Common words: the sort's index walked for as many works as should hold the page.
                    var length = (int)Math.Ceiling(walk);
                    found = await Page(filtered.Tested(Page(filtered.Walked, sort, after).Take(length)), sort, null)
                        .Take(count).Select(a => a.Id).ToListAsync(ct);
                }
                else if (Window(filtered.Works, filtered.Applied, after, fraction, estimate.Statistics) is { } window)
                {
                    Reads.Add("window");
                    found = await VisibleFirstAsync(window, Window(filtered.ArtistUnchecked, filtered.Applied, after, fraction, estimate.Statistics)!,
                        sort, after, count, ct);
                }
                else break;
                if (found.Count == count) return found;
                // Too few: a window (or walk) as wide as what it found says is needed, twice that margin.
                var wider = found.Count == 0 ? 8 : Math.Max(2, 2.0 * count / found.Count);
                (fraction, walk) = (fraction * wider, walk * wider);
            }
        }
        Reads.Add("matches");
        return filtered.Plan == SearchPlan.Planner
            ? await Page(filtered.Works, sort, after).Take(count).Select(a => a.Id).ToListAsync(ct)
            : await VisibleFirstAsync(filtered.Works, filtered.ArtistUnchecked, sort, after, count, ct);
    }

    /// <summary>
    /// PostgreSQL: the ids of the first <paramref name="count"/> matches after <paramref name="after"/>, from the postings
    /// (<see cref="SearchPosting"/>, the works on the site only): the rarest word's works in the sort's order, each other
    /// word and every filter tested in the index. At most <see cref="PostingsBudget"/> times the postings the estimate
    /// expects are read. Null when that was not enough (words or filters that seldom meet: "toile papier", canvas or
    /// paper, 360 ms unbounded): the caller reads the matches otherwise. The works of the artists whose name is close to the
    /// words (<see cref="Filtered.ByNameWorks"/>) are read beside the postings and merged in: issue 17, 1,000,000 works, "ndop"
    /// or "vallée" (close to a few artists' names) with a price range or an orientation read every match of the word (2.6% of
    /// the works: 50–100 ms one at a time) where the postings read a page's worth.
    /// </summary>
    /// <remarks>
    /// The filters are <see cref="FilterAsync"/>'s, each given there beside its test on the works, tested on the postings'
    /// copy of the work's columns (an artist's works never come here: <see cref="Filtered.ByPostings"/>). The postings follow the public rule by triggers, so
    /// neither the works nor their artists are read again. Issue 17, 1,000,000 works: "marché perles" with a
    /// price range sorted by date, 83 ms and 22,752 buffers through the GIN index and the table; 1.8 ms by the postings
    /// (the two words' postings merged in the index's order).
    /// </remarks>
    private async Task<List<long>?> PostingsAsync(Filtered filtered, Estimate estimate, CatalogueSort sort, Cursor? after, int count,
        CancellationToken ct)
    {
        var rarest = estimate.Rarest;
        var postings = db.SearchPostings.Where(p => p.Lexeme == rarest);
        if (sort != CatalogueSort.Recent)
        {
            // Sorted by price, the postings are read in price order (IX_SearchPostings_Price) from the range's start:
            // the budget counts postings inside it.
            if (filtered.Applied.MinPrice is { } min) postings = postings.Where(p => p.Price >= min);
            if (filtered.Applied.MaxPrice is { } max) postings = postings.Where(p => p.Price <= max);
        }
        switch (sort)
        {
            case CatalogueSort.PriceAscending when after is { } up:
                postings = postings.Where(p => EF.Functions.GreaterThan(ValueTuple.Create(p.Price, p.ArtworkId), ValueTuple.Create(up.Key, up.Id)));
                break;
            case CatalogueSort.PriceDescending when after is { } down:
                postings = postings.Where(p => EF.Functions.LessThan(ValueTuple.Create(p.Price, p.ArtworkId), ValueTuple.Create(down.Key, down.Id)));
                break;
            case CatalogueSort.Recent when after is { } recent:
                var createdAt = new DateTime(recent.Key, DateTimeKind.Utc);
                postings = postings.Where(p => EF.Functions.LessThan(ValueTuple.Create(p.CreatedAt, p.ArtworkId), ValueTuple.Create(createdAt, recent.Id)));
                break;
        }
        // The budget is read in the index's order (the sort's), then filtered and probed: it bounds the postings read
        // whatever the filters let through.
        postings = Sorted(postings, sort);
        var budget = (int)Math.Min(int.MaxValue, Math.Max(PostingsBudget * estimate.PostingsRead(sort, count), MinPostingsBudget));
        var read = postings.Take(budget);
        var matching = read;
        foreach (var filter in filtered.PostingFilters ?? []) matching = matching.Where(filter);
        // Each other word probed by key for each posting read, in order. The OFFSET (a parameter, so EF keeps it) stops
        // PostgreSQL from turning the probe into a join: it cannot know how often two words meet, and with a
        // guess it hashed both words' postings whole (50–250 ms under load for two common words). The ORDER BY is on the key
        // the probe fixes (at most one row, no sort in the plan): without one EF warns (10102) at each shape it compiles.
        var probe = 0;
        foreach (var other in estimate.Lexemes.Where(lexeme => lexeme != rarest).Distinct())
            matching = matching.Where(p => db.SearchPostings.Where(o => o.Lexeme == other && o.CreatedAt == p.CreatedAt && o.ArtworkId == p.ArtworkId)
                .OrderBy(o => o.ArtworkId).Skip(probe).Any());
        var page = Sorted(matching, sort).Take(count).Select(p => new SortKeys(p.ArtworkId, p.CreatedAt, p.Price));
        PostingsSql?.Add(page.ToQueryString());
        var first = await page.ToListAsync(ct);
        // Fewer than asked: every match, unless the budget ran out first.
        if (first.Count < count && await read.CountAsync(ct) == budget) return null;
        // The works of the artists whose name is close to the words match too: theirs after the same cursor, in the same order
        // (a few hundred works by the (artist, date) index at most), merged in.
        if (filtered.ByNameWorks is { } named)
        {
            var theirs = await Page(named, sort, after).Take(count).Select(a => new SortKeys(a.Id, a.CreatedAt, a.Price)).ToListAsync(ct);
            var merged = first.Concat(theirs).DistinctBy(k => k.Id);
            first = (sort switch
            {
                CatalogueSort.PriceAscending => merged.OrderBy(k => k.Price).ThenBy(k => k.Id),
                CatalogueSort.PriceDescending => merged.OrderByDescending(k => k.Price).ThenByDescending(k => k.Id),
                _ => merged.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id),
            }).Take(count).ToList();
        }
        return first.Select(k => k.Id).ToList();

        static IQueryable<SearchPosting> Sorted(IQueryable<SearchPosting> postings, CatalogueSort sort) => sort switch
        {
            CatalogueSort.PriceAscending => postings.OrderBy(p => p.Price).ThenBy(p => p.ArtworkId),
            CatalogueSort.PriceDescending => postings.OrderByDescending(p => p.Price).ThenByDescending(p => p.ArtworkId),
            _ => postings.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.ArtworkId),
        };
    }

    private sealed record SortKeys(long Id, DateTime CreatedAt, long Price);

    /// <summary><see cref="PostingsAsync"/> reads at most this many times the postings the estimate expects, and at least
    /// <see cref="MinPostingsBudget"/>: words and filters are not independent (a work is on canvas or on paper).</summary>
    private const double PostingsBudget = 4;

    private const int MinPostingsBudget = 2_000;

    /// <summary>
    /// The ids of the first <paramref name="count"/> of <paramref name="works"/> after <paramref name="after"/>
    /// (sorted on expressions no index serves, as <see cref="IdsAsync"/>'s windows and matches are read):
    /// the first works of <paramref name="artistUnchecked"/> (the same works before their artist's check) with
    /// a margin, then which of their artists are on the site. The same ids as sorting <paramref name="works"/>,
    /// unless the margin held too many works of artists not on the site: then <paramref name="works"/> is read.
    /// </summary>
    /// <remarks>
    /// Issue 17, 1,000,000 works: the join checked the artist of every match before the sort (three
    /// buffers of the artists' primary key per match: "plat" in ceramics, 8,963 matches, 26,889
    /// buffers of the artists against 8,838 of the works, 78 ms idle); now only the first ones' artists
    /// are read (34 ms).
    /// </remarks>
    private async Task<List<long>> VisibleFirstAsync(IQueryable<Artwork> works, IQueryable<Artwork> artistUnchecked, CatalogueSort sort, Cursor? after,
        int count, CancellationToken ct)
    {
        var margin = count + Math.Max(count / 4, 8);
        var first = await Page(artistUnchecked, sort, after, matchesFirst: true).Take(margin)
            .Select(a => new { a.Id, a.ArtistId }).ToListAsync(ct);
        var artists = first.Select(w => w.ArtistId).Distinct().ToList();
        var onSite = artists.Count == 0 ? [] : (await db.Users.AsNoTracking().OnSite().Where(u => artists.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var visible = first.Where(w => onSite.Contains(w.ArtistId)).Select(w => w.Id).Take(count).ToList();
        if (visible.Count == count || first.Count < margin) return visible;
        Reads.Add("artists");
        return await Page(works, sort, after, matchesFirst: true).Take(count).Select(a => a.Id).ToListAsync(ct);
    }

    /// <summary>How <see cref="IdsAsync"/> read this instance's searches, in order ("postings", "walk", "window", "matches", "artists"): tests
    /// check the plans they meant to reach.</summary>
    internal List<string> Reads { get; } = [];

    /// <summary>Whether <see cref="IdsAsync"/> may read the postings (tests turn it off to reach the reads searches the postings
    /// cannot answer still take: an English category name, an artist's works).</summary>
    internal bool ReadsPostings { get; set; } = true;

    /// <summary>Whether <see cref="PlanAsync"/> counts how often the words and filters meet on the sample of works (tests turn it
    /// off to reach the reads the product of the shares chose: the postings' read that runs out of its budget).</summary>
    internal bool CountsOnSample { get; set; } = true;

    /// <summary>When set, the SQL of each of <see cref="PostingsAsync"/>'s reads is added to it: tests read its plan (the index that
    /// serves the sort's order).</summary>
    internal List<string>? PostingsSql { get; set; }

    /// <summary>A window wider than this share of all works costs about what every match costs: no window then.</summary>
    private const double MaxWindow = 0.25;

    /// <summary>The longest walk of the sort's index (works read, visible or not).</summary>
    private const double MaxWalk = 50_000;

    private async Task<List<Row>> CardsInOrderAsync(List<long> ids, CancellationToken ct)
    {
        var cards = await Public().Where(a => ids.Contains(a.Id)).Select(Projection).ToListAsync(ct);
        return cards.OrderBy(r => ids.IndexOf(r.Id)).ToList();
    }

    private async Task<(int Total, bool Capped)> CountAsync(IQueryable<Artwork> works, CatalogueQuery query, int? categoryId, CancellationToken ct)
    {
        var cap = query.IsListing ? int.MaxValue : CountCap;
        if (query.IsListing && query.Artist is null)
        {
            // Everything, or one category: the works per category the database keeps hold the total. At
            // 1,000,000 works a category's own count read its 120,000–300,000 works (3 s under load, issue 17).
            var counts = await WorksByCategoryAsync(ct);
            return (categoryId is { } id ? counts.GetValueOrDefault(id) : counts.Values.Sum(), false);
        }
        if (await cache.GetAsync(CountKey(query), ct) is { Length: sizeof(int) } cached)
        {
            var known = BinaryPrimitives.ReadInt32LittleEndian(cached);
            return (Math.Min(known, cap), known > cap);
        }
        // Counting stops one past the cap: "more than 100" needs no more rows than that. Once per
        // set of filters at a time (CatalogueTotals): others asking meanwhile await this count.
        var total = await totals.OnceAsync(CountKey(query), async () =>
        {
            var counted = cap == int.MaxValue ? await works.CountAsync(CancellationToken.None) : await works.Take(cap + 1).CountAsync(CancellationToken.None);
            await RememberCountAsync(query, counted, CancellationToken.None);
            return counted;
        });
        return (Math.Min(total, cap), total > cap);
    }

    // One entry per set of filters: the sort and the page do not change the total.
    private static string CountKey(CatalogueQuery query) => "posax-count:" + (query with { Sort = CatalogueSort.Recent, After = null }).Url();

    private async Task RememberCountAsync(CatalogueQuery query, int total, CancellationToken ct)
    {
        var value = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(value, total);
        await cache.SetAsync(CountKey(query), value, [PublicCache.CatalogueTag], cacheOptions.Value.Expiry, ct);
    }

    /// <summary>
    /// <see cref="CatalogueCategories.Listed"/>, kept in the output cache's store under the catalogue
    /// tag (a retired category is listed while it has works on the site, so any change evicts it):
    /// one query fewer on every catalogue page and search, out of three or four.
    /// </summary>
    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default)
    {
        const string key = "posax-categories";
        if (await cache.GetAsync(key, ct) is { } cached && JsonSerializer.Deserialize<Category[]>(cached) is { } known) return known;
        return await totals.OnceAsync(key, async () =>
        {
            var categories = await CatalogueCategories.Listed(db).AsNoTracking().ToArrayAsync(CancellationToken.None);
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(categories), [PublicCache.CatalogueTag], cacheOptions.Value.Expiry, CancellationToken.None);
            return categories;
        });
    }

    /// <summary>
    /// How many works each category has on the site (categories without any are absent): the catalogue's
    /// category chips, its "popular categories" and a category's total. The database keeps them
    /// (<see cref="CategoryWorkCount"/>, in the transaction of every change): a read of a row per category,
    /// where counting every public work took 0.3–1 s at 1,000,000 works after every start and every change.
    /// Kept like <see cref="CategoriesAsync"/> all the same: one query fewer on every catalogue page and search.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> WorksByCategoryAsync(CancellationToken ct = default) =>
        await KeptAsync("posax-works-by-category", () => db.CategoryWorkCounts.AsNoTracking().Where(c => c.Works > 0)
            .ToDictionaryAsync(c => c.CategoryId, c => c.Works, ct), ct);

    /// <summary>
    /// PostgreSQL only (trigrams): the category or artist name closest to a search that found nothing,
    /// for "Vouliez-vous dire…". Both tables are small; titles are not searched (no trigram index there).
    /// On English pages the categories' English names (resources, not the database) are candidates too.
    /// </summary>
    public async Task<string?> SpellingSuggestionAsync(string text, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return null;
        var folded = string.Join(' ', TextFolding.Terms(text));
        if (folded.Length < 3) return null;
        // Kept per language and folded text like the totals (a third of the random searches find nothing at 1,000,000
        // works; the same words come back with other filters): 6–9 ms of PostgreSQL each, issue 17.
        var names = await KeptAsync($"posax-suggestion:{Languages.Current}:{folded}", async () =>
        {
            var closest = await CatalogueCategories.Listed(db).Select(c => c.Name)
                .Concat(db.Users.OnSite().Select(u => u.DisplayName))
                // "%" (similarity above pg_trgm.similarity_threshold, 0.3) is what the artists' trigram index
                // serves: a computed similarity compared with 0.3 read all 50,000 artists (1.15 s, issue 17).
                .Where(name => EF.Functions.TrigramsAreSimilar(PosaXDbContext.Unaccent(name).ToLower(), folded))
                .OrderByDescending(name => EF.Functions.TrigramsSimilarity(PosaXDbContext.Unaccent(name).ToLower(), folded))
                .FirstOrDefaultAsync(ct);
            if (Languages.Current != Languages.English) return closest;
            // The English names are a dozen strings of the resources: weighed here with pg_trgm's notion in C#
            // (Trigrams), against the database's closest name weighed the same way, which leaves the query as it was.
            var english = (await CategoriesAsync(ct)).Select(c => CatalogueTexts.Categories.Name(c.Slug, c.Name))
                .Where(n => n.Lang is null).Select(n => n.Text).Distinct()
                .Select(n => (Name: n, Similarity: Trigrams.Similarity(TextFolding.Fold(n), folded)))
                .Where(n => n.Similarity >= Trigrams.SimilarityThreshold).OrderByDescending(n => n.Similarity).FirstOrDefault();
            return english.Name is not null && english.Similarity > (closest is null ? 0 : Trigrams.Similarity(TextFolding.Fold(closest), folded))
                ? english.Name : closest;
        }, ct);
        return names is not null && TextFolding.Terms(names).SequenceEqual(TextFolding.Terms(text)) ? null : names;
    }

    /// <summary>
    /// What <paramref name="read"/> returns, kept in the output cache's store under the catalogue tag
    /// (evicted by every change to a work, a category or an artist's public details, as the totals).
    /// </summary>
    private async Task<T> KeptAsync<T>(string key, Func<Task<T>> read, CancellationToken ct)
    {
        if (await cache.GetAsync(key, ct) is { } cached) return JsonSerializer.Deserialize<Kept<T>>(cached)!.Value;
        var value = await read();
        await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(new Kept<T>(value)), [PublicCache.CatalogueTag], cacheOptions.Value.Expiry, ct);
        return value;
    }

    private sealed record Kept<T>(T Value);

    /// <summary>The SQL of a page query (tests read its plan and check the keyset translation).</summary>
    internal async Task<string> PageSqlAsync(CatalogueQuery query, CancellationToken ct = default)
    {
        var filtered = await FilterAsync(query, ct);
        return Page(filtered.Works, filtered.Applied.Sort, Cursor.Decode(filtered.Applied.After, filtered.Applied.Sort), filtered.Plan != SearchPlan.Planner)
            .Take(PageSize + 1).Select(Projection).ToQueryString();
    }

    /// <summary>
    /// Saved-search alerts (Features/Subscriptions): the works matching a query's filters and text that
    /// were published in [<paramref name="since"/>, <paramref name="until"/>), newest first — up to
    /// <paramref name="count"/> of them, and how many in all. A category or artist the query names that
    /// is gone matches nothing (the catalogue would drop the filter and show everything).
    /// </summary>
    public async Task<(IReadOnlyList<ArtworkCard.Model> Works, int Total)> PublishedBetweenAsync(CatalogueQuery query, DateTime since, DateTime until,
        int count, CancellationToken ct = default)
    {
        var filtered = await FilterAsync(query with { After = null }, ct);
        (var works, var applied) = (filtered.Works, filtered.Applied);
        if (applied.Category != query.Category || applied.Artist != query.Artist) return ([], 0);
        works = works.Where(a => a.CreatedAt >= since && a.CreatedAt < until);
        var total = await works.CountAsync(ct);
        if (total == 0) return ([], 0);
        var rows = await Page(works, CatalogueSort.Recent, null).Take(count).Select(Projection).ToListAsync(ct);
        return (rows.Select(ToCard).ToList(), total);
    }

    /// <summary>The newest public works, for the home page.</summary>
    public async Task<IReadOnlyList<ArtworkCard.Model>> LatestAsync(int count, CancellationToken ct = default) =>
        (await Page(Public(), CatalogueSort.Recent, null).Take(count).Select(Projection).ToListAsync(ct)).Select(ToCard).ToList();

    /// <summary>
    /// The works an admin put "à la une" (/admin/oeuvres), on the site and with a photo, the most
    /// recently featured first: the home page's hero opens with them.
    /// </summary>
    public async Task<IReadOnlyList<ArtworkCard.Model>> FeaturedAsync(int count, CancellationToken ct = default) =>
        (await Public().Where(a => a.FeaturedAt != null && a.Images.Any())
            .OrderByDescending(a => a.FeaturedAt).ThenByDescending(a => a.Id)
            .Take(count).Select(Projection).ToListAsync(ct)).Select(ToCard).ToList();
    /// <summary>The cards of the given public works (any order; ids not on the site are left out): /favoris.</summary>
    public async Task<IReadOnlyList<ArtworkCard.Model>> CardsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? [] : (await Public().Where(a => ids.Contains(a.Id)).Select(Projection).ToListAsync(ct)).Select(ToCard).ToList();

    /// <summary>How many similar works a work page shows.</summary>
    public const int SimilarCount = 4;

    /// <summary>
    /// The "similar works" of a work page: up to <see cref="SimilarCount"/> other works of the same
    /// category or the same artist, newest first (only available ones when
    /// <paramref name="availableOnly"/>: a sold work offers what can still be bought).
    /// </summary>
    /// <remarks>
    /// Without a query of its own in almost every case (issue 17: it was a quarter of a cold work
    /// page's cost). The category's newest works are few and the same for every page of the
    /// category: they are kept in the output cache's store under the catalogue tag, like the
    /// totals (any change to a work evicts them after its commit, so a change shows at once). The
    /// artist's works can only be among the newest when the artist's newest other work is at least
    /// as recent as the last of the category's: the page's own query reads that date
    /// (<paramref name="artistsNewestOther"/>, null when the artist has no other such work), and
    /// only then are the artist's newest works read and merged (a new artist's fresh uploads).
    /// </remarks>
    public async Task<IReadOnlyList<ArtworkCard.Model>> SimilarAsync(long artworkId, int categoryId, Guid artistId, DateTime? artistsNewestOther,
        bool availableOnly = false, CancellationToken ct = default)
    {
        const int count = SimilarCount;
        var newest = await NewestInCategoryAsync(categoryId, availableOnly, ct);
        var similar = newest.Where(r => r.Id != artworkId).Take(count).ToList();
        if (artistsNewestOther is { } artistsNewest && (similar.Count < count || artistsNewest >= similar[^1].CreatedAt))
        {
            var works = Public().Where(a => a.ArtistId == artistId && a.Id != artworkId);
            if (availableOnly) works = works.Where(a => a.Status == ArtworkStatus.Available);
            var artists = await Page(works, CatalogueSort.Recent, null).Take(count).Select(Projection).ToListAsync(ct);
            similar = similar.Concat(artists).DistinctBy(r => r.Id)
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(count).ToList();
        }
        return similar.Select(ToCard).ToList();
    }

    /// <summary>
    /// The newest public works of a category (available ones only when <paramref name="availableOnly"/>),
    /// one more than a page shows (the page's own work may be among them): see <see cref="SimilarAsync"/>.
    /// </summary>
    private async Task<Row[]> NewestInCategoryAsync(int categoryId, bool availableOnly, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"posax-newest:{categoryId}:{(availableOnly ? "available" : "all")}");
        if (await cache.GetAsync(key, ct) is { } cached && JsonSerializer.Deserialize<Row[]>(cached) is { } known) return known;
        return await totals.OnceAsync(key, async () =>
        {
            var works = Public().Where(a => a.CategoryId == categoryId);
            if (availableOnly) works = works.Where(a => a.Status == ArtworkStatus.Available);
            var rows = await Page(works, CatalogueSort.Recent, null).Take(SimilarCount + 1).Select(Projection).ToArrayAsync(CancellationToken.None);
            // Not kept if a change was evicted since the request began (PageSnapshotStore.SetAsync):
            // these rows may predate it (a work hidden meanwhile); they serve this page only.
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(rows), [PublicCache.CatalogueTag], cacheOptions.Value.Expiry, CancellationToken.None);
            return rows;
        });
    }

    /// <summary>At most this many artists whose name is close to a search's words add their works to its matches: the closest ones.</summary>
    internal const int ArtistsMatchedByName = 20;

    /// <summary>
    /// PostgreSQL: the works whose search vector matches every word, or whose artist's name is close
    /// to the query. Misspelled artist names ("ngonno" for "Ngono"): a small indexed lookup first
    /// (trigram GIN index on lower(posax_unaccent(DisplayName))), so the works query stays a plain
    /// OR of two indexed conditions on Artworks (BitmapOr of the tsvector GIN index and the artist index).
    /// </summary>
    private async Task<(Func<IQueryable<Artwork>, IQueryable<Artwork>> Matches, IReadOnlyList<Guid> Artists)> TextMatchesAsync(string[] terms, SearchWords words,
        CancellationToken ct)
    {
        var folded = string.Join(' ', terms);
        // Kept per folded text (as the spelling suggestion): the same words come back with other filters.
        // The 20 closest names, ties by id: without an order, which 20 of a common name's matches were
        // kept depended on the table's physical order (and changed after an update or a VACUUM).
        var artists = await KeptAsync("posax-artists:" + folded, () => db.Users.AsNoTracking()
            .OnSite().Where(u => EF.Functions.TrigramsAreWordSimilar(folded, PosaXDbContext.Unaccent(u.DisplayName).ToLower()))
            .OrderByDescending(u => EF.Functions.TrigramsWordSimilarity(folded, PosaXDbContext.Unaccent(u.DisplayName).ToLower()))
            .ThenBy(u => u.Id)
            .Select(u => u.Id).Take(ArtistsMatchedByName).ToListAsync(ct), ct);
        var text = VectorMatches(words);
        return artists.Count == 0
            ? (works => works.Where(text), artists)
            : (works => works.Where(Or(text, a => artists.Contains(a.ArtistId))), artists);
    }

    /// <summary>
    /// PostgreSQL: the work's search vector matches the words (<c>plainto_tsquery</c>, every word) and each English
    /// category name or its French name (<c>to_tsquery</c> of <see cref="SearchWords.AlternativesTsQuery"/>).
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Artwork, bool>> VectorMatches(SearchWords words)
    {
        var plain = string.Join(' ', words.Plain);
        if (words.Alternatives.Count == 0)
            return a => EF.Property<NpgsqlTsVector>(a, PosaXDbContext.SearchVectorProperty).Matches(EF.Functions.PlainToTsQuery(SearchConfig, plain));
        var alternatives = words.AlternativesTsQuery();
        return words.Plain.Length == 0
            ? a => EF.Property<NpgsqlTsVector>(a, PosaXDbContext.SearchVectorProperty).Matches(EF.Functions.ToTsQuery(SearchConfig, alternatives))
            : a => EF.Property<NpgsqlTsVector>(a, PosaXDbContext.SearchVectorProperty)
                .Matches(EF.Functions.PlainToTsQuery(SearchConfig, plain).And(EF.Functions.ToTsQuery(SearchConfig, alternatives)));
    }

    /// <summary>
    /// Sort and keyset: the page after (key, id) costs what the first page costs. PostgreSQL gets a
    /// row-value comparison ((a, b) &lt; (x, y), index-friendly); EF's SQLite provider does not
    /// translate Npgsql's EF.Functions.LessThan(ValueTuple…), so SQLite gets the expanded form.
    /// </summary>
    /// <remarks>
    /// <paramref name="matchesFirst"/> (<see cref="PlanAsync"/>): the same order on
    /// expressions no index serves (greatest(x, minimum) is x), so PostgreSQL cannot walk the sort's
    /// index and reads the text's matches through the GIN index, then sorts them.
    /// </remarks>
    private IQueryable<Artwork> Page(IQueryable<Artwork> works, CatalogueSort sort, Cursor? after, bool matchesFirst = false)
    {
        var rowValues = db.Database.IsNpgsql();
        var (lowestPrice, earliest) = (long.MinValue, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
        switch (sort)
        {
            case CatalogueSort.PriceAscending:
                if (after is { } up)
                    works = rowValues
                        ? works.Where(a => EF.Functions.GreaterThan(ValueTuple.Create(a.Price, a.Id), ValueTuple.Create(up.Key, up.Id)))
                        : works.Where(a => a.Price > up.Key || (a.Price == up.Key && a.Id > up.Id));
                return matchesFirst
                    ? works.OrderBy(a => EF.Functions.Greatest(a.Price, lowestPrice)).ThenBy(a => a.Id)
                    : works.OrderBy(a => a.Price).ThenBy(a => a.Id);
            case CatalogueSort.PriceDescending:
                if (after is { } down)
                    works = rowValues
                        ? works.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.Price, a.Id), ValueTuple.Create(down.Key, down.Id)))
                        : works.Where(a => a.Price < down.Key || (a.Price == down.Key && a.Id < down.Id));
                return matchesFirst
                    ? works.OrderByDescending(a => EF.Functions.Greatest(a.Price, lowestPrice)).ThenByDescending(a => a.Id)
                    : works.OrderByDescending(a => a.Price).ThenByDescending(a => a.Id);
            default:
                if (after is { } recent)
                {
                    var createdAt = new DateTime(recent.Key, DateTimeKind.Utc);
                    works = rowValues
                        ? works.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.CreatedAt, a.Id), ValueTuple.Create(createdAt, recent.Id)))
                        : works.Where(a => a.CreatedAt < createdAt || (a.CreatedAt == createdAt && a.Id < recent.Id));
                }
                return matchesFirst
                    ? works.OrderByDescending(a => EF.Functions.Greatest(a.CreatedAt, earliest)).ThenByDescending(a => a.Id)
                    : works.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        }
    }

    private sealed record Row(long Id, string Slug, string Title, string ArtistName, long Price, ArtworkStatus Status, DateTime CreatedAt,
        double HeightCm, double WidthCm, double? DepthCm, string? CoverKey, string? CoverWidths, int? CoverWidth, int? CoverHeight,
        string? TitleEn);

    // The cover as scalar subqueries: each is one lookup in the (ArtworkId, Position) index for the
    // page's rows, where a joined "first image" becomes a window function over every image.
    private static readonly System.Linq.Expressions.Expression<Func<Artwork, Row>> Projection = a => new Row(
        a.Id, a.Slug, a.Title, a.Artist.DisplayName, a.Price, a.Status, a.CreatedAt, a.HeightCm, a.WidthCm, a.DepthCm,
        a.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(),
        a.Images.OrderBy(i => i.Position).Select(i => i.Widths).FirstOrDefault(),
        a.Images.OrderBy(i => i.Position).Select(i => (int?)i.Width).FirstOrDefault(),
        a.Images.OrderBy(i => i.Position).Select(i => (int?)i.Height).FirstOrDefault(),
        a.TitleEn);

    private static ArtworkCard.Model ToCard(Row row) => new(
        row.Id, row.Slug, row.Title, row.ArtistName, row.Price, row.Status,
        row.CoverKey, row.CoverWidths is null ? [] : ParseWidths(row.CoverWidths), row.CoverWidth ?? 0, row.CoverHeight ?? 0,
        row.HeightCm, row.WidthCm, row.DepthCm, row.TitleEn);

    public static int[] ParseWidths(string widths) =>
        widths.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0).Order().ToArray();

    /// <summary>The position after which the next page starts: (sort key, id), as an opaque URL-safe token.</summary>
    private readonly record struct Cursor(long Key, long Id)
    {
        public static string Encode(CatalogueSort sort, long key, long id) =>
            WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(int)sort}.{key}.{id}")));

        /// <summary>Null when absent, damaged, or made for another sort.</summary>
        public static Cursor? Decode(string? token, CatalogueSort sort)
        {
            if (string.IsNullOrEmpty(token)) return null;
            try
            {
                var parts = Encoding.ASCII.GetString(WebEncoders.Base64UrlDecode(token)).Split('.');
                if (parts.Length != 3
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s != (int)sort
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
                if (sort == CatalogueSort.Recent && key > DateTime.MaxValue.Ticks) return null;
                return new Cursor(key, id);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
