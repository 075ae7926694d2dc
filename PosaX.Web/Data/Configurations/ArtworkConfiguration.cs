using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class ArtworkConfiguration : IEntityTypeConfiguration<Artwork>
{
    public void Configure(EntityTypeBuilder<Artwork> artwork)
    {
        artwork.Property(a => a.Title).HasMaxLength(Artwork.TitleMaxLength);
        artwork.Property(a => a.Slug).HasMaxLength(Artwork.SlugMaxLength);
        artwork.Property(a => a.Description).HasMaxLength(Artwork.DescriptionMaxLength);
        artwork.Property(a => a.TitleEn).HasMaxLength(Artwork.TitleMaxLength);
        artwork.Property(a => a.DescriptionEn).HasMaxLength(Artwork.DescriptionMaxLength);
        artwork.Property(a => a.Medium).HasMaxLength(Artwork.MediumMaxLength);
        artwork.Property(a => a.HiddenReason).HasMaxLength(500);
        artwork.Property(a => a.SearchText).HasMaxLength(Artwork.SearchTextMaxLength);
        artwork.HasOne(a => a.Artist).WithMany().HasForeignKey(a => a.ArtistId).OnDelete(DeleteBehavior.Cascade);
        artwork.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        artwork.HasMany(a => a.Images).WithOne().HasForeignKey(i => i.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        // The catalogue's keyset: newest first, then by price, each with the id as tie-breaker.
        artwork.HasIndex(a => new { a.CreatedAt, a.Id });
        artwork.HasIndex(a => new { a.Price, a.Id });
        artwork.HasIndex(a => new { a.CategoryId, a.CreatedAt, a.Id });
        // A category sorted by price: at 1,000,000 works the price index walked 70,000 works of
        // other categories for 101 of one (556 ms; 7 ms with this index).
        artwork.HasIndex(a => new { a.CategoryId, a.Price, a.Id });
        // The few hidden works (WithheldMedia reads them every minute): without it, every work.
        artwork.HasIndex(a => a.HiddenAt).HasFilter("\"HiddenAt\" IS NOT NULL");
        artwork.HasIndex(a => new { a.ArtistId, a.CreatedAt });
    }
}
