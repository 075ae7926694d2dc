using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class ArtworkImageConfiguration : IEntityTypeConfiguration<ArtworkImage>
{
    public void Configure(EntityTypeBuilder<ArtworkImage> image)
    {
        image.Property(i => i.Key).HasMaxLength(80);
        image.Property(i => i.Widths).HasMaxLength(60);
        image.HasIndex(i => new { i.ArtworkId, i.Position });
    }
}
