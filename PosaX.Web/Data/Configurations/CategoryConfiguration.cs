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
