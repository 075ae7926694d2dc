using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Buffers.Binary;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
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
public sealed class ArtworkSearch(PosaXDbContext db, IOutputCacheStore cache, IOptions<PublicCacheOptions> cacheOptions, CatalogueTotals totals)
{
    public const int PageSize = 24;
    private const string SearchConfig = "posax_fr";
    /// <summary>A search's total is exact up to this many works; past it the page says "plus de 100 œuvres".</summary>
    public const int CountCap = 100;

    /// <summary>Works anyone may see: not hidden by moderation, by an activated artist.</summary>
    public IQueryable<Artwork> Public() =>
        db.Artworks.AsNoTracking().OnSite();

    private async Task<(IQueryable<Artwork> Works, CatalogueQuery Applied, bool MatchesFirst)> FilterAsync(CatalogueQuery query, CancellationToken ct)
    {
        var matchesFirst = false;
        var terms = TextFolding.Terms(query.Text);
        var works = Public();

        // Unknown slugs are dropped (see CatalogueQuery), so the applied query is what the page shows.
        if (query.Category is not null)
        {
            var categoryId = await db.Categories.Where(c => c.Slug == query.Category).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (categoryId is { } id) works = works.Where(a => a.CategoryId == id);
            else query = query with { Category = null };
        }
        if (query.Artist is not null)
        {
            var artistId = await db.Users.OnSite().Where(u => u.Slug == query.Artist).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (artistId is { } id) works = works.Where(a => a.ArtistId == id);
            else query = query with { Artist = null };
        }
        if (query.MinPrice is { } min) works = works.Where(a => a.Price >= min);
        if (query.MaxPrice is { } max) works = works.Where(a => a.Price <= max);
        if (query.Size is { } size) works = works.Where(a => a.SizeClass == size);
        if (query.Orientation is { } orientation) works = works.Where(a => a.Orientation == orientation);
        if (query.AvailableOnly) works = works.Where(a => a.Status == ArtworkStatus.Available);

        if (terms.Length == 0) query = query with { Text = null };
        else if (db.Database.IsNpgsql())
        {
            works = await TextMatchesAsync(works, terms, ct);
            // An artist's works are few: the (artist, date) index serves them whatever the words.
            matchesFirst = query.Artist is null && await MatchesFirstAsync(terms, query, ct);
        }
        else
        {
            // Every folded word, as a substring of SearchText. Folded terms are letters and digits
            // only: nothing to escape for LIKE.
            foreach (var term in terms)
            {
                var pattern = "%" + term + "%";
                works = works.Where(a => EF.Functions.Like(a.SearchText, pattern));
            }
        }
        return (works, query, matchesFirst);
    }

    /// <summary>
    /// Works at which a search's estimated matches are compared (1,000,000 in issue 17's bench).
    /// </summary>
    private const double MatchesFirstFactor = CountCap + 1;

