using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.Property(s => s.Email).HasMaxLength(Subscription.EmailMaxLength);
        subscription.Property(s => s.Target).HasMaxLength(Subscription.TargetMaxLength);
        subscription.Property(s => s.ConfirmTokenHash).HasMaxLength(64);
        // Subscriptions made before languages existed were made on French pages.
        subscription.Property(s => s.Language).HasMaxLength(Artist.LanguageMaxLength).HasDefaultValue(Infrastructure.Text.Languages.French);
        // One row per address and target: a repeat finds it (and two racing posts cannot both insert).
        subscription.HasIndex(s => new { s.Email, s.Target }).IsUnique();
        subscription.HasIndex(s => s.ConfirmTokenHash).IsUnique();
        // The artist's follower count.
        subscription.HasIndex(s => new { s.ArtistId, s.ConfirmedAt });
        subscription.HasOne(s => s.Artist).WithMany().HasForeignKey(s => s.ArtistId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> run) => run.HasKey(r => r.Day);
}
