using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class CategoryWorkCountConfiguration : IEntityTypeConfiguration<CategoryWorkCount>
{
    public void Configure(EntityTypeBuilder<CategoryWorkCount> builder)
    {
        builder.ToTable("CategoryWorkCounts");
        builder.HasKey(c => c.CategoryId);
        builder.Property(c => c.CategoryId).ValueGeneratedNever();
    }
}
