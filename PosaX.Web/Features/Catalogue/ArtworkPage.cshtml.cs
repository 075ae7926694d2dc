using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Components;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;
using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// A work's page, /oeuvres/{id}/{slug}. The id finds the work; any other slug answers 301 to the
/// canonical URL. Hidden works and works of unactivated artists are 404; a sold work stays
/// visible, marked "Vendue", without the order form; a reserved one shows "Réservée", no form.
/// </summary>
[OutputCache(PolicyName = PublicCache.Page)]
public class ArtworkPageModel(PosaXDbContext db, ArtworkPageModel.Query query, ArtworkSearch search, MarkdownRenderer markdown, IOptions<SiteOptions> site) : PageModel
{
    public sealed record Image(string Key, int Width, int Height, int[] Widths);

    public sealed record WorkView(long Id, string Slug, string Title, string? Description, long Price, ArtworkStatus Status,
        string? Medium, double HeightCm, double WidthCm, double? DepthCm, int? Year, int CategoryId, string CategoryName, string CategorySlug,
        Guid ArtistId, string ArtistName, string ArtistSlug, string? ArtistPhoto, string? ArtistWhatsApp,
        string? TitleEn = null, string? DescriptionEn = null);

    public WorkView Work { get; private set; } = null!;
    public IReadOnlyList<Image> Images { get; private set; } = [];
    public IReadOnlyList<ArtworkCard.Model> Similar { get; private set; } = [];
    public string DescriptionHtml { get; private set; } = "";
    /// <summary>The title this page shows: the English one on an English page when the artist wrote one.</summary>
    public string Title { get; private set; } = "";
    /// <summary>"fr" when an English page shows the French title (or description): their elements say so.</summary>
    public string? TitleLang { get; private set; }
    /// <summary>"fr" when an English page shows the category's French name (no English name yet): CatalogueTexts.Categories.</summary>
    public string? CategoryLang { get; private set; }
    public string? DescriptionLang { get; private set; }
    /// <summary>The price in euros, rounded, for visitors abroad (<see cref="Money.IndicativeEuros"/>).</summary>
    public long Euros => Money.IndicativeEuros(Work.Price);
    public string AbsoluteUrl { get; private set; } = "";
    public PageMeta Meta { get; private set; } = null!;
    public bool CanOrder => Work.Status == ArtworkStatus.Available;

    /// <summary>The prefilled WhatsApp message to the artist: about buying it, or, once sold, about similar works.</summary>
    public string ArtistMessage => ArtistMessageFor(Work.Status, Work.Title, Work.Price, AbsoluteUrl);

    /// <summary>The same message from /oeuvres/{id}/whatsapp (Statistics), which the page's button leads through.</summary>
    public static string ArtistMessageFor(ArtworkStatus status, string title, long price, string absoluteUrl) => status == ArtworkStatus.Sold
        ? CatalogueTexts.ArtworkPage.SoldMessage(title, absoluteUrl)
        : CatalogueTexts.ArtworkPage.WhatsAppMessage(title, price, absoluteUrl);

    public string ShareOnWhatsApp => "https://wa.me/?text=" + Uri.EscapeDataString(CatalogueTexts.ArtworkPage.ShareText(Title, Work.Price, AbsoluteUrl));
    public string ShareOnFacebook => "https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(AbsoluteUrl);

