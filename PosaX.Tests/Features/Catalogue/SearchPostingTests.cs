using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// PostgreSQL only: the postings the database keeps (<see cref="SearchPosting"/>, by triggers) stay what the works
/// give (a row per lexeme of a work on the site by <see cref="PublicVisibility.OnSite(IQueryable{Artwork})"/>, with its
/// date, price and filters) through every change a search can see: new works, a new title, a new price, category,
/// status or size, hidden and shown again (one by one and in bulk), its artist suspended and restored, a work
/// deleted, its artist deleted. A change no search reads (the English description, a feature) rewrites none.
/// </summary>
public class SearchPostingTests : PostgresAppTest
{
    [Test]
    public async Task The_postings_stay_what_the_works_give_through_every_change()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Postings " + word);
        client.Dispose();
        var artistId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        long[] ids =
        [
            await SeedArtworks.CreateAsync(App, email, $"Masque {word} bronze", images: 0),
            await SeedArtworks.CreateAsync(App, email, $"Pirogue {word}", category: "sculpture", images: 0),
            await SeedArtworks.CreateAsync(App, email, $"Marché {word}", images: 0, hidden: true),
        ];
        var (first, second, hidden) = (ids[0], ids[1], ids[2]);
        await AssertNoDriftAsync(ids, "three new works, one hidden");
        Assert.That(await PostingsOfAsync(first), Is.GreaterThanOrEqualTo(3), "not vacuous: the first work has postings");
        Assert.That(await PostingsOfAsync(hidden), Is.Zero, "a hidden work has none");

        await ChangeAsync(first, a => a.Title = $"Statue {word} ébène");
        await AssertNoDriftAsync(ids, "a new title");
        await ChangeAsync(first, a => a.Price = 275_000);
        await AssertNoDriftAsync(ids, "a new price");
        var ceramics = await App.WithDbAsync(db => db.Categories.Where(c => c.Slug == "ceramique").Select(c => c.Id).SingleAsync());
        await ChangeAsync(second, a => a.CategoryId = ceramics);
        await AssertNoDriftAsync(ids, "another category");
        await ChangeAsync(second, a => { a.Status = ArtworkStatus.Sold; a.SizeClass = SizeClass.L; a.Orientation = Orientation.Square; });
        await AssertNoDriftAsync(ids, "sold, large, square");
        await ChangeAsync(hidden, a => a.HiddenAt = null);
        await AssertNoDriftAsync(ids, "shown again");
        await ChangeAsync(first, a => a.HiddenAt = DateTime.UtcNow);
        await AssertNoDriftAsync(ids, "hidden by moderation");
        await App.WithDbAsync(db => db.Artworks.Where(a => a.ArtistId == artistId).ExecuteUpdateAsync(u => u.SetProperty(a => a.HiddenAt, (DateTime?)null)));
        await AssertNoDriftAsync(ids, "shown in bulk (a statement the change tracker never sees)");
        await App.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == artistId)).SuspendedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await AssertNoDriftAsync(ids, "its artist suspended");
        Assert.That(await PostingsOfAsync(first), Is.Zero, "a suspended artist's works have none");
        await App.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == artistId)).SuspendedAt = null;
            return await db.SaveChangesAsync();
        });
        await AssertNoDriftAsync(ids, "its artist restored");
        Assert.That(await PostingsOfAsync(first), Is.GreaterThanOrEqualTo(3), "restored: its works' postings are back");

        // What no search reads (the English description, a feature, the time of the change): the postings are not rewritten.
        // (The English title is in the search text, ArtworkDerivedFields: changing it through the app changes the words.)
        var before = await VersionsAsync(ids);
        await ChangeAsync(first, a => { a.DescriptionEn = "A statue."; a.FeaturedAt = DateTime.UtcNow; a.UpdatedAt = DateTime.UtcNow; });
        Assert.That(await VersionsAsync(ids), Is.EqualTo(before), "rows rewritten by a change no search sees");

        await App.WithDbAsync(async db =>
        {
            db.Artworks.Remove(await db.Artworks.SingleAsync(a => a.Id == second));
            return await db.SaveChangesAsync();
        });
        await AssertNoDriftAsync(ids, "a work deleted");
        Assert.That(await PostingsOfAsync(second), Is.Zero);
        await App.WithDbAsync(async db =>
        {
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == artistId));
            return await db.SaveChangesAsync();
        });
        Assert.That(await PostingsOfAsync(first) + await PostingsOfAsync(hidden), Is.Zero, "its artist deleted: its works' postings with them");
    }

    private Task<int> ChangeAsync(long id, Action<Artwork> change) =>
        App.WithDbAsync(async db =>
        {
            change(await db.Artworks.SingleAsync(a => a.Id == id));
            return await db.SaveChangesAsync();
        });

    private Task<int> PostingsOfAsync(long id) => App.WithDbAsync(db => db.SearchPostings.CountAsync(p => p.ArtworkId == id));

    /// <summary>Each posting of the works with the transaction that wrote it (xmin): a rewrite changes it.</summary>
    private Task<List<string>> VersionsAsync(long[] ids) =>
        App.WithDbAsync(db => db.Database.SqlQuery<string>($"""
            SELECT "Lexeme" || ' ' || "ArtworkId" || ' ' || xmin::text AS "Value" FROM "SearchPostings" WHERE "ArtworkId" = ANY ({ids}) ORDER BY 1
            """).ToListAsync());

    /// <summary>
    /// The kept postings of <paramref name="ids"/> against those their rows give now, both ways; which of the works are
    /// on the site is the app's own rule (<see cref="PublicVisibility"/>), not the triggers' copy of it.
    /// </summary>
    private async Task AssertNoDriftAsync(long[] ids, string step)
    {
        var onSite = await App.WithDbAsync(db => db.Artworks.OnSite().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToArrayAsync());
        var drift = await App.WithDbAsync(db => db.Database.SqlQuery<string>($"""
            WITH kept AS (
                SELECT "Lexeme", "CreatedAt", "ArtworkId", "Price", "CategoryId", "SizeClass", "Orientation", "Status"
                FROM "SearchPostings" WHERE "ArtworkId" = ANY ({ids})),
            given AS (
                SELECT l."Lexeme", w."CreatedAt", w."Id" AS "ArtworkId", w."Price", w."CategoryId", w."SizeClass", w."Orientation", w."Status"
                FROM "Artworks" w, unnest(tsvector_to_array(w."SearchVector")) AS l("Lexeme")
                WHERE w."Id" = ANY ({onSite}))
            SELECT 'kept only: ' || k::text AS "Value" FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM given) k
            UNION ALL
            SELECT 'missing: ' || g::text FROM (SELECT * FROM given EXCEPT ALL SELECT * FROM kept) g
            """).ToListAsync());
        Assert.That(drift, Is.Empty, step);
    }
}
