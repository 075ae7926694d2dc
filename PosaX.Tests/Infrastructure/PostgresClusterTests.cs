using Npgsql;

namespace PosaX.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL server that the database tests run against.</summary>
[TestFixture]
[Category("Postgres")]
[NonParallelizable]
public sealed class PostgresClusterTests
{
    private PostgresCluster? _cluster;

    private PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        var started = DateTime.UtcNow;
        _cluster = await PostgresCluster.StartAsync();
        TestContext.Progress.WriteLine(
            $"PostgreSQL test cluster on port {_cluster.Port} ready in {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null)
        {
            var root = _cluster.RootDirectory;
            await _cluster.DisposeAsync();
            _cluster = null;
            Assert.That(Directory.Exists(root), Is.False, "the cluster's temp dir is deleted on dispose");
        }
    }

    [Test]
    public async Task Two_databases_each_create_unaccent_and_pg_trgm()
    {
        var first = await Cluster.CreateDatabaseAsync("posax_cluster_a");
        var second = await Cluster.CreateDatabaseAsync("posax_cluster_b");

        Assert.That(first, Does.Contain("Include Error Detail=True").IgnoreCase);
        Assert.That(second, Does.Contain("Database=posax_cluster_b"));

        foreach (var connectionString in new[] { first, second })
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand(
                             "CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm;", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var query = new NpgsqlCommand(
                "SELECT unaccent('Forêt d''ébène'), current_database(), similarity('ebene', 'ebène') > 0", connection);
            await using var reader = await query.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(reader.GetString(0), Is.EqualTo("Foret d'ebene"));
                Assert.That(reader.GetString(1), Is.EqualTo(new NpgsqlConnectionStringBuilder(connectionString).Database));
                Assert.That(reader.GetBoolean(2), Is.True);
            }
        }
    }

    [Test]
    public async Task A_new_connection_works_after_an_immediate_restart()
    {
        var connectionString = await Cluster.CreateDatabaseAsync("posax_cluster_restart");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE survivor(id int PRIMARY KEY); INSERT INTO survivor VALUES (1);", connection);
            await create.ExecuteNonQueryAsync();
        }

        // No CHECKPOINT: an acknowledged commit must survive a crash-like restart.
        var port = Cluster.Port;
        await Cluster.RestartAsync(immediate: true);
        Assert.That(Cluster.Port, Is.EqualTo(port), "a restart keeps the port");

        var fresh = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(fresh))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM survivor", connection);
            Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1L));
        }

        await using (var admin = new NpgsqlConnection(Cluster.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var version = new NpgsqlCommand("SHOW server_version_num", admin);
            Assert.That(int.Parse((string)(await version.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThanOrEqualTo(150000));
        }
    }
}
