using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PosaX.Web.Data;

/// <summary>
/// The application's DbContext, for PostgreSQL. <see cref="SqlitePosaXDbContext"/> is the same
/// model on SQLite; each provider has its own migration set under Data/Migrations.
/// </summary>
public class PosaXDbContext : IdentityDbContext<Artist, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    public PosaXDbContext(DbContextOptions<PosaXDbContext> options) : base(options) { }

    protected PosaXDbContext(DbContextOptions options) : base(options) { }

    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Category> Categories => Set<Category>();
    /// <summary>Kept by triggers, never written by the app: <see cref="CategoryWorkCount"/>.</summary>
    public DbSet<CategoryWorkCount> CategoryWorkCounts => Set<CategoryWorkCount>();
    public DbSet<Artwork> Artworks => Set<Artwork>();
    /// <summary>PostgreSQL only, kept by triggers, never written by the app: <see cref="SearchPosting"/>.</summary>
    public DbSet<SearchPosting> SearchPostings => Set<SearchPosting>();
    public DbSet<ArtworkImage> ArtworkImages => Set<ArtworkImage>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<AdminLogEntry> AdminLog => Set<AdminLogEntry>();
    public DbSet<ArtworkReport> ArtworkReports => Set<ArtworkReport>();
    public DbSet<ArtworkDailyStats> ArtworkDailyStats => Set<ArtworkDailyStats>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    /// <summary>PostgreSQL only: the weighted full-text vector of a work (see <see cref="Artwork.SearchText"/>).</summary>
    public const string SearchVectorProperty = "SearchVector";

    /// <summary>PostgreSQL only: immutable unaccent, usable in indexes (trigram search on artist names).</summary>
    [DbFunction("posax_unaccent", IsBuiltIn = false)]
    public static string Unaccent(string text) => throw new NotSupportedException("Translated to SQL by EF.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PosaXDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Every artist numbered on insert, the ones already there too when the column was added.
            builder.Entity<Artist>().Property<long>(Artist.SitemapNumberProperty).UseIdentityByDefaultColumn();
            // A French configuration that also strips accents ("foret ebene" finds "Forêt d'ébène"),
            // created by the Search migration; the vector is stored and GIN-indexed.
            builder.Entity<Artwork>()
                .Property<NpgsqlTypes.NpgsqlTsVector>(SearchVectorProperty)
                .HasComputedColumnSql("""
                    setweight(to_tsvector('posax_fr'::regconfig, coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('posax_fr'::regconfig, coalesce("SearchText", '')), 'B')
                    """, stored: true);
            // The words and the filters a search compares for equality, in one GIN index (btree_gin,
            // created by the SearchFiltersInTextIndex migration): reading a word's matches first also
            // narrows them to the category, size, orientation and status inside the index, so only the
            // works that pass those are read from the table (issue 17, 1,000,000 works: "savane" among
            // large available paintings read 17,596 table pages after a 302,732-entry category bitmap,
            // 470 ms; now 8,002 pages, 128 ms, same load; see docs/benchmarks.md).
            builder.Entity<Artwork>()
                .HasIndex(SearchVectorProperty, nameof(Artwork.CategoryId), nameof(Artwork.SizeClass), nameof(Artwork.Orientation), nameof(Artwork.Status))
                .HasDatabaseName("IX_Artworks_SearchVector_Filters")
                .HasMethod("GIN");
            // A word's works in the catalogue's order, the filters beside them: read by the index alone.
            builder.Entity<SearchPosting>(postings =>
            {
                postings.ToTable("SearchPostings");
                postings.HasNoKey();
                postings.HasIndex(p => new { p.Lexeme, p.CreatedAt, p.ArtworkId })
                    .IncludeProperties(p => new { p.Price, p.CategoryId, p.SizeClass, p.Orientation, p.Status })
                    .IsUnique()
                    .HasDatabaseName("IX_SearchPostings");
                // The same in price order, for the searches sorted by price (the date and the filters included: the other
                // words are probed by (lexeme, date, id)).
                postings.HasIndex(p => new { p.Lexeme, p.Price, p.ArtworkId })
                    .IncludeProperties(p => new { p.CreatedAt, p.CategoryId, p.SizeClass, p.Orientation, p.Status })
                    .HasDatabaseName("IX_SearchPostings_Price");
            });
        }
        else
        {
            // SQLite searches the works' folded text itself (LIKE): no postings.
            builder.Ignore<SearchPosting>();
            // SQLite numbers an artist in an AFTER INSERT trigger (ArtistSitemapNumber migration): EF must
            // read the value back after the trigger, not through RETURNING.
            builder.Entity<Artist>().ToTable(t => t.HasTrigger(ArtistSitemapNumberTrigger));
        }
    }

    /// <summary>SQLite: sets <see cref="Artist.SitemapNumberProperty"/> to the new row's rowid.</summary>
    public const string ArtistSitemapNumberTrigger = "AspNetUsers_SitemapNumber";
}
