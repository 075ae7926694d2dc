using System.Data;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// The works per category the database keeps (<see cref="CategoryWorkCount"/>, by triggers) stay what
/// counting every work on the site gives, through every change that moves a work in or out of a
/// category's count: a new work, hidden by moderation and shown again, moved to another category, its
/// artist suspended and restored, a bulk update, a work deleted, its artist deleted.
/// </summary>
public class CategoryWorkCountTests(DatabaseProvider provider) : AppTest(provider)
{
    /// <summary>
    /// Every trigger the migrations create is still there once all of them have run. On SQLite, a later migration
    /// that rebuilds a table (EF does it for most column changes: a new table, a copy, a rename) drops that table's
    /// triggers without a word, and the counts would silently drift from then on: such a migration must create
    /// them again (see migration CategoryWorkCounts).
    /// </summary>
    [Test]
    public async Task Every_trigger_the_migrations_create_outlives_the_later_migrations()
    {
        var triggers = await App.WithDbAsync(db => Provider == DatabaseProvider.Sqlite
            ? db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync()
            : db.Database.SqlQuery<string>($"""
                SELECT t.tgname AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
                """).ToListAsync());
        string[] counts = ["Artworks_CountDelete", "Artworks_CountInsert", "Artworks_CountUpdate", "AspNetUsers_CountWorks", "AspNetUsers_DeleteWorks"];
        // On PostgreSQL the sitemap number is an identity column; SQLite sets it from the rowid by a trigger.
        // PostgreSQL alone keeps the search postings (SearchPostingTests).
        string[] postings = ["Artworks_PostingsDelete", "Artworks_PostingsInsert", "Artworks_PostingsUpdate", "AspNetUsers_Postings"];
        Assert.That(triggers.Order(), Is.EqualTo(Provider == DatabaseProvider.Sqlite
            ? counts.Append("AspNetUsers_SitemapNumber").Order()
            : counts.Concat(postings).Order()));
    }

    [Test]
    public async Task The_kept_works_per_category_stay_what_a_full_count_gives_through_every_change()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Compte " + word);
        client.Dispose();
        var artistId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var painting = await SeedArtworks.CreateAsync(App, email, $"Compte {word} 1", images: 0);
        var sculpture = await SeedArtworks.CreateAsync(App, email, $"Compte {word} 2", category: "sculpture", images: 0);
        await SeedArtworks.CreateAsync(App, email, $"Compte {word} 3", images: 0);
        var before = await KeptAsync();
        await AssertNoDriftAsync("three new works");

        await ChangeAsync(db => db.Artworks.Where(a => a.Id == painting), a => a.HiddenAt = DateTime.UtcNow);
        await AssertNoDriftAsync("a work hidden");
        await ChangeAsync(db => db.Artworks.Where(a => a.Id == painting), a => a.HiddenAt = null);
        await AssertNoDriftAsync("shown again");
        var ceramicsId = await App.WithDbAsync(db => db.Categories.Where(c => c.Slug == "ceramique").Select(c => c.Id).SingleAsync());
        await ChangeAsync(db => db.Artworks.Where(a => a.Id == sculpture), a => a.CategoryId = ceramicsId);
        await AssertNoDriftAsync("moved to another category");
        await ChangeAsync(db => db.Users.Where(u => u.Id == artistId), u => u.SuspendedAt = DateTime.UtcNow);
        await AssertNoDriftAsync("its artist suspended");
        await ChangeAsync(db => db.Users.Where(u => u.Id == artistId), u => u.SuspendedAt = null);
        await AssertNoDriftAsync("its artist restored");
        await App.WithDbAsync(db => db.Artworks.Where(a => a.ArtistId == artistId).ExecuteUpdateAsync(u => u.SetProperty(a => a.HiddenAt, DateTime.UtcNow)));
        await AssertNoDriftAsync("a bulk update the change tracker never sees");
        await App.WithDbAsync(db => db.Artworks.Where(a => a.ArtistId == artistId).ExecuteUpdateAsync(u => u.SetProperty(a => a.HiddenAt, (DateTime?)null)));
        await AssertNoDriftAsync("shown again in bulk");
        await App.WithDbAsync(async db =>
        {
            db.Artworks.Remove(await db.Artworks.SingleAsync(a => a.Id == painting));
            return await db.SaveChangesAsync();
        });
        await AssertNoDriftAsync("a work deleted");
        var during = await KeptAsync();
        await App.WithDbAsync(async db =>
        {
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == artistId));
            return await db.SaveChangesAsync();
        });
        await AssertNoDriftAsync("its artist deleted");
        Assert.That(await App.WithDbAsync(db => db.Artworks.CountAsync(a => a.ArtistId == artistId)), Is.Zero);

        // Not vacuous: the artist's works were counted (other tests change the counts at the same time,
        // so only a lower bound can be asserted).
        Assert.That(before.GetValueOrDefault(1), Is.GreaterThanOrEqualTo(2));
        Assert.That(during.GetValueOrDefault(ceramicsId), Is.GreaterThanOrEqualTo(1));
    }

    private Task<int> ChangeAsync<T>(Func<PosaXDbContext, IQueryable<T>> rows, Action<T> change) where T : class =>
        App.WithDbAsync(async db =>
        {
            change(await rows(db).SingleAsync());
            return await db.SaveChangesAsync();
        });

    private Task<Dictionary<int, int>> KeptAsync() =>
        App.WithDbAsync(db => db.CategoryWorkCounts.Where(c => c.Works != 0).ToDictionaryAsync(c => c.CategoryId, c => c.Works));

    /// <summary>The kept counts and a full count, read in one snapshot (other tests write meanwhile).</summary>
    private async Task AssertNoDriftAsync(string step)
    {
        var (kept, counted) = await App.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            var kept = await db.CategoryWorkCounts.Where(c => c.Works != 0).ToDictionaryAsync(c => c.CategoryId, c => c.Works);
            var counted = await db.Artworks.OnSite().GroupBy(a => a.CategoryId).Select(g => new { g.Key, Works = g.Count() })
                .ToDictionaryAsync(c => c.Key, c => c.Works);
            await transaction.CommitAsync();
            return (kept, counted);
        }));
        Assert.That(kept, Is.EquivalentTo(counted), step);
    }
}
