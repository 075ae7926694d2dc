using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// PostgreSQL only: what PostgreSQL's own statistics of the works say (<c>pg_stats</c>, kept by
/// ANALYZE): how many works, the share of works holding each common lexeme, and how the dates and
/// prices are spread. <see cref="ArtworkSearch"/> sizes a search's windows with them (issue 17).
/// Read once per database every few minutes rather than on every search (a search read
/// <c>pg_stats</c> each time: 93 buffers and 1.1 ms of PostgreSQL under load at 1,000,000 works).
/// </summary>
/// <remarks>
/// Only the cost of a search depends on these figures, never its result: a stale or missing
/// statistic makes a window too wide (slower) or too narrow (one more query), nothing else.
/// </remarks>
public sealed class SearchStatistics
{
    /// <summary>How long one reading serves (ANALYZE runs far less often).</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTime ReadAt, Task<Snapshot> Task)> _byDatabase = new(StringComparer.Ordinal);

    /// <summary>The works' statistics of <paramref name="db"/>'s database (read at most every five minutes).</summary>
    public Task<Snapshot> GetAsync(PosaXDbContext db)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var now = DateTime.UtcNow;
        if (_byDatabase.TryGetValue(key, out var known) && now - known.ReadAt < Lifetime && !known.Task.IsFaulted) return known.Task;
        // Another request may read them at the same moment: both get a reading, the last one is kept.
        var reading = ReadAsync(db);
        _byDatabase[key] = (now, reading);
        return reading;
    }

    /// <summary>Read the statistics again on the next search (after an ANALYZE that must count at once: tests).</summary>
    public void Forget() => _byDatabase.Clear();

    private static async Task<Snapshot> ReadAsync(PosaXDbContext db)
    {
        var rows = await db.Database.SqlQuery<StatisticRow>($"""
            SELECT 'works' AS "Kind", NULL::text AS "Lexeme", greatest(c.reltuples, 0)::float8 AS "Value", 0::float8 AS "Freq"
            FROM pg_class c WHERE c.oid = '"Artworks"'::regclass
            UNION ALL
            SELECT 'lexeme', m.e, 0, m.freq
            FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS m(e, freq)
            WHERE s.schemaname = current_schema() AND s.tablename = 'Artworks' AND s.attname = 'SearchVector' AND m.e IS NOT NULL
            UNION ALL
            SELECT 'price-mcv', NULL, v::float8, f
            FROM pg_stats s, unnest(s.most_common_vals::text::int8[], s.most_common_freqs) AS m(v, f)
            WHERE s.schemaname = current_schema() AND s.tablename = 'Artworks' AND s.attname = 'Price'
            UNION ALL
            SELECT 'price-bound', NULL, v::float8, 0
            FROM pg_stats s, unnest(s.histogram_bounds::text::int8[]) AS b(v)
            WHERE s.schemaname = current_schema() AND s.tablename = 'Artworks' AND s.attname = 'Price'
            UNION ALL
            SELECT 'date-mcv', NULL, extract(epoch FROM v)::float8, f
            FROM pg_stats s, unnest(s.most_common_vals::text::timestamptz[], s.most_common_freqs) AS m(v, f)
            WHERE s.schemaname = current_schema() AND s.tablename = 'Artworks' AND s.attname = 'CreatedAt'
            UNION ALL
            SELECT 'date-bound', NULL, extract(epoch FROM v)::float8, 0
            FROM pg_stats s, unnest(s.histogram_bounds::text::timestamptz[]) AS b(v)
            WHERE s.schemaname = current_schema() AND s.tablename = 'Artworks' AND s.attname = 'CreatedAt'
            """).ToListAsync(CancellationToken.None);
        Distribution Spread(string name) => new(
            rows.Where(r => r.Kind == name + "-mcv").Select(r => (r.Value, r.Freq)).OrderBy(p => p.Value).ToArray(),
            rows.Where(r => r.Kind == name + "-bound").Select(r => r.Value).Order().ToArray());
        var lexemes = rows.Where(r => r.Kind == "lexeme" && r.Lexeme is not null)
            .GroupBy(r => r.Lexeme!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Freq, StringComparer.Ordinal);
        return new Snapshot(rows.Where(r => r.Kind == "works").Select(r => r.Value).FirstOrDefault(), lexemes, Spread("price"), Spread("date"),
            await WorkSample.ReadAsync(db));
    }

    private sealed record StatisticRow(string Kind, string? Lexeme, double Value, double Freq);

    /// <param name="Works">Works in the table (pg_class.reltuples).</param>
    /// <param name="Lexemes">The share of works holding each of the search vector's most common lexemes.</param>
    /// <param name="Sample">Works drawn at random, to count how often words and filters meet (<see cref="WorkSample"/>).</param>
    public sealed record Snapshot(double Works, IReadOnlyDictionary<string, double> Lexemes, Distribution Prices, Distribution Dates, WorkSample Sample)
    {
        /// <summary>
        /// The estimated share of works holding every lexeme: the product of their shares, as PostgreSQL
        /// estimates an AND; a lexeme not among the most common counts as half the rarest of them, as
        /// PostgreSQL counts it (no statistics at all: 0, "few").
        /// </summary>
        public double Share(IEnumerable<string> lexemes)
        {
            var rarest = Lexemes.Count == 0 ? 0 : Lexemes.Values.Min() / 2;
            return lexemes.Aggregate(1.0, (share, lexeme) => share * Math.Max(Lexemes.TryGetValue(lexeme, out var f) ? f : rarest, 1e-9));
        }

        /// <summary>The sum of the lexemes' shares: how long their posting lists in the GIN index are, per work.</summary>
        public double ShareSum(IEnumerable<string> lexemes)
        {
            var rarest = Lexemes.Count == 0 ? 0 : Lexemes.Values.Min() / 2;
            return lexemes.Sum(lexeme => Lexemes.TryGetValue(lexeme, out var f) ? f : rarest);
        }
    }

    /// <summary>
    /// Works drawn at random (<see cref="Size"/> ids between the smallest and the largest, the hidden ones left out), with
    /// their lexemes and the columns the catalogue filters on: how often a search's words and filters meet, counted on
    /// them. PostgreSQL's statistics hold each word's share alone, and their product is far off for words that go
    /// together or apart in a real catalogue (issue 17, 1,000,000 works: "bois perles" in beadwork, 939 works by the
    /// product, 19,514 in fact; "huile coton", a tenth of the product).
    /// </summary>
    /// <remarks>Read with the rest of the statistics (20,000 ids: ≈ 60 ms of PostgreSQL at 1,000,000 works, whatever the
    /// catalogue's size) and held in memory: for each lexeme in enough sampled works to count, the list of them.</remarks>
    public sealed class WorkSample
    {
        /// <summary>Ids drawn (the same id twice counts once).</summary>
        public const int Size = 20_000;

        /// <summary>Fewer sampled works than this meeting a search say only "few" (a share known to ±35% at best).</summary>
        public const int MinHits = 8;

        private readonly SampledWork[] _works;
        private readonly Dictionary<string, int[]> _worksByLexeme;

        private WorkSample(SampledWork[] works, Dictionary<string, int[]> worksByLexeme) => (_works, _worksByLexeme) = (works, worksByLexeme);

        /// <summary>The works sampled.</summary>
        public int Count => _works.Length;

        public readonly record struct SampledWork(int CategoryId, long Price, ArtworkStatus Status, Orientation Orientation, SizeClass Size);

        /// <summary>
        /// The share of works holding every one of <paramref name="lexemes"/> (none: every work) that <paramref name="passes"/>,
        /// as the sample counts it; null when fewer than <see cref="MinHits"/> sampled works do: then it is at most
        /// <see cref="MinHits"/> in <see cref="Count"/>, no more is known.
        /// </summary>
        public double? Share(IReadOnlyCollection<string> lexemes, Func<SampledWork, bool> passes)
        {
            if (_works.Length == 0) return null;
            IEnumerable<int> holding;
            if (lexemes.Count == 0) holding = Enumerable.Range(0, _works.Length);
            else
            {
                var lists = new List<int[]>(lexemes.Count);
                foreach (var lexeme in lexemes.Distinct())
                {
                    if (!_worksByLexeme.TryGetValue(lexeme, out var list)) return null;
                    lists.Add(list);
                }
                lists.Sort((a, b) => a.Length.CompareTo(b.Length));
                // The shortest list, each of its works looked for in the others (sorted: a binary search).
                holding = lists[0].Where(work => lists.Skip(1).All(other => Array.BinarySearch(other, work) >= 0));
            }
            var hits = holding.Count(work => passes(_works[work]));
            return hits < MinHits ? null : (double)hits / _works.Length;
        }

        internal static async Task<WorkSample> ReadAsync(PosaXDbContext db)
        {
            var works = new List<SampledWork>(Size);
            var byLexeme = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var lookup = byLexeme.GetAlternateLookup<ReadOnlySpan<char>>();
            // Read row by row, the lexemes as one string, looked up by span: a lexeme's string is made once, not once a
            // work (≈ 700,000 of them at 1,000,000 works, for ≈ 30,000 distinct).
            await foreach (var row in db.Database.SqlQuery<SampleRow>($"""
                SELECT a."CategoryId", a."Price", a."Status", a."Orientation", a."SizeClass",
                       array_to_string(tsvector_to_array(a."SearchVector"), ' ') AS "Lexemes"
                FROM (SELECT DISTINCT b.low + floor(random() * (b.high - b.low + 1))::bigint AS "Id"
                      FROM (SELECT min("Id") AS low, max("Id") AS high FROM "Artworks") AS b, generate_series(1, {Size})
                      WHERE b.low IS NOT NULL) AS drawn
                JOIN "Artworks" AS a ON a."Id" = drawn."Id"
                WHERE a."HiddenAt" IS NULL
                """).AsAsyncEnumerable())
            {
                var index = works.Count;
                works.Add(new SampledWork(row.CategoryId, row.Price, (ArtworkStatus)row.Status, (Orientation)row.Orientation, (SizeClass)row.SizeClass));
                var lexemes = (row.Lexemes ?? "").AsSpan();
                foreach (var range in lexemes.Split(' '))
                {
                    var lexeme = lexemes[range];
                    if (lexeme.IsEmpty) continue;
                    if (!lookup.TryGetValue(lexeme, out var list)) lookup[lexeme] = list = [];
                    list.Add(index);
                }
            }
            // A lexeme in fewer sampled works than MinHits never counts (Share says "few" whatever the rest): not kept.
            return new WorkSample(works.ToArray(), byLexeme.Where(p => p.Value.Count >= MinHits)
                .ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        }

        private sealed record SampleRow(int CategoryId, long Price, int Status, int Orientation, int SizeClass, string? Lexemes);
    }

    /// <summary>
    /// A column's spread as pg_stats gives it: its most common values with their shares, and the
    /// bounds of equally filled buckets for the rest.
    /// </summary>
    public sealed class Distribution((double Value, double Share)[] common, double[] bounds)
    {
        private readonly double _rest = bounds.Length >= 2 ? Math.Max(0, 1 - common.Sum(c => c.Share)) : 0;

        /// <summary>Nothing known (no ANALYZE yet): no window can be sized.</summary>
        public bool IsEmpty => bounds.Length < 2 && common.Length == 0;

        /// <summary>The estimated share of works whose value is at most <paramref name="value"/>.</summary>
        public double AtMost(double value)
        {
            var share = 0.0;
            foreach (var (v, s) in common) if (v <= value) share += s;
            if (bounds.Length >= 2 && value >= bounds[0])
            {
                var buckets = bounds.Length - 1;
                if (value >= bounds[^1]) share += _rest;
                else
                {
                    var i = Array.BinarySearch(bounds, value);
                    if (i < 0) i = ~i - 1;
                    i = Math.Clamp(i, 0, buckets - 1);
                    var width = bounds[i + 1] - bounds[i];
                    var within = width > 0 ? (value - bounds[i]) / width : 1;
                    share += _rest * (i + within) / buckets;
                }
            }
            return Math.Clamp(share, 0, 1);
        }

        /// <summary>The value below which about <paramref name="share"/> of the works lie (bisection of <see cref="AtMost"/>).</summary>
        public double ValueAt(double share)
        {
            var values = common.Select(c => c.Value).Concat(bounds).ToArray();
            if (values.Length == 0) return 0;
            var (low, high) = (values.Min(), values.Max());
            for (var i = 0; i < 64 && high - low > 1e-6; i++)
            {
                var middle = (low + high) / 2;
                if (AtMost(middle) >= share) high = middle; else low = middle;
            }
            return high;
        }
    }
}
