using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;
using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Artists;

/// <summary>
/// The public artist page, /artistes/{slug}: an activated, unsuspended account has one, with or
/// without works (a direct link keeps working) — except an account that is only an admin (in the
/// admin role with no work on the site), which is never a public artist.
/// </summary>
[OutputCache(PolicyName = PublicCache.Page)]
public class ArtistPageModel(PosaXDbContext db, MarkdownRenderer markdown, IOptions<SiteOptions> site, ArtworkSearch search) : PageModel
{
    public sealed record ArtistView(Guid Id, string Name, string Slug, string? Bio, string? WhatsApp, string? Facebook, string? Instagram, string? PhotoKey,
        string? City, DateTime CreatedAt, string? BioEn = null);

    public ArtistView Artist { get; private set; } = null!;
    public string BioHtml { get; private set; } = "";
    /// <summary>"fr" when an English page shows the French bio (no English one): the element says so.</summary>
    public string? BioLang { get; private set; }
    public string Description { get; private set; } = "";
    public string PageUrl { get; private set; } = "";
    public CataloguePage Works { get; private set; } = null!;
    public PageMeta Meta { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var adminRole = db.Roles.Where(r => r.Name == AdminFeature.RoleName).Select(r => r.Id);
        var artist = await db.Users.AsNoTracking()
            .OnSite().Where(a => a.Slug == slug)
            .Where(a => db.Artworks.Any(w => w.ArtistId == a.Id && w.HiddenAt == null)
                || !db.UserRoles.Any(r => r.UserId == a.Id && adminRole.Contains(r.RoleId)))
            .Select(a => new ArtistView(a.Id, a.DisplayName, a.Slug, a.Bio, a.WhatsApp, a.FacebookUrl, a.InstagramUrl, a.PhotoKey, a.City, a.CreatedAt, a.BioEn))
            .FirstOrDefaultAsync();
        if (artist is null) return NotFound();
        Artist = artist;
        // Its works are the artist's: a change to any of them evicts this tag too.
        PublicCache.Tag(HttpContext, PublicCache.ArtistTag(artist.Id));
        var (bio, bioLang) = ArtistContent.Pick(artist.Bio, artist.BioEn);
        BioHtml = markdown.ToHtml(bio);
        BioLang = bioLang;
        PageUrl = site.Value.Absolute(LocalizedPaths.For("/artistes/" + artist.Slug)).AbsoluteUri;
        Works = await search.SearchAsync(new CatalogueQuery { Artist = artist.Slug });
        var plain = markdown.ToPlainText(bio);
        Description = plain.Length == 0
            ? ArtistsTexts.ArtistPage.DefaultDescription(artist.Name)
            : MetaText.Shorten($"{artist.Name} — {plain}", 155);
        Meta = new PageMeta(ArtistsTexts.ArtistPage.PageTitle(artist.Name), Description)
        {
            OpenGraphType = "profile",
            // The shared preview stays the site's JPEG: WebP previews are not shown by every messenger.
            StructuredData = [Seo.StructuredData.ArtistProfile(site.Value, artist.Name, artist.Slug, plain.Length == 0 ? null : plain,
                artist.PhotoKey, [artist.Facebook, artist.Instagram])],
        };
        return Page();
    }
}
