using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class ArtworkReportConfiguration : IEntityTypeConfiguration<ArtworkReport>
{
    public void Configure(EntityTypeBuilder<ArtworkReport> report)
    {
        report.Property(r => r.Reason).HasMaxLength(ArtworkReport.ReasonMaxLength);
        report.Property(r => r.Decision).HasMaxLength(20);
        report.Property(r => r.DecisionNote).HasMaxLength(500);
        report.Property(r => r.ClosedBy).HasMaxLength(256);
        // Reports go when their work goes (an artist deleting a work leaves nothing to moderate).
        report.HasOne(r => r.Artwork).WithMany().HasForeignKey(r => r.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        // The moderation queue: open reports, oldest first.
        report.HasIndex(r => new { r.ClosedAt, r.CreatedAt });
    }
}
