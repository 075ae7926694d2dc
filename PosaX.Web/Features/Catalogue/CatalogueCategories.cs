using PosaX.Web.Data;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// The categories the public is offered (catalogue filter, home page, sitemap): every category in
/// use, and a retired one only while works of it are still on the site — its works keep their
/// category, so "/oeuvres?categorie=…" must stay reachable while it lists something, and must not
/// be offered once it would list nothing.
/// </summary>
public static class CatalogueCategories
{
    public static IQueryable<Category> Listed(PosaXDbContext db) =>
        db.Categories
            .Where(c => !c.IsRetired || db.Artworks.OnSite().Any(a => a.CategoryId == c.Id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id);
}
