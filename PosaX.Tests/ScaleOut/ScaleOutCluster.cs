using System.Globalization;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// The topology of issue 16 on loopback, shared by every ScaleOut fixture of a run: one PostgreSQL
/// database, Redis, s3rver (a bucket), two app instances A and B (real processes, Production) and nginx
/// balancing them. Each instance writes mails to its own pickup folder, so a mail delivered twice
/// shows as two files; <see cref="Mailbox"/> reads both. nginx names the instance that answered in
/// the <c>X-Upstream</c> header.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    public const string Bucket = "posax-media";
    public const int OrdersPerIp = 6;
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static ScaleOutCluster? _shared;

    private readonly List<IAsyncDisposable> _stopOrder = [];

    private ScaleOutCluster(string dataDirectory) => DataDirectory = dataDirectory;

    public string DataDirectory { get; }
    public required string ConnectionString { get; init; }
    public required ServerProcess Redis { get; init; }
    public required ServerProcess S3 { get; init; }
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public ServerProcess Nginx { get; private set; } = null!;
    public Uri Balancer => new($"http://127.0.0.1:{Nginx.Port}");
    public Mailbox Mailbox => new(Path.Combine(A.DataDirectory, "mail"), Path.Combine(B.DataDirectory, "mail"));
    public string S3Directory => Path.Combine(DataDirectory, "s3");

    /// <summary>How long the shared cluster took to start (the first caller pays it).</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>The run's cluster, started by the first ScaleOut test that asks and stopped at the end of the run.</summary>
    public static async Task<ScaleOutCluster> SharedAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (_shared is not null) return _shared;
            _shared = await StartAsync("shared");
            TestApps.Track(_shared);
            return _shared;
        }
        finally { Starting.Release(); }
    }

    /// <summary>The settings an instance of this cluster runs with (besides AppProcess's own).</summary>
    public Dictionary<string, string?> InstanceSettings(string name) => new()
    {
        ["Redis__Configuration"] = $"127.0.0.1:{Redis.Port}",
        ["Storage__Provider"] = "S3",
        ["Storage__S3__ServiceUrl"] = $"http://127.0.0.1:{S3.Port}",
        ["Storage__S3__Bucket"] = Bucket,
        ["Storage__S3__Region"] = "us-east-1",
        // s3rver's fixed keys (it is started with --allow-mismatched-signatures all the same).
        ["Storage__S3__AccessKey"] = "S3RVER",
        ["Storage__S3__SecretKey"] = "S3RVER",
        // Low enough for LimitsAcrossInstancesTests to go past it (no other ScaleOut test orders).
        ["RateLimits__OrdersPerIpPerHour"] = OrdersPerIp.ToString(CultureInfo.InvariantCulture),
        // The tests' admin signs in with a password only (Production asks admins for a second factor).
        ["Admin__RequireTwoFactor"] = "false",
    };

    /// <summary>The bucket as the instances see it (to list its objects).</summary>
    public S3MediaStore NewBucketClient() => new(Microsoft.Extensions.Options.Options.Create(new StorageOptions
    {
        S3 = new S3StorageOptions
        {
            ServiceUrl = $"http://127.0.0.1:{S3.Port}", Bucket = Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER",
        },
    }));

    /// <summary>
    /// Waits until both instances are connected to Redis again (their named clients in CLIENT
    /// LIST), after a restart of Redis: until then each falls back to counting in process, and a
    /// test of shared limits would count some requests there.
    /// </summary>
    public async Task WaitForInstancesOnRedisAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var names = new HashSet<string>();
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Redis.Port},allowAdmin=true,abortConnect=false");
                var clients = await admin.GetServers()[0].ClientListAsync();
                names = clients.Select(c => c.Name ?? "").Where(n => n.StartsWith("posax-", StringComparison.Ordinal)).ToHashSet();
                if (names.Count >= 2) return;
            }
            catch (StackExchange.Redis.RedisException) { }
            await Task.Delay(200);
        }
        throw new AssertionException($"The instances did not reconnect to Redis in time (connected: {string.Join(", ", names)}).");
    }

    /// <summary>A new activated artist, signed in: one browser, seen through A (<c>.A</c>) and B (<c>.B</c>).</summary>
    public async Task<(AppClient A, AppClient B)> NewArtistAsync()
    {
        var onA = await FaultWork.NewArtistAsync(A.Server, Mailbox);
        return (onA, new AppClient(B.Server, onA.Cookies));
    }

    /// <summary>A new admin (the app's create-admin command), signed in through <paramref name="instance"/>.</summary>
    public async Task<AppClient> NewAdminAsync(AppProcess instance)
    {
        var email = $"admin-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
        const string password = "une phrase de passe d'admin";
        var (code, output) = await A.RunCommandAsync("create-admin", "--email", email, "--password", password);
        Assert.That(code, Is.Zero, output);
        var admin = new AppClient(instance.Server);
        var login = await admin.LoginAsync(email, password);
        Assert.That(login.Success, Is.True, login.Message);
        return admin;
    }

    /// <summary>A new instance on this cluster's database, Redis and bucket (not started).</summary>
    public AppProcess NewInstance(string name, IDictionary<string, string?>? extra = null)
    {
        var folder = Path.Combine(DataDirectory, name);
        Directory.CreateDirectory(folder);
        var settings = InstanceSettings(name);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = new AppProcess(DatabaseProvider.Postgres, ConnectionString, folder, settings);
        lock (_stopOrder) _stopOrder.Insert(0, app);
        return app;
    }

    public static async Task<ScaleOutCluster> StartAsync(string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ScaleOutTools.EnsureInstalledAsync();
        var data = FaultWork.DataDirectory("scaleout-" + name);
        var postgres = await TestApps.PostgresAsync();
        var connectionString = await postgres.CreateDatabaseAsync("posax_scaleout_" + Guid.NewGuid().ToString("N")[..10]);

        var redisPort = ServerProcess.FreePort();
        var redis = new ServerProcess("redis", ScaleOutTools.RedisServer,
            ["--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--protected-mode", "no", "--dir", data], data, redisPort);
        var s3Port = ServerProcess.FreePort();
        Directory.CreateDirectory(Path.Combine(data, "s3"));
        var s3 = new ServerProcess("s3rver", "node",
            [ScaleOutTools.S3rverScript, "-d", Path.Combine(data, "s3"), "-a", "127.0.0.1", "-p", s3Port.ToString(CultureInfo.InvariantCulture),
             "--silent", "--allow-mismatched-signatures", "--no-vhost-buckets", "--configure-bucket", Bucket], data, s3Port);

        var cluster = new ScaleOutCluster(data) { ConnectionString = connectionString, Redis = redis, S3 = s3 };
        cluster._stopOrder.AddRange([s3, redis]);
        try
        {
            await Task.WhenAll(redis.StartAsync(), s3.StartAsync());
            cluster.A = cluster.NewInstance("a");
            cluster.B = cluster.NewInstance("b");
            // Together on an empty database, as two replicas of a deployment do (StartupTogetherTests).
            await Task.WhenAll(cluster.A.StartAsync(TimeSpan.FromSeconds(90)), cluster.B.StartAsync(TimeSpan.FromSeconds(90)));
            cluster.Nginx = await StartNginxAsync(data, cluster.A, cluster.B);
            cluster._stopOrder.Insert(0, cluster.Nginx);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        cluster.StartedIn = clock.Elapsed;
        TestContext.Progress.WriteLine($"[scaleout] cluster \"{name}\" up in {clock.Elapsed.TotalSeconds:0.0} s: nginx :{cluster.Nginx.Port} → " +
                                       $"A {cluster.A.Server.Port}, B {cluster.B.Server.Port}; redis :{redisPort}; s3rver :{s3Port}");
        return cluster;
    }

    /// <summary>
    /// nginx in front of the instances, round robin, as README's compose file sets it up: forwarded
    /// headers, uploads up to the app's own limit, a dead instance skipped for idempotent requests.
    /// </summary>
    private static async Task<ServerProcess> StartNginxAsync(string data, params AppProcess[] instances)
    {
        var port = ServerProcess.FreePort();
        var prefix = Path.Combine(data, "nginx");
        Directory.CreateDirectory(prefix);
        var upstreams = string.Concat(instances.Select(i => $"    server 127.0.0.1:{i.Server.Port} max_fails=1 fail_timeout=2s;\n"));
        var config = $$"""
            {{(Environment.IsPrivilegedProcess ? "user root;" : "")}}
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              client_max_body_size 64m;
              upstream posax {
            {{upstreams}}    keepalive 16;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://posax;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout http_502;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """;
        var file = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        var nginx = new ServerProcess("nginx", ScaleOutTools.Nginx,
            ["-p", prefix, "-c", file, "-e", Path.Combine(prefix, "error.log"), "-g", "daemon off;"], data, port);
        await nginx.StartAsync();
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in _stopOrder.ToList())
            try { await part.DisposeAsync(); } catch (Exception e) { TestContext.Progress.WriteLine($"[scaleout] stopping: {e.Message}"); }
    }
}
