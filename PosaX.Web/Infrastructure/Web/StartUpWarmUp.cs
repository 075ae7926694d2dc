using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Warm up before saying ready; unset: in Production only.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The longest the warm-up may hold /health/ready back.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A pause before the first page, counted in <see cref="Timeout"/> (none by default): holds an instance out of
    /// the load balancer for a fixed time after start, e.g. while the one it replaces still drains on the same
    /// machine. The tests use it to see /health/ready answer 503 while the warm-up runs.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// After start, and before /health/ready says yes, the app asks itself (over loopback, as an
/// anonymous visitor) for one page of each kind: the home, the catalogue, a category, a text
/// search, a text search with filters, a search by filters alone, the newest work's page in
/// French and in English, its artist's page. Issue 17: in the first minute after a start, 16
/// searches sent at once each took 1.2–1.9 s, every request compiling the same code and the same
/// EF queries at the same time and computing the same counts; a load balancer that waits for
/// ready now sends visitors to an app that has done that once. A constant amount of work (nine
/// requests), whatever the catalogue's size; bounded by <see cref="WarmUpOptions.Timeout"/>.
/// </summary>
public sealed class StartUpWarmUp(IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime,
    IOptions<WarmUpOptions> options, IOptions<SiteOptions> site, IHostEnvironment environment, ILogger<StartUpWarmUp> logger)
    : BackgroundService, IHealthCheck
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEnabled => options.Value.Enabled ?? environment.IsProduction();

    /// <summary>The pages asked for, in order (for the log and the tests).</summary>
    public IReadOnlyList<string> Paths { get; private set; } = [];

    /// <summary>
    /// Degraded, not Unhealthy, while warming up: the health check service logs an Unhealthy result as an error
    /// at every probe, and a start is no error. /health/ready answers 503 on Degraded too (WebRegistration), so a
    /// load balancer still waits; a Degraded result is logged as a warning.
    /// </summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!IsEnabled || _done.Task.IsCompleted ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(WarmingUp));

    /// <summary>The warm-up check's description while it runs.</summary>
    public const string WarmingUp = "warming up";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled) return;
        try
        {
            var started = new TaskCompletionSource();
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stoppingToken);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            bounded.CancelAfter(options.Value.Timeout);
            if (options.Value.Delay > TimeSpan.Zero) await Task.Delay(options.Value.Delay, bounded.Token);
            await WarmUpAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Warm-up cut short after {Timeout}: ready all the same.", options.Value.Timeout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A warm-up that fails (the database, a page) must neither keep the instance out of the load
            // balancer nor stop the host, as a background service's exception would.
            logger.LogWarning(e, "Warm-up failed: ready all the same.");
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task WarmUpAsync(CancellationToken ct)
    {
        if (LoopbackAddress() is not { } address)
        {
            logger.LogWarning("Warm-up: no HTTP address to ask.");
            return;
        }
        Paths = await PathsAsync(ct);
        var clock = Stopwatch.StartNew();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        var failed = 0;
        foreach (var path in Paths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            // The site's own host: AllowedHosts may not list the loopback address.
            request.Headers.Host = new Uri(site.Value.BaseUrl).Authority;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            if (!response.IsSuccessStatusCode) failed++;
        }
        logger.LogInformation("Warm-up: {Count} pages in {Milliseconds} ms ({Failed} not 2xx).", Paths.Count, clock.ElapsedMilliseconds, failed);
    }

    /// <summary>One page of each kind, from the newest public work (none in an empty catalogue).</summary>
    private async Task<List<string>> PathsAsync(CancellationToken ct)
    {
        var paths = new List<string> { "/", ArtworkUrls.Catalogue };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        var newest = await db.Artworks.AsNoTracking().OnSite()
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Slug, a.Title, a.Price, Category = a.Category.Slug, Artist = a.Artist.Slug })
            .FirstOrDefaultAsync(ct);
        if (newest is null) return paths;
        var word = newest.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && w.All(char.IsLetter)).DefaultIfEmpty("art").First();
        var page = ArtworkUrls.Page(newest.Id, newest.Slug);
        paths.AddRange([
            new CatalogueQuery { Category = newest.Category }.Url(),
            new CatalogueQuery { Text = word }.Url(),
            new CatalogueQuery { Text = word, Category = newest.Category, MaxPrice = newest.Price }.Url(),
            new CatalogueQuery { Category = newest.Category, AvailableOnly = true, Sort = CatalogueSort.PriceAscending }.Url(),
            page,
            LocalizedPaths.For(page, Languages.English),
            "/artistes/" + newest.Artist,
        ]);
        return paths;
    }

    private Uri? LoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (!address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            // "http://+:8080", "http://0.0.0.0:8080", "http://[::]:8080": the same port on loopback.
            var port = address[(address.LastIndexOf(':') + 1)..].TrimEnd('/');
            return new Uri($"http://127.0.0.1:{port}/");
        }
        return null;
    }
}
