using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// Works put straight into the database (with real processed images), for tests of the pages
/// that show them. The atelier's own tests create works through its forms instead.
/// </summary>
public static class SeedArtworks
{
    public static async Task<long> CreateAsync(PosaXApp app, string artistEmail, string title, long price = 150_000,
        string category = "peinture", double heightCm = 60, double widthCm = 80, double? depthCm = null,
        ArtworkStatus status = ArtworkStatus.Available, string? description = null, string? medium = null,
        int images = 1, DateTime? createdAt = null, bool hidden = false, int imageWidth = 800, int imageHeight = 600,
        byte[]? cover = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var pipeline = scope.ServiceProvider.GetRequiredService<ImagePipeline>();
        var artist = await db.Users.SingleAsync(u => u.Email == artistEmail);
        var cat = await db.Categories.SingleAsync(c => c.Slug == category);
        var now = createdAt ?? DateTime.UtcNow;
        var artwork = new Artwork
        {
            ArtistId = artist.Id,
            Title = title,
            Description = description,
            Price = price,
            CategoryId = cat.Id,
            Medium = medium,
            HeightCm = heightCm,
            WidthCm = widthCm,
            DepthCm = depthCm,
            Status = status,
            HiddenAt = hidden ? now : null,
            HiddenReason = hidden ? "test" : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ArtworkDerivedFields.Apply(artwork, cat.Name, artist.DisplayName);
        for (var i = 0; i < images; i++)
        {
            // The cover given (a camera photo, say) goes through the pipeline as an upload would.
            using var picture = new MemoryStream(i == 0 && cover is not null ? cover : DemoImages.Generate(title.GetHashCode() + i, imageWidth, imageHeight));
            var stored = await pipeline.ProcessAsync(picture, ImageKind.Artwork);
            artwork.Images.Add(new ArtworkImage
            {
                Key = stored.Image!.Key, Position = i, Width = stored.Image.Width, Height = stored.Image.Height,
                Widths = string.Join(',', stored.Image.Widths),
            });
        }
        db.Artworks.Add(artwork);
        // Through the app's own context: its commit evicts the cached pages, as any change does.
        await db.SaveChangesAsync();
        return artwork.Id;
    }
}
