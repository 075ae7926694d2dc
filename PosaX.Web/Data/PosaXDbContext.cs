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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PosaXDbContext).Assembly);
    }
}

/// <summary>The embedded default: same model, SQLite migrations.</summary>
public sealed class SqlitePosaXDbContext(DbContextOptions<SqlitePosaXDbContext> options) : PosaXDbContext(options);
