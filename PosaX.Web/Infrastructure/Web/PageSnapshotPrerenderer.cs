using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// After start, asks the app itself (over loopback, as an anonymous visitor) for every public work
/// page, so that each is on disk (<see cref="PageSnapshotStore"/>) before a crawler or a shared
/// link asks for it. A page already on disk costs a file read. One page at a time by default:
/// at 100,000 works that is a few minutes of one core after each deploy or unclean stop.
/// </summary>
public sealed class PageSnapshotPrerenderer(IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime,
    IOptions<PageSnapshotOptions> options, PageSnapshotStore store, IHostEnvironment environment, ILogger<PageSnapshotPrerenderer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !(options.Value.Prerender ?? environment.IsProduction()) || store.Folder is null) return;
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        if (LoopbackAddress() is not { } address)
        {
            logger.LogWarning("Page snapshots: no HTTP address to pre-render through.");
            return;
        }

        List<string> paths;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
            paths = (await db.Artworks.AsNoTracking().OnSite().OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).ToListAsync(stoppingToken))
                .Select(a => ArtworkUrls.Page(a.Id, a.Slug)).ToList();
        }

        var clock = Stopwatch.StartNew();
        var failed = 0;
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.PrerenderConcurrency), CancellationToken = stoppingToken },
            async (path, ct) =>
            {
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            });
        logger.LogInformation("Page snapshots: {Count} work pages pre-rendered in {Seconds:0.0} s ({Failed} not stored).",
            paths.Count, clock.Elapsed.TotalSeconds, failed);
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
