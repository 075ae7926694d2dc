using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class ArtworkDailyStatsConfiguration : IEntityTypeConfiguration<ArtworkDailyStats>
{
    public void Configure(EntityTypeBuilder<ArtworkDailyStats> stats)
    {
        stats.ToTable("ArtworkDailyStats");
        // The upsert's conflict target: one row per work and day.
        stats.HasKey(s => new { s.ArtworkId, s.Day });
        // The site's totals over a period (admin dashboard) read by day.
        stats.HasIndex(s => s.Day);
        stats.HasOne(s => s.Artwork).WithMany().HasForeignKey(s => s.ArtworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