    /// <summary>
    /// PostgreSQL: whether to read the text's matches first (GIN index, then filters and sort on
    /// them) rather than walk the sort's own index and test each work. The planner chooses by
    /// assuming words and filters independent; in a real catalogue they are not (a word rare in
    /// the category asked for): at 1,000,000 works it walked 300,000 works of a category for
    /// "guerrier" (0 found, 911 ms) and 120,000 for "visages" with size, orientation and price (338 ms),
    /// where the matches first take 10–40 ms. The costs compared: reading the matches is about
    /// their number m; walking the sort's index until 101 pass is about 101 × N / (m × s), s the
    /// filters' selectivity. So matches first when m² × s &lt; 101 × N. m comes from PostgreSQL's own
    /// statistics of the search vector (the most common lexemes and their frequencies), s from the
    /// filters' typical shares. Two common words seldom together ("marché perles": each in 10% of
    /// the works) walked 1–2.5 s with the rarest word's share as m; their product is PostgreSQL's
    /// estimate too: an error then costs at most reading the rarer word's matches.
    /// Results are the same either way: only the order of the work changes.
    /// </summary>
    private async Task<bool> MatchesFirstAsync(string[] terms, CatalogueQuery query, CancellationToken ct)
    {
        var folded = string.Join(' ', terms);
        // (works in the table, the estimated share of works holding every lexeme): the product of their
        // shares, as PostgreSQL estimates an AND; a lexeme not among the most common counts as half the
        // rarest of them, as PostgreSQL counts it.
        var estimate = await db.Database.SqlQuery<MatchEstimate>($"""
            WITH common AS (
                SELECT m.e, m.freq
                FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS m(e, freq)
                WHERE s.schemaname = current_schema() AND s.tablename = 'Artworks' AND s.attname = 'SearchVector' AND m.e IS NOT NULL
            )
            SELECT (SELECT greatest(c.reltuples, 0)::float8 FROM pg_class c WHERE c.oid = '"Artworks"'::regclass) AS "Works",
                   coalesce(exp(sum(ln(greatest(coalesce(f.freq, (SELECT min(freq) / 2 FROM common), 0), 1e-9)))), 0)::float8 AS "Share"
            FROM unnest(tsvector_to_array(to_tsvector('posax_fr', {folded}))) AS l(lexeme)
            LEFT JOIN common AS f ON f.e = l.lexeme
            """).SingleAsync(ct);
        var works = Math.Max(estimate.Works, 1);
        var matches = estimate.Share * works;
        var selectivity = 1.0;
        if (query.Category is not null) selectivity *= 0.1;
        if (query.MinPrice is not null && query.MaxPrice is not null) selectivity *= 0.3;
        else if (query.MinPrice is not null || query.MaxPrice is not null) selectivity *= 0.5;
        if (query.Size is not null) selectivity /= 3;
        if (query.Orientation is not null) selectivity /= 3;
        if (query.AvailableOnly) selectivity *= 0.5;
        return matches * matches * selectivity < MatchesFirstFactor * works;
    }

    private sealed record MatchEstimate(double Works, double Share);

