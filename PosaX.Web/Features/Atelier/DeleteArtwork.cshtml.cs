using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Atelier;

/// <summary>Deletes one of the artist's works, its pictures' rows, then their files.</summary>
public class DeleteArtworkModel(PosaXDbContext db, UserManager<Artist> users, ImagePipeline images, ILogger<DeleteArtworkModel> logger) : AjaxPageModel
{
    public long Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var title = await db.Artworks.Where(a => a.Id == id && a.ArtistId == CurrentUserId).Select(a => a.Title).FirstOrDefaultAsync();
        if (title is null) return NotFound();
        (Id, Title) = (id, title);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var artwork = await db.Artworks.Include(a => a.Images).FirstOrDefaultAsync(a => a.Id == id && a.ArtistId == CurrentUserId);
        if (artwork is null) return NotFound();
        var keys = artwork.Images.Select(i => i.Key).ToList();
        db.Artworks.Remove(artwork);
        await db.SaveChangesAsync();
        foreach (var key in keys) images.Delete(key);
        logger.LogInformation("Artwork {Id} deleted by its artist", id);
        return Succeeded(AtelierTexts.Artworks.Deleted, "/atelier/oeuvres");
    }

    private Guid CurrentUserId => Guid.Parse(users.GetUserId(User)!);
}
