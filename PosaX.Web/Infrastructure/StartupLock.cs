using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure;

/// <summary>
/// Start-up work that must happen once (migrations, sweeps, seeding) runs under a PostgreSQL
/// session-level advisory lock, so instances starting together take turns: the second finds the
/// database migrated and the sweeps done. SQLite is one file on one machine: nothing to take.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The lock's key, the same in every instance of the app ("PosaXStr" as a big-endian 64-bit number).</summary>
    internal const long Key = 0x506F736158537472;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection, TimeSpan waited)
    {
        _connection = connection;
        Waited = waited;
    }

    /// <summary>How long another instance's start-up work kept this one waiting.</summary>
    public TimeSpan Waited { get; }

    public static async Task<StartupLock> AcquireAsync(PosaXDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return new StartupLock(null, TimeSpan.Zero);
        // Its own connection, outside the pool: the lock lives exactly as long as this session (a process that
        // dies, or a failed unlock, releases it with the session). The pool's connections are not reset when
        // taken again (DataRegistration.WithPoolDefaults), so a session-level lock must never go back there.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection, clock.Elapsed);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
