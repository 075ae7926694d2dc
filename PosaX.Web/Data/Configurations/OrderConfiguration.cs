using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.Property(o => o.Reference).HasMaxLength(12);
        order.HasIndex(o => o.Reference).IsUnique();
        order.Property(o => o.BuyerName).HasMaxLength(100);
        order.Property(o => o.BuyerPhone).HasMaxLength(16);
        order.Property(o => o.BuyerEmail).HasMaxLength(256);
        order.Property(o => o.Message).HasMaxLength(1000);
        order.Property(o => o.ConfirmationSecretHash).HasMaxLength(64);
        // Orders placed before languages existed were placed on French pages.
        order.Property(o => o.Language).HasMaxLength(Artist.LanguageMaxLength).HasDefaultValue(Infrastructure.Text.Languages.French);
        order.HasOne(o => o.Artwork).WithMany().HasForeignKey(o => o.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        order.HasOne<Artist>().WithMany().HasForeignKey(o => o.ArtistId).OnDelete(DeleteBehavior.NoAction);
        order.HasIndex(o => new { o.ArtistId, o.CreatedAt });
    }
}
