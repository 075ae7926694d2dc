using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PosaX.Web.Data.Configurations;

public class ArtistConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> artist)
    {
        artist.Property(a => a.DisplayName).HasMaxLength(Artist.DisplayNameMaxLength);
        artist.Property(a => a.Slug).HasMaxLength(120);
        artist.HasIndex(a => a.Slug).IsUnique();
        artist.Property(a => a.Bio).HasMaxLength(Artist.BioMaxLength);
        artist.Property(a => a.WhatsApp).HasMaxLength(16);
        artist.Property(a => a.City).HasMaxLength(Artist.CityMaxLength);
        artist.Property(a => a.FacebookUrl).HasMaxLength(Artist.SocialUrlMaxLength);
        artist.Property(a => a.InstagramUrl).HasMaxLength(Artist.SocialUrlMaxLength);
        artist.Property(a => a.PhotoKey).HasMaxLength(80);
        artist.Property(a => a.SuspendedReason).HasMaxLength(500);
        artist.Property(a => a.TermsVersion).HasMaxLength(Artist.TermsVersionMaxLength);
        // Accounts made before languages existed were French.
        artist.Property(a => a.Language).HasMaxLength(Artist.LanguageMaxLength).HasDefaultValue(Infrastructure.Text.Languages.French);
        artist.Property(a => a.BioEn).HasMaxLength(Artist.BioMaxLength);
        // Identity looks users up by NormalizedEmail; the email is the login, so it is unique.
        artist.HasIndex(a => a.NormalizedEmail).IsUnique();
        // The few suspended artists (WithheldMedia reads them every minute).
        // The artists' sitemap blocks (Artist.SitemapNumberProperty): numbered by the database on insert.
        artist.Property<long>(Artist.SitemapNumberProperty).ValueGeneratedOnAdd();
        artist.HasIndex(Artist.SitemapNumberProperty);
        artist.HasIndex(a => a.SuspendedAt).HasFilter("\"SuspendedAt\" IS NOT NULL");
    }
}