    public async Task<CataloguePage> SearchAsync(CatalogueQuery query, int pageSize = PageSize, CancellationToken ct = default)
    {
        (var works, query, var matchesFirst) = await FilterAsync(query, ct);
        var cursor = Cursor.Decode(query.After, query.Sort);
        if (cursor is null) query = query with { After = null };
        List<Row> rows;
        int total;
        bool capped;
        if (cursor is null && !query.IsListing)
        {
            // A search's first page and its total (up to the cap) from one walk: the ids of the
            // first CountCap + 1 matches in order, then the cards of the page's ones by id.
            var ids = await Page(works, query.Sort, null, matchesFirst).Take(CountCap + 1).Select(a => a.Id).ToListAsync(ct);
            (total, capped) = (Math.Min(ids.Count, CountCap), ids.Count > CountCap);
            await RememberCountAsync(query, ids.Count, ct);
            var pageIds = ids.Take(pageSize + 1).ToList();
            var cards = await Public().Where(a => pageIds.Contains(a.Id)).Select(Projection).ToListAsync(ct);
            rows = cards.OrderBy(r => pageIds.IndexOf(r.Id)).ToList();
        }
        else
        {
            rows = await Page(works, query.Sort, cursor, matchesFirst).Take(pageSize + 1).Select(Projection).ToListAsync(ct);
            // A first page that is not full holds every match: nothing left to count.
            (total, capped) = cursor is null && rows.Count <= pageSize ? (rows.Count, false) : await CountAsync(works, query, ct);
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

    private async Task<(int Total, bool Capped)> CountAsync(IQueryable<Artwork> works, CatalogueQuery query, CancellationToken ct)
    {
        var cap = query.IsListing ? int.MaxValue : CountCap;
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
    /// How many works each category has on the site (categories without any are absent), kept like
    /// <see cref="CategoriesAsync"/>: the catalogue's category chips and its "popular categories".
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> WorksByCategoryAsync(CancellationToken ct = default)
    {
        const string key = "posax-works-by-category";
        if (await cache.GetAsync(key, ct) is { } cached && JsonSerializer.Deserialize<Dictionary<int, int>>(cached) is { } known) return known;
        // Every public work is read (0.3–1 s at 1,000,000): once at a time (CatalogueTotals).
        return await totals.OnceAsync(key, async () =>
        {
            var counts = await Public().GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, CancellationToken.None);
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(counts), [PublicCache.CatalogueTag], cacheOptions.Value.Expiry, CancellationToken.None);
            return counts;
        });
    }

    /// <summary>
    /// PostgreSQL only (trigrams): the category or artist name closest to a search that found nothing,
    /// for "Vouliez-vous dire…". Both tables are small; titles are not searched (no trigram index there).
    /// </summary>
    public async Task<string?> SpellingSuggestionAsync(string text, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return null;
        var folded = string.Join(' ', TextFolding.Terms(text));
        if (folded.Length < 3) return null;
        var names = await CatalogueCategories.Listed(db).Select(c => c.Name)
            .Concat(db.Users.OnSite().Select(u => u.DisplayName))
            // "%" (similarity above pg_trgm.similarity_threshold, 0.3) is what the artists' trigram index
            // serves: a computed similarity compared with 0.3 read all 50,000 artists (1.15 s, issue 17).
            .Where(name => EF.Functions.TrigramsAreSimilar(PosaXDbContext.Unaccent(name).ToLower(), folded))
            .OrderByDescending(name => EF.Functions.TrigramsSimilarity(PosaXDbContext.Unaccent(name).ToLower(), folded))
            .FirstOrDefaultAsync(ct);
        return names is not null && TextFolding.Terms(names).SequenceEqual(TextFolding.Terms(text)) ? null : names;
    }

    /// <summary>The SQL of a page query (tests read its plan and check the keyset translation).</summary>
    internal async Task<string> PageSqlAsync(CatalogueQuery query, CancellationToken ct = default)
    {
        (var works, query, var matchesFirst) = await FilterAsync(query, ct);
        return Page(works, query.Sort, Cursor.Decode(query.After, query.Sort), matchesFirst).Take(PageSize + 1).Select(Projection).ToQueryString();
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
        (var works, var applied, _) = await FilterAsync(query with { After = null }, ct);
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
            var readAt = DateTime.UtcNow.Ticks;
            var rows = await Page(works, CatalogueSort.Recent, null).Take(SimilarCount + 1).Select(Projection).ToArrayAsync(CancellationToken.None);
            // A change committed while the rows were read has already been evicted: these rows may
            // predate it (a work hidden meanwhile), so they serve this page but are not kept.
            if (cache is not PageSnapshotStore store || !store.EvictedSince(PublicCache.CatalogueTag, readAt))
                await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(rows), [PublicCache.CatalogueTag], cacheOptions.Value.Expiry, CancellationToken.None);
            return rows;
        });
    }

    /// <summary>
    /// PostgreSQL: the works whose search vector matches every word, or whose artist's name is close
    /// to the query. Misspelled artist names ("ngonno" for "Ngono"): a small indexed lookup first
    /// (trigram GIN index on lower(posax_unaccent(DisplayName))), so the works query stays a plain
    /// OR of two indexed conditions on Artworks (BitmapOr of the tsvector GIN index and the artist index).
    /// </summary>
    private async Task<IQueryable<Artwork>> TextMatchesAsync(IQueryable<Artwork> works, string[] terms, CancellationToken ct)
    {
        var folded = string.Join(' ', terms);
        var artists = await db.Users.AsNoTracking()
            .OnSite().Where(u => EF.Functions.TrigramsAreWordSimilar(folded, PosaXDbContext.Unaccent(u.DisplayName).ToLower()))
            .Select(u => u.Id).Take(20).ToListAsync(ct);
        return artists.Count == 0
            ? works.Where(a => EF.Property<NpgsqlTsVector>(a, PosaXDbContext.SearchVectorProperty).Matches(EF.Functions.PlainToTsQuery(SearchConfig, folded)))
            : works.Where(a => EF.Property<NpgsqlTsVector>(a, PosaXDbContext.SearchVectorProperty).Matches(EF.Functions.PlainToTsQuery(SearchConfig, folded))
                || artists.Contains(a.ArtistId));
    }

    /// <summary>
    /// Sort and keyset: the page after (key, id) costs what the first page costs. PostgreSQL gets a
    /// row-value comparison ((a, b) &lt; (x, y), index-friendly); EF's SQLite provider does not
    /// translate Npgsql's EF.Functions.LessThan(ValueTuple…), so SQLite gets the expanded form.
    /// </summary>
    /// <remarks>
    /// <paramref name="matchesFirst"/> (<see cref="MatchesFirstAsync"/>): the same order on
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
