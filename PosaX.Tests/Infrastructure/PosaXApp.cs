using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel), on a real database of the given provider,
/// with its own data folder (SQLite file, media, pickup mails). Nothing is mocked.
/// </summary>
public sealed class PosaXApp : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://posax.test";

    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces what cannot run here as it does in production (e.g. the clock: ManualClock).</param>
    public PosaXApp(DatabaseProvider provider, string connectionString, string dataDirectory, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        Provider = provider;
        DataDirectory = dataDirectory;
        _connectionString = connectionString;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:PosaX"] = connectionString,
            ["Storage:Root"] = Path.Combine(dataDirectory, "media"),
            ["Email:PickupDirectory"] = Path.Combine(dataDirectory, "mail"),
            ["Email:PollInterval"] = "00:00:00.200",
            ["SendGrid:ApiKey"] = "",
            ["Site:BaseUrl"] = BaseUrl,
            // All tests share 127.0.0.1; the per-IP limit has its own test with its own app.
            ["RateLimits:AuthPerIpPerMinute"] = "100000",
            ["RateLimits:OrdersPerIpPerHour"] = "100000",
            ["RateLimits:ContactPerIpPerHour"] = "100000",
            // Statistics are written when a test says so (StatisticsCounter.FlushAsync), never under it.
            ["Statistics:FlushInterval"] = "01:00:00",
            ["Digests:PostsPerIpPerHour"] = "100000",
            // The digest job looks at the clock once, at start (the database then holds no subscription):
            // a test run that crosses 08:00 in Douala must not mail digests to other tests' followers.
            // DigestTests runs the job itself on a clock of its own.
            ["Digests:PollInterval"] = "1.00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(0);
    }

    private readonly string _connectionString;

    public DatabaseProvider Provider { get; }

    /// <summary>Stops this app and starts a new one on the same database and folders (a restart).</summary>
    /// <param name="whileStopped">Done between the stop and the start (e.g. what a crash would leave).</param>
    /// <param name="settings">Settings changed from this start on.</param>
    public async Task<PosaXApp> RestartAsync(Action? whileStopped = null, IDictionary<string, string?>? settings = null)
    {
        await DisposeAsync();
        whileStopped?.Invoke();
        var next = new PosaXApp(Provider, _connectionString, DataDirectory, settings is null ? _settings : new Dictionary<string, string?>(_settings.Concat(settings).GroupBy(s => s.Key).Select(g => g.Last())), _services);
        _ = next.ServerAddress;
        return next;
    }
    public string DataDirectory { get; }
    public string MediaDirectory => Path.Combine(DataDirectory, "media");
    public Mailbox Mailbox => new(Path.Combine(DataDirectory, "mail"));

    /// <summary>Every file under the media root (staging included): "no stray file" is asserted with it.</summary>
    public string[] MediaFiles() =>
        Directory.Exists(MediaDirectory) ? Directory.GetFiles(MediaDirectory, "*", SearchOption.AllDirectories) : [];

    /// <summary>http://127.0.0.1:port of the running server.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the static web assets manifest is not loaded, and the precompressed
        // .gz/.br files a browser asks for live under obj/ until publish: load it as Development does.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(LogFile)));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// <summary>The app's warnings and errors (see FileLoggerProvider).</summary>
    public string LogFile => Path.Combine(DataDirectory, "app.log");

    public AppClient CreateBrowserClient() => new(this);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<PosaXDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PosaXDbContext>());
    }
}

/// <summary>One app per provider for the whole run (started on first use), plus the PostgreSQL server.</summary>
public static class TestApps
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<PosaXApp>>> Apps = new();
    private static readonly SemaphoreSlim PostgresLock = new(1, 1);
    private static PostgresCluster? _postgres;
    private static readonly List<IAsyncDisposable> Extra = [];

    public static Task<PosaXApp> GetAsync(DatabaseProvider provider) =>
        Apps.GetOrAdd(provider, p => new Lazy<Task<PosaXApp>>(() => CreateAsync(p))).Value;

    /// <summary>A separate app with its own settings and database, disposed at the end of the run.</summary>
    public static async Task<PosaXApp> CreateDedicatedAsync(DatabaseProvider provider, IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null)
    {
        var app = await CreateAsync(provider, settings, services);
        lock (Extra) Extra.Add(app);
        return app;
    }

    /// <summary>Disposed with the rest at the end of the run.</summary>
    public static void Track(IAsyncDisposable app)
    {
        lock (Extra) Extra.Add(app);
    }

    public static async Task<PostgresCluster> PostgresAsync()
    {
        await PostgresLock.WaitAsync();
        try { return _postgres ??= await PostgresCluster.StartAsync(); }
        finally { PostgresLock.Release(); }
    }

    private static async Task<PosaXApp> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "posax-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(dataDirectory, "posax.db")}"
            : await (await PostgresAsync()).CreateDatabaseAsync("posax_" + Guid.NewGuid().ToString("N")[..12]);
        var app = new PosaXApp(provider, connectionString, dataDirectory, settings, services);
        _ = app.ServerAddress; // start now: migrations run once, here
        return app;
    }

    /// <summary>Called once, after every test of the assembly (see AssemblyTeardown).</summary>
    public static async Task StopAllAsync()
    {
        foreach (var lazy in Apps.Values)
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await DisposeAppAsync(lazy.Value.Result);
        foreach (var extra in Extra) await extra.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    private static async Task DisposeAppAsync(PosaXApp app)
    {
        await app.DisposeAsync();
        // POSAX_KEEP_TEST_DATA=1 keeps the folders (database, media, mails, app.log) for a look afterwards.
        if (Environment.GetEnvironmentVariable("POSAX_KEEP_TEST_DATA") == "1") return;
        try { Directory.Delete(app.DataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Fixture arguments for tests that run once per provider. Each fixture instance carries its
/// provider as an NUnit category ("Sqlite" or "Postgres"), so a filter picks a tier:
/// <c>Category!=Postgres</c> runs without a PostgreSQL server (see scripts/test.sh --fast).
/// </summary>
public static class ProviderFixtures
{
    public static TestFixtureData[] Of(params DatabaseProvider[] providers) => providers.Select(provider =>
    {
        var fixture = new TestFixtureData(provider);
        fixture.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, provider.ToString());
        return fixture;
    }).ToArray();
}

/// <summary>Base of tests that run once per provider: [TestFixtureSource] gives both.</summary>
[TestFixtureSource(typeof(AppTest), nameof(Providers))]
public abstract class AppTest(DatabaseProvider provider) : SharedAppTest(provider)
{
    public static readonly TestFixtureData[] Providers = ProviderFixtures.Of(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);
}

/// <summary>
/// Base of tests of what only PostgreSQL has (trigrams, the tsvector, query plans): fixtures of
/// their own, so that a SQLite fixture never has a test to skip.
/// </summary>
[Category("Postgres")]
public abstract class PostgresAppTest() : SharedAppTest(DatabaseProvider.Postgres);

/// <summary>The shared app of one provider (see <see cref="TestApps"/>) and what tests do with it.</summary>
public abstract class SharedAppTest(DatabaseProvider provider)
{
    protected DatabaseProvider Provider { get; } = provider;
    protected PosaXApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync() => App = await TestApps.GetAsync(Provider);

    protected AppClient NewClient() => App.CreateBrowserClient();

    /// <summary>A unique address per test: tests share one database and never collide.</summary>
    protected static string NewEmail(string hint = "artiste") =>
        $"{hint}-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";
}
