using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Seo;

/// <summary>
/// A sitemap child's block: block n of a column's index holds the keys [n × size, (n + 1) × size) — works by id,
/// artists by <see cref="Data.Artist.SitemapNumberProperty"/>. One rule for both: a block below 0 or past the last
/// key of the table is unknown (404), a block up to it answers 200, even empty (its items may all be hidden now,
/// and a crawler that still holds its URL learns it is empty rather than gone).
/// </summary>
public readonly record struct SitemapBlock(long From, long To)
{
    /// <summary>Block <paramref name="number"/> of <paramref name="size"/> keys, or null when it is past <paramref name="lastKey"/> (null: an empty table).</summary>
    public static SitemapBlock? Of(int number, int size, long? lastKey)
    {
        long from = (long)number * size;
        return number < 0 || lastKey is null || from > lastKey ? null : new SitemapBlock(from, from + size);
    }

    /// <summary>
    /// The block numbers 0 to <paramref name="last"/> as a query to compose on (a column "Value"): the index asks each
    /// one about its range in the same statement. The only SQL of its own here: a number series, per provider.
    /// </summary>
    public static IQueryable<long> Numbers(PosaXDbContext db, long last) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT n AS \"Value\" FROM generate_series(0::bigint, {last}) AS n")
        : db.Database.SqlQuery<long>($"WITH RECURSIVE n(\"Value\") AS (SELECT 0 UNION ALL SELECT \"Value\" + 1 FROM n WHERE \"Value\" < {last}) SELECT \"Value\" FROM n");
}
