using Microsoft.EntityFrameworkCore;
using Npgsql;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>
/// The app's pooled PostgreSQL connections: statements prepared once per connection, sessions not reset when a
/// connection is taken again (DataRegistration.WithPoolDefaults), so nothing session-level may go back to the pool.
/// </summary>
public class ConnectionPoolTests : PostgresAppTest
{
    [Test]
    public void Pooled_connections_prepare_statements_and_skip_the_reset_unless_the_connection_string_says_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(DataRegistration.WithPoolDefaults("Host=db;Database=posax;Username=posax"));
        var chosen = new NpgsqlConnectionStringBuilder(DataRegistration.WithPoolDefaults("Host=db;Database=posax;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Multiple(() =>
        {
            Assert.That(defaults.MaxAutoPrepare, Is.EqualTo(100));
            Assert.That(defaults.NoResetOnClose, Is.True);
            Assert.That(chosen.MaxAutoPrepare, Is.Zero, "an operator's choice (a transaction-mode pooler) is kept");
            Assert.That(chosen.NoResetOnClose, Is.False, "an operator's choice is kept");
        });
    }

    [Test]
    public async Task The_app_s_context_connects_with_those_defaults()
    {
        var used = new NpgsqlConnectionStringBuilder(await App.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));
        Assert.Multiple(() =>
        {
            Assert.That(used.NoResetOnClose, Is.True);
            Assert.That(used.MaxAutoPrepare, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task The_start_up_lock_lives_on_a_session_of_its_own_that_ends_with_it()
    {
        // A session-level advisory lock on a pooled connection would go back to the pool with it, and nothing resets
        // the pool's sessions any more: the lock must end with its own session.
        var holder = await App.WithDbAsync(async db =>
        {
            await using var startup = await StartupLock.AcquireAsync(db);
            return await db.Database.SqlQuery<int>($"""
                SELECT pid AS "Value" FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = {StartupLock.Key}
                """).SingleAsync();
        });
        var alive = -1;
        for (var tries = 0; tries < 40 && alive != 0; tries++)
        {
            if (tries > 0) await Task.Delay(50);
            alive = await App.WithDbAsync(db => db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM pg_stat_activity WHERE pid = {holder}""").SingleAsync());
        }
        Assert.That(alive, Is.Zero, $"the lock's session (backend {holder}) is still open after the lock was released: it went back to a pool");
    }
}
