using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Artists;

/// <summary>/artistes: every artist with a work on the site (<see cref="PublicVisibility.Listed"/>), the most recently active first.</summary>
[OutputCache(PolicyName = PublicCache.Listing)]
public class ArtistListModel(PosaXDbContext db, ArtworkSearch search) : PageModel
{
    /// <summary>A generous cap until the list needs pages of its own.</summary>
    public const int MaxArtists = 200;

    public IReadOnlyList<ArtistCard.Model> Artists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var works = search.Public();
        Artists = await db.Users.AsNoTracking()
            .Listed(db.Artworks)
            .Select(u => new
            {
                u.DisplayName, u.Slug, u.PhotoKey, u.City, u.CreatedAt,
                Works = works.Count(a => a.ArtistId == u.Id),
                Latest = works.Where(a => a.ArtistId == u.Id).Max(a => (DateTime?)a.CreatedAt),
            })
            .OrderByDescending(a => a.Latest).ThenBy(a => a.DisplayName)
            .Take(MaxArtists)
            .Select(a => new ArtistCard.Model(a.DisplayName, a.Slug, a.PhotoKey, a.City, a.CreatedAt, a.Works))
            .ToListAsync(ct);
    }
}
