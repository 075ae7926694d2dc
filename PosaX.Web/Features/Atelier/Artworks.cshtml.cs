using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Atelier;

/// <summary>/atelier/oeuvres: the signed-in artist's own works, hidden ones included.</summary>
public class AtelierArtworksModel(PosaXDbContext db, UserManager<Artist> users) : PageModel
{
    public sealed record Row(long Id, string Title, string Slug, long Price, ArtworkStatus Status, bool Hidden, string? CoverKey, DateTime UpdatedAt);

    public List<Row> Works { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = Guid.Parse(users.GetUserId(User)!);
        Works = await db.Artworks.AsNoTracking()
            .Where(a => a.ArtistId == me)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.Title, a.Slug, a.Price, a.Status, a.HiddenAt != null,
                a.Images.OrderBy(i => i.Position).Select(i => i.Key).FirstOrDefault(), a.UpdatedAt))
            .ToListAsync();
    }
}