    public async Task<IActionResult> OnGetAsync(long id, string? slug, CancellationToken ct)
    {
        var found = await query.FindOnSite(db, id, ct);
        if (found is null) return NotFound();
        // The category in the page's language: the breadcrumb, the facts, the title and the structured data read it
        // (the first two mark a French fallback lang="fr": CategoryLang).
        (var categoryName, CategoryLang) = CatalogueTexts.Categories.Name(found.Work.CategorySlug, found.Work.CategoryName);
        var work = found.Work with { CategoryName = categoryName };
        // In the page's language: a wrong slug on /en/artworks/… is put right in English.
        var canonical = LocalizedPaths.For(ArtworkUrls.Page(work.Id, work.Slug));
        if (slug != work.Slug) return RedirectPermanent(canonical);

        Work = work;
        Images = found.Images.Select(i => new Image(i.Key, i.Width, i.Height, ArtworkSearch.ParseWidths(i.Widths))).ToList();
        // A sold work offers what can still be bought instead.
        Similar = await search.SimilarAsync(work.Id, work.CategoryId, work.ArtistId, found.ArtistsNewestOther,
            availableOnly: work.Status == ArtworkStatus.Sold, ct: ct);
        // Evicted when this work, a similar work shown here, or the artist's profile changes.
        // Kept on disk too (SnapshotTag): crawlers and shared links ask for pages nobody asked for lately.
        PublicCache.Tag(HttpContext, [PublicCache.SnapshotTag, PublicCache.ArtworkTag(work.Id), PublicCache.ArtistTag(work.ArtistId),
            ..Similar.Select(s => PublicCache.ArtworkTag(s.Id))]);
        (var title, TitleLang) = ArtistContent.Pick(work.Title, work.TitleEn);
        Title = title!;
        var (description, descriptionLang) = ArtistContent.Pick(work.Description, work.DescriptionEn);
        DescriptionLang = descriptionLang;
        DescriptionHtml = markdown.ToHtml(description);
        var plainDescription = markdown.ToPlainText(description);
        AbsoluteUrl = site.Value.Absolute(canonical).AbsoluteUri;
        Meta = new PageMeta(CatalogueTexts.ArtworkPage.PageTitle(Title, work.CategoryName, work.ArtistName),
            CatalogueTexts.ArtworkPage.MetaDescription(Title, work.ArtistName, work.CategoryName, work.Price, plainDescription))
        {
            CanonicalPath = canonical,
            OpenGraphType = "product",
            // The pipeline's 1200×630 JPEG: what WhatsApp and Facebook show in a shared link's preview.
            Image = Images.Count > 0 ? new SocialImage(ImagePipeline.OgUrl(Images[0].Key), ImagePipeline.OgWidth, ImagePipeline.OgHeight, Title) : null,
            StructuredData = StructuredDataOf(work, plainDescription),
        };
        return Page();
    }

    public sealed record ImageRow(string Key, int Width, int Height, string Widths);
    public sealed record Found(WorkView Work, List<ImageRow> Images, DateTime? ArtistsNewestOther);

    /// <summary>
    /// The page's query, compiled once per app (a singleton: EF ties a compiled query to one model, and
    /// the tests run several apps in one process). Issue 17: EF no longer builds, walks and looks up
    /// this expression on every cold page.
    /// </summary>
    public sealed class Query
    {
        /// <summary>
        /// The work, its category, its artist, its photos, and the date of the artist's newest other
        /// work (whether "similar works" need the artist's works: <see cref="ArtworkSearch.SimilarAsync"/>),
        /// in one round trip.
        /// </summary>
        public readonly Func<PosaXDbContext, long, CancellationToken, Task<Found?>> FindOnSite = EF.CompileAsyncQuery(
            (PosaXDbContext db, long id, CancellationToken ct) => db.Artworks.AsNoTracking().Where(PublicVisibility.ArtworkOnSite).Where(a => a.Id == id)
                .Select(a => new Found(
                    new WorkView(a.Id, a.Slug, a.Title, a.Description, a.Price, a.Status, a.Medium, a.HeightCm, a.WidthCm, a.DepthCm, a.Year,
                        a.CategoryId, a.Category.Name, a.Category.Slug, a.ArtistId, a.Artist.DisplayName, a.Artist.Slug, a.Artist.PhotoKey, a.Artist.WhatsApp,
                        a.TitleEn, a.DescriptionEn),
                    a.Images.OrderBy(i => i.Position).Select(i => new ImageRow(i.Key, i.Width, i.Height, i.Widths)).ToList(),
                    db.Artworks.Where(PublicVisibility.ArtworkOnSite)
                        .Where(o => o.ArtistId == a.ArtistId && o.Id != a.Id && (a.Status != ArtworkStatus.Sold || o.Status == ArtworkStatus.Available))
                        .Max(o => (DateTime?)o.CreatedAt)))
                .FirstOrDefault());
    }

    private object[] StructuredDataOf(WorkView work, string plainDescription)
    {
        var facts = new Seo.StructuredData.WorkFacts(work.Id, work.Slug, Title, plainDescription, work.Price,
            work.Status, work.Medium, work.HeightCm, work.WidthCm, work.DepthCm, work.Year, work.CategoryName, work.CategorySlug,
            work.ArtistName, work.ArtistSlug, Images.Select(i => (i.Key, i.Widths)).ToList());
        return [Seo.StructuredData.Work(site.Value, facts), Seo.StructuredData.Breadcrumb(site.Value, facts)];
    }
}
