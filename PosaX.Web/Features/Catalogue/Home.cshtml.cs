using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

/// <summary>The home page: a hero of the works "à la une" and the newest with photos, how buying works, the newest works, the categories, a few artists.</summary>
[OutputCache(PolicyName = PublicCache.Listing)]
public class HomeModel(PosaXDbContext db, ArtworkSearch search) : PageModel
{
    public const int HeroSize = 6;

    /// <summary>The works "à la une", then the newest with a photo: the hero, in a phone's first screen.</summary>
    public IReadOnlyList<ArtworkCard.Model> Hero { get; private set; } = [];
    /// <summary>The newest works after the hero's.</summary>
    public IReadOnlyList<ArtworkCard.Model> Latest { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<ArtistCard.Model> Artists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The works "à la une" first (newest featured first), then the newest with a photo.
        var featured = await search.FeaturedAsync(HeroSize, ct);
        var newest = await search.LatestAsync(14, ct);
        Hero = featured.Concat(newest.Where(w => w.CoverKey is not null && featured.All(f => f.Id != w.Id))).Take(HeroSize).ToList();
        Latest = newest.Where(w => Hero.All(h => h.Id != w.Id)).Take(8).ToList();
        // Only categories with works on the site: a chip never leads to an empty page.
        var counts = await search.WorksByCategoryAsync(ct);
        Categories = (await search.CategoriesAsync(ct)).Where(c => counts.ContainsKey(c.Id)).ToList();
        // The artists of the newest works: a short walk down the (CreatedAt, Id) index, not an aggregate over every work.
        var recentArtists = (await search.Public().OrderByDescending(a => a.CreatedAt).Select(a => a.ArtistId).Take(60).ToListAsync(ct))
            .Distinct().Take(4).ToList();
        var works = search.Public();
        var artists = await db.Users.AsNoTracking().Where(u => recentArtists.Contains(u.Id))
            .Select(u => new { u.Id, Item = new ArtistCard.Model(u.DisplayName, u.Slug, u.PhotoKey, u.City, u.CreatedAt, works.Count(a => a.ArtistId == u.Id)) })
            .ToListAsync(ct);
        Artists = recentArtists.Select(id => artists.Single(a => a.Id == id).Item).ToList();
    }
}
