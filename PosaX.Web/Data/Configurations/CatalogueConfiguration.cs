using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Slug).HasMaxLength(60);
        category.Property(c => c.Name).HasMaxLength(60);
        category.HasIndex(c => c.Slug).IsUnique();
        category.HasData(Seed);
    }

    /// <summary>The brief's list; admins will manage it (issue "Moderation").</summary>
    public static readonly Category[] Seed =
    [
        new() { Id = 1, Slug = "peinture", Name = "Peinture", SortOrder = 1 },
        new() { Id = 2, Slug = "sculpture", Name = "Sculpture", SortOrder = 2 },
        new() { Id = 3, Slug = "photographie", Name = "Photographie", SortOrder = 3 },
        new() { Id = 4, Slug = "dessin", Name = "Dessin", SortOrder = 4 },
        new() { Id = 5, Slug = "textile", Name = "Textile", SortOrder = 5 },
        new() { Id = 6, Slug = "perlage", Name = "Perlage", SortOrder = 6 },
        new() { Id = 7, Slug = "art-numerique", Name = "Art numérique", SortOrder = 7 },
        new() { Id = 8, Slug = "gravure", Name = "Gravure", SortOrder = 8 },
        new() { Id = 9, Slug = "ceramique", Name = "Céramique", SortOrder = 9 },
        new() { Id = 10, Slug = "techniques-mixtes", Name = "Techniques mixtes", SortOrder = 10 },
    ];
}

public class ArtworkConfiguration : IEntityTypeConfiguration<Artwork>
{
    public void Configure(EntityTypeBuilder<Artwork> artwork)
    {
        artwork.Property(a => a.Title).HasMaxLength(Artwork.TitleMaxLength);
        artwork.Property(a => a.Slug).HasMaxLength(140);
        artwork.Property(a => a.Description).HasMaxLength(Artwork.DescriptionMaxLength);
        artwork.Property(a => a.Medium).HasMaxLength(Artwork.MediumMaxLength);
        artwork.Property(a => a.HiddenReason).HasMaxLength(500);
        artwork.Property(a => a.SearchText).HasMaxLength(8000);
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

public class ArtworkImageConfiguration : IEntityTypeConfiguration<ArtworkImage>
{
    public void Configure(EntityTypeBuilder<ArtworkImage> image)
    {
        image.Property(i => i.Key).HasMaxLength(80);
        image.Property(i => i.Widths).HasMaxLength(60);
        image.HasIndex(i => new { i.ArtworkId, i.Position });
    }
}

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
        order.HasOne(o => o.Artwork).WithMany().HasForeignKey(o => o.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        order.HasOne<Artist>().WithMany().HasForeignKey(o => o.ArtistId).OnDelete(DeleteBehavior.NoAction);
        order.HasIndex(o => new { o.ArtistId, o.CreatedAt });
    }
}
