using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// The catalogue, /oeuvres: filters in a GET form (shareable URLs, no JavaScript), 24 works a
/// page, keyset pagination through the "Suivant" link.
/// </summary>
[OutputCache(PolicyName = PublicCache.Search)]
public class BrowseModel(PosaXDbContext db, ArtworkSearch search) : PageModel
{
    public CataloguePage Result { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? ArtistName { get; private set; }
    public PageMeta Meta { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await search.SearchAsync(CatalogueQuery.Parse(Request.Query), ct: ct);
        Categories = await search.CategoriesAsync(ct);
        var applied = Result.Applied;
        if (applied.Artist is not null)
            ArtistName = await db.Users.Where(u => u.Slug == applied.Artist).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var category = Categories.FirstOrDefault(c => c.Slug == applied.Category)?.Name;

        // One title per distinct listing.
        var title = CatalogueTexts.Browse.ListTitle(category, ArtistName);
        if (applied.Text is not null) title = CatalogueTexts.Browse.SearchTitle(applied.Text, title);
        var description = category is null && ArtistName is null ? CatalogueTexts.Browse.Description : MetaText.Shorten(CatalogueTexts.Browse.ListDescription(title, Result.Total, Result.TotalIsCapped));
        // A search or a filtered view may be indexed, but points search engines (canonical) at the
        // listing it narrows; later pages (a cursor) are left out of the index and only followed.
        var noIndex = applied.After is not null;
        // The canonical keeps what makes a listing distinct (its category, its artist), nothing else:
        // "/oeuvres?categorie=peinture" is a landing page of its own, not a duplicate of "/oeuvres".
        var canonicalQuery = new List<string>();
        if (applied.Category is not null) canonicalQuery.Add("categorie=" + Uri.EscapeDataString(applied.Category));
        if (applied.Artist is not null) canonicalQuery.Add("artiste=" + Uri.EscapeDataString(applied.Artist));
        Meta = new PageMeta(title, description, noIndex)
        {
            CanonicalPath = ArtworkUrls.Catalogue + (canonicalQuery.Count == 0 ? "" : "?" + string.Join('&', canonicalQuery)),
            FollowLinks = true,
        };
    }
}
