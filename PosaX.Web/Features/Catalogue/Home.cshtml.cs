using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

/// <summary>The home page: a hero of the newest works with photos, how buying works, the newest works, the categories, a few artists.</summary>
[OutputCache(PolicyName = PublicCache.Listing)]
public class HomeModel(PosaXDbContext db, ArtworkSearch search) : PageModel
{
    public sealed record ArtistItem(string Name, string Slug, string? PhotoKey);

    /// <summary>The newest works with a photo: the hero, in a phone's first screen.</summary>
    public IReadOnlyList<ArtworkCard.Model> Hero { get; private set; } = [];
    /// <summary>The newest works after the hero's.</summary>
    public IReadOnlyList<ArtworkCard.Model> Latest { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<ArtistItem> Artists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var newest = await search.LatestAsync(14, ct);
        Hero = newest.Where(w => w.CoverKey is not null).Take(6).ToList();
        Latest = newest.Except(Hero).Take(8).ToList();
        // Only categories with works on the site: a chip never leads to an empty page.
        var counts = await search.WorksByCategoryAsync(ct);
        Categories = (await search.CategoriesAsync(ct)).Where(c => counts.ContainsKey(c.Id)).ToList();
        // The artists of the newest works: a short walk down the (CreatedAt, Id) index, not an aggregate over every work.
        var recentArtists = (await search.Public().OrderByDescending(a => a.CreatedAt).Select(a => a.ArtistId).Take(60).ToListAsync(ct))
            .Distinct().Take(4).ToList();
        var artists = await db.Users.AsNoTracking().Where(u => recentArtists.Contains(u.Id))
            .Select(u => new { u.Id, Item = new ArtistItem(u.DisplayName, u.Slug, u.PhotoKey) }).ToListAsync(ct);
        Artists = recentArtists.Select(id => artists.Single(a => a.Id == id).Item).ToList();
    }
}
