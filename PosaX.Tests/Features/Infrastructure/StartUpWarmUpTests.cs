using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>
/// The warm-up (StartUpWarmUp): on in Production, here switched on by its setting. Each test starts
/// an app with a catalogue, restarts it warming up, and looks at what the warm-up left: the pages
/// it asked for are in the caches (the work page on disk) before /health/ready says yes.
/// </summary>
public class StartUpWarmUpTests(DatabaseProvider provider) : AppTest(provider)
{
    private PosaXApp _app = null!;

    private static readonly Dictionary<string, string?> WarmingUp = new() { ["WarmUp:Enabled"] = "true" };

    [SetUp]
    public async Task CreateAppAsync() =>
        _app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?>());

    private async Task RestartWarmingUpAsync()
    {
        _app = await _app.RestartAsync(settings: WarmingUp);
        TestApps.Track(_app);
    }

    private async Task<HttpStatusCode> ReadyAsync()
    {
        using var visitor = _app.CreateBrowserClient();
        using var response = await visitor.Http.GetAsync("/health/ready");
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> ReadyWithinAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var status = await ReadyAsync();
        while (status != HttpStatusCode.OK && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
            status = await ReadyAsync();
        }
        return status;
    }

    private string[] SnapshotFiles()
    {
        var folder = _app.Services.GetRequiredService<PageSnapshotStore>().Folder ?? throw new AssertionException("Snapshots are off.");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.snap", SearchOption.AllDirectories) : [];
    }

    [Test]
    public async Task Before_ready_the_app_has_asked_itself_for_one_page_of_each_kind_the_newest_work_among_them()
    {
        var (client, email) = await Accounts.NewArtistAsync(_app);
        client.Dispose();
        var title = "Échauffement " + Word();
        var id = await SeedArtworks.CreateAsync(_app, email, title, images: 0);
        var slug = await _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());

        await RestartWarmingUpAsync();
        Assert.That(await ReadyWithinAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(HttpStatusCode.OK));

        var warmUp = _app.Services.GetRequiredService<StartUpWarmUp>();
        var page = $"/oeuvres/{id}/{slug}";
        Assert.Multiple(() =>
        {
            Assert.That(warmUp.Paths, Does.Contain("/").And.Contain("/oeuvres").And.Contain(page).And.Contain($"/en/artworks/{id}/{slug}"));
            Assert.That(warmUp.Paths.Count(p => p.StartsWith("/oeuvres?", StringComparison.Ordinal)), Is.EqualTo(4),
                "a category, a text search, a text search with filters, filters alone");
            Assert.That(warmUp.Paths.Any(p => Uri.UnescapeDataString(p).Contains("q=Échauffement", StringComparison.Ordinal)),
                Is.True, "the text search uses a word of the newest work's title: " + string.Join(", ", warmUp.Paths));
            // Asked for and rendered before ready: the work page is already on disk.
            Assert.That(SnapshotFiles(), Is.Not.Empty, "the work page was rendered by the warm-up");
        });
    }

    [Test]
    public async Task An_empty_catalogue_warms_up_too_and_the_app_says_ready()
    {
        await RestartWarmingUpAsync();
        Assert.That(await ReadyWithinAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_app.Services.GetRequiredService<StartUpWarmUp>().Paths, Is.EqualTo(new[] { "/", "/oeuvres" }));
    }

    [Test]
    public async Task Outside_Production_and_unless_asked_there_is_no_warm_up()
    {
        Assert.That(await ReadyAsync(), Is.EqualTo(HttpStatusCode.OK));
        var warmUp = _app.Services.GetRequiredService<StartUpWarmUp>();
        Assert.Multiple(() =>
        {
            Assert.That(warmUp.IsEnabled, Is.False);
            Assert.That(warmUp.Paths, Is.Empty);
        });
    }

    [Test]
    public async Task While_the_warm_up_runs_ready_is_503_then_200_and_the_log_has_no_error_from_it()
    {
        // A pause before the first page (WarmUp:Delay) keeps the warm-up running long enough to be asked.
        _app = await _app.RestartAsync(settings: new Dictionary<string, string?>(WarmingUp) { ["WarmUp:Delay"] = "00:00:05" });
        TestApps.Track(_app);
        var logLinesBefore = File.Exists(_app.LogFile) ? File.ReadAllLines(_app.LogFile).Length : 0;

        var during = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            during.Add(await ReadyAsync());
            await Task.Delay(200);
        }
        var warmUp = _app.Services.GetRequiredService<StartUpWarmUp>();
        Assert.That(warmUp.Paths, Is.Empty, "still warming up when asked (else the 503s prove nothing)");
        Assert.That(during, Has.All.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready while warming up");
        Assert.That(await ReadyWithinAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(HttpStatusCode.OK), "ready once warmed up");
        Assert.That(warmUp.Paths, Is.Not.Empty, "the warm-up ran");

        var log = (File.Exists(_app.LogFile) ? File.ReadAllLines(_app.LogFile) : []).Skip(logLinesBefore).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(log.Where(l => l.Contains(" Error ", StringComparison.Ordinal) || l.Contains(" Critical ", StringComparison.Ordinal)),
                Is.Empty, "no error in the app log during the warm-up");
            // The probes were logged at all (so the check above looked at the right thing): as warnings.
            Assert.That(log.Where(l => l.Contains(StartUpWarmUp.WarmingUp, StringComparison.Ordinal)), Is.Not.Empty.And.All.Contains(" Warning "));
        });
    }
}
