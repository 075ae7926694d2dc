using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class AdminLogEntryConfiguration : IEntityTypeConfiguration<AdminLogEntry>
{
    public void Configure(EntityTypeBuilder<AdminLogEntry> entry)
    {
        entry.Property(e => e.AdminEmail).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.Target).HasMaxLength(300);
        entry.Property(e => e.Reason).HasMaxLength(500);
        entry.HasIndex(e => e.CreatedAt);
    }
}
