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
        artwork.HasIndex(a => new { a.ArtistId, a.CreatedAt });
    }
}
