using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Atelier;

/// <summary>
/// /atelier/oeuvres/nouvelle and /atelier/oeuvres/{id}/modifier: one form for both. Only the
/// owner reaches a work (anyone else gets 404: not even its existence is confirmed). Photos are
/// processed before anything is written, and removed again if the save fails: never a row
/// without its pictures, never a stray file.
/// </summary>
public class EditArtworkModel(
    PosaXDbContext db, UserManager<Artist> users, ImagePipeline images, TimeProvider clock,
    IValidator<ArtworkInput> validator, ILogger<EditArtworkModel> logger) : AjaxPageModel
{
    public sealed record StoredImageView(long Id, string Key, int Width, int Height);
    public sealed record CategoryOption(string Slug, string Name);

    public long? Id { get; private set; }
    public ArtworkInput Input { get; private set; } = new() { Status = "disponible" };
    public List<StoredImageView> StoredImages { get; private set; } = [];
    public List<CategoryOption> Categories { get; private set; } = [];
    public bool IsHidden { get; private set; }
    public string? PublicUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        Id = id;
        var artwork = id is null ? null : await OwnArtworkAsync(id.Value);
        if (id is not null && artwork is null) return NotFound();
        // A work in a retired category keeps it: its own category stays offered (and selected).
        await LoadCategoriesAsync(artwork?.CategoryId);
        if (artwork is not null) Show(artwork);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, [FromForm] ArtworkInput input, CancellationToken ct)
    {
        Id = id;
        Input = input with { Images = [] };
        Artwork? artwork = null;
        if (id is not null)
        {
            artwork = await OwnArtworkAsync(id.Value);
            if (artwork is null) return NotFound();
            Show(artwork);
            Input = input with { Images = [] };
        }
        await LoadCategoriesAsync(artwork?.CategoryId);

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);
        // A retired category keeps the works it has, but takes no new ones.
        var currentCategoryId = artwork?.CategoryId;
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Slug == input.Category && (!c.IsRetired || c.Id == currentCategoryId), ct);
        if (category is null)
            return Invalid("category", await db.Categories.AnyAsync(c => c.Slug == input.Category, ct)
                ? AtelierTexts.Artworks.CategoryRetired : AtelierTexts.Artworks.CategoryUnknown);

        var kept = artwork?.Images.Where(i => !input.RemoveImages.Contains(i.Id)).ToList() ?? [];
        var newFiles = input.Images.Where(f => f.Length > 0).ToList();
        if (kept.Count + newFiles.Count == 0) return Invalid("images", AtelierTexts.Artworks.NoImage);
        if (kept.Count + newFiles.Count > Artwork.MaxImages) return Invalid("images", AtelierTexts.Artworks.TooManyImages);

        // Read before any photo is stored: a database gone now must not leave stored photos behind.
        var artist = await db.Users.Where(u => u.Id == CurrentUserId).Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var processed = new List<StoredImage>();
        foreach (var file in newFiles)
        {
            var result = await images.ProcessAsync(file, ImageKind.Artwork, ct);
            if (!result.Succeeded)
            {
                foreach (var done in processed) images.Delete(done.Key);
                return Invalid("images", result.Rejection, AtelierTexts.Artworks.FileRejected(file.FileName, result.Rejection.Message));
            }
            processed.Add(result.Image);
        }

        var removed = artwork?.Images.Where(i => input.RemoveImages.Contains(i.Id)).ToList() ?? [];
        var creating = artwork is null;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            artwork ??= new Artwork { ArtistId = artist.Id, Title = "", CreatedAt = now };
            Apply(artwork, input, category, artist.DisplayName, now);
            foreach (var image in removed) artwork.Images.Remove(image);
            Order(artwork, kept, input.ImageOrder);
            var position = kept.Count;
            foreach (var image in processed)
                artwork.Images.Add(new ArtworkImage
                {
                    Key = image.Key, Position = position++, Width = image.Width, Height = image.Height,
                    Widths = string.Join(',', image.Widths),
                });
            if (creating) db.Artworks.Add(artwork);
            db.ArtworkImages.RemoveRange(removed);
            await SaveOnceAsync(processed.FirstOrDefault()?.Key, ct);
        }
        catch
        {
            foreach (var done in processed) images.Delete(done.Key);
            throw;
        }
        // Files of removed pictures go once no row points at them.
        foreach (var image in removed) images.Delete(image.Key);
        logger.LogInformation("Artwork {Id} {Action} by {Artist}", artwork.Id, creating ? "created" : "updated", artist.Id);
        return Succeeded(creating ? AtelierTexts.Artworks.Created : AtelierTexts.Artworks.Saved,
            creating ? AtelierArtworksModel.PublishedUrl(artwork.Id) : IsAjax ? null : AtelierArtworksModel.Path);
    }

    /// <summary>
    /// Saves in one transaction under the retrying strategy. If the connection breaks while
    /// committing (the database restarting), the commit may have happened: a retry would write the
    /// work twice, and the catch above would delete the photos of a saved work. So a failed commit
    /// is checked first — a new photo's key is unique to this request — and counts as saved if found.
    /// </summary>
    private async Task SaveOnceAsync(string? newImageKey, CancellationToken ct)
    {
        await db.SaveOnceAsync(
            token => newImageKey is null ? Task.FromResult(false) : db.ArtworkImages.AnyAsync(i => i.Key == newImageKey, token),
            ct);
    }

    private static void Apply(Artwork artwork, ArtworkInput input, Category category, string artistName, DateTime now)
    {
        var height = ArtworkFields.Centimetres(input.HeightCm)!.Value;
        var width = ArtworkFields.Centimetres(input.WidthCm)!.Value;
        var depth = string.IsNullOrWhiteSpace(input.DepthCm) ? null : ArtworkFields.Centimetres(input.DepthCm);
        artwork.Title = input.Title!.Trim();
        artwork.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        artwork.TitleEn = string.IsNullOrWhiteSpace(input.TitleEn) ? null : input.TitleEn.Trim();
        artwork.DescriptionEn = string.IsNullOrWhiteSpace(input.DescriptionEn) ? null : input.DescriptionEn.Trim();
        artwork.Price = ArtworkFields.Price(input.Price)!.Value;
        artwork.CategoryId = category.Id;
        artwork.Medium = string.IsNullOrWhiteSpace(input.Medium) ? null : input.Medium.Trim();
        artwork.HeightCm = height;
        artwork.WidthCm = width;
        artwork.DepthCm = depth;
        artwork.Year = string.IsNullOrWhiteSpace(input.Year) ? null : ArtworkFields.Year(input.Year);
        artwork.Status = ArtworkFields.Statuses[input.Status!];
        ArtworkDerivedFields.Apply(artwork, category.Name, artistName);
        artwork.UpdatedAt = now;
    }

    /// <summary>The order posted (ids of this work's pictures only), then any not named, as they were.</summary>
    private static void Order(Artwork artwork, List<ArtworkImage> kept, List<long> order)
    {
        var ranked = kept.OrderBy(i => order.IndexOf(i.Id) is var at and >= 0 ? at : int.MaxValue).ThenBy(i => i.Position).ToList();
        for (var i = 0; i < ranked.Count; i++) ranked[i].Position = i;
        kept.Clear();
        kept.AddRange(ranked);
    }

    private Guid CurrentUserId => Guid.Parse(users.GetUserId(User)!);

    private Task<Artwork?> OwnArtworkAsync(long id) =>
        db.Artworks.Include(a => a.Images).Include(a => a.Category).FirstOrDefaultAsync(a => a.Id == id && a.ArtistId == CurrentUserId);

    private async Task LoadCategoriesAsync(int? current) =>
        Categories = await db.Categories.Where(c => !c.IsRetired || c.Id == current)
            .OrderBy(c => c.SortOrder).Select(c => new CategoryOption(c.Slug, c.Name)).ToListAsync();

    private void Show(Artwork artwork)
    {
        IsHidden = artwork.HiddenAt is not null;
        PublicUrl = Catalogue.ArtworkUrls.Page(artwork.Id, artwork.Slug);
        StoredImages = artwork.Images.OrderBy(i => i.Position).Select(i => new StoredImageView(i.Id, i.Key, i.Width, i.Height)).ToList();
        Input = new ArtworkInput
        {
            Title = artwork.Title,
            Description = artwork.Description,
            TitleEn = artwork.TitleEn,
            DescriptionEn = artwork.DescriptionEn,
            Price = artwork.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Category = artwork.Category.Slug,
            Medium = artwork.Medium,
            WidthCm = artwork.WidthCm.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HeightCm = artwork.HeightCm.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DepthCm = artwork.DepthCm?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Year = artwork.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Status = ArtworkFields.StatusValue(artwork.Status),
        };
    }
}
