using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure;

public static class DataRegistration
{
    public static WebApplicationBuilder AddPosaXData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString("PosaX");

        // The options are built once (optionsLifetime: Singleton; they depend on nothing scoped): by
        // default every request's context built them again and EF looked its internal service
        // provider up by hashing them (issue 17: ≈ 6-9% of a cold work page's CPU). Contexts are not
        // pooled: PublicCacheEviction keeps per-context state that a reused context would inherit.
        if (database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings__PosaX is required when Database__Provider is Postgres.");
            connectionString = WithPoolDefaults(connectionString);
            services.AddDbContext<PosaXDbContext>((provider, options) => options.UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                // A restarted server leaves stale pooled connections (57P01): retry instead of failing a request.
                npgsql.EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), ["57P01"]);
            }).AddInterceptors(provider.GetRequiredService<Web.PublicCacheEviction>()), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var sqlite = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? "Data Source=App_Data/posax.db" : connectionString);
            if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
                sqlite.DataSource = Path.Combine(builder.Environment.ContentRootPath, sqlite.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
            sqlite.DefaultTimeout = 30;
            services.AddDbContext<PosaXDbContext, SqlitePosaXDbContext>((provider, options) =>
                options.UseSqlite(sqlite.ToString()).AddInterceptors(provider.GetRequiredService<Web.PublicCacheEviction>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }

        // Every commit evicts the public pages it changes (the cache follows the data).
        services.AddSingleton<Web.PublicCacheEviction>();

        // Keys live in the database: a restart or a new container logs no one out and emailed links keep working.
        services.AddDataProtection()
            .SetApplicationName("PosaX")
            .PersistKeysToDbContext<PosaXDbContext>();

        services.AddHealthChecks()
            .AddDbContextCheck<PosaXDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Two Npgsql settings for the app's pooled connections, each unless the connection string sets it:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=100</c>: a statement run often (the work page's query, the catalogue's) is
    /// parsed and planned once per connection instead of on every run (docs/benchmarks.md, issue 17). Needs a
    /// direct connection to PostgreSQL or a pooler in session mode (prepared statements live on the server's
    /// session); set <c>Max Auto Prepare=0</c> behind a pooler in transaction mode.</item>
    /// <item><c>No Reset On Close=true</c>: EF opens a pooled connection for each query, and Npgsql reset the
    /// session each time it was taken again: seven statements (RESET ALL, UNLISTEN *, CLOSE ALL,
    /// pg_advisory_unlock_all() …; not DISCARD ALL, which would drop the prepared statements) sent before the
    /// query, ≈ 5 per search. The app keeps no session state to reset: no SET, no LISTEN, no temporary table,
    /// no cursor left open; its one session-level advisory lock (<see cref="StartupLock"/>) is taken on a
    /// connection of its own outside the pool. A cold work page: PostgreSQL's CPU 0.39–0.41 → 0.32–0.34 ms,
    /// +3–10% pages a second (docs/benchmarks.md, "Seventh pass").</item>
    /// </list>
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Auto Prepare", "AutoPrepare")) builder.MaxAutoPrepare = 100;
        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;

        static bool Sets(string connectionString, params string[] keywords) =>
            keywords.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Applies pending migrations (unless turned off), seeds an empty database when Demo:SeedWhenEmpty
    /// (Development), sweeps: once at a time across instances (<see cref="StartupLock"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PosaX.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        await using var startup = await StartupLock.AcquireAsync(db);
        if (startup.Waited > TimeSpan.FromMilliseconds(100))
            logger.LogInformation("Waited {Milliseconds} ms for another instance's start-up work", (long)startup.Waited.TotalMilliseconds);
        if (options.MigrateAtStartup)
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while the outbox sender or a request writes.
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.CloseConnectionAsync();
            }
            var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            // A migration that fills a table from the works (SearchPostings: ≈ 3 min at 1,000,000 works) runs once,
            // as long as it takes; the 30 s meant for a request would roll it back on every start.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(null);
            if (pending > 0) logger.LogInformation("Applied {Count} migrations", pending);
        }
        // Sessions that expired are dead weight in the ticket store's table.
        var now = DateTime.UtcNow;
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        if (app.Configuration.GetValue<bool>("Demo:SeedWhenEmpty"))
            await Demo.DemoData.SeedWhenEmptyAsync(app.Services);
        // A process that died mid-upload leaves its working folder, and maybe pictures whose row
        // never committed: cleared now, against the database, before anything is served.
        await Images.MediaRecovery.SweepAsync(app.Services.GetRequiredService<Images.ImagePipeline>(), db,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Images.MediaRecovery)));
        logger.LogInformation("Start-up work done");
    }
}
