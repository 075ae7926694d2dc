using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// Work pages kept on disk (PageSnapshotStore). Each test changes a title behind the app's back
/// (no eviction) to tell a page served from disk from a fresh render, then restarts the app: the
/// memory tier is gone, so what is served comes from the disk or from the database.
/// </summary>
public class PageSnapshotTests(DatabaseProvider provider) : AppTest(provider)
{
    private PosaXApp _app = null!;

    [SetUp]
    public async Task CreateAppAsync() =>
        _app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?>());

    private async Task<(long Id, string Path, string Title)> NewWorkAsync()
    {
        var (client, email) = await Accounts.NewArtistAsync(_app);
        client.Dispose();
        var title = "Instantané " + Word();
        var id = await SeedArtworks.CreateAsync(_app, email, title, images: 0);
        var slug = await _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (id, $"/oeuvres/{id}/{slug}", title);
    }

    private Task<int> RetitleBehindTheAppsBackAsync(long id, string title) =>
        _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title)));

    private async Task<string?> TitleOnPageAsync(string path)
    {
        using var visitor = _app.CreateBrowserClient();
        var response = await visitor.Http.GetAsync(path);
        if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}";
        var page = await visitor.GetPageAsync(path);
        return page.QuerySelector("h1")?.TextContent.Trim();
    }

    private string Folder => _app.Services.GetRequiredService<PageSnapshotStore>().Folder ?? throw new AssertionException("Snapshots are off.");

    private async Task RestartAsync(Action? whileStopped = null, IDictionary<string, string?>? settings = null)
    {
        _app = await _app.RestartAsync(whileStopped, settings);
        TestApps.Track(_app);
    }

    [Test]
    public async Task After_a_clean_restart_a_work_page_comes_from_the_disk()
    {
        var (id, path, title) = await NewWorkAsync();
        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title));
        await RetitleBehindTheAppsBackAsync(id, "Changé en base " + Word());
        await RestartAsync();

        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title), "served from the snapshot, not rendered again");
    }

    [Test]
    public async Task An_eviction_made_before_a_restart_still_holds_after_it()
    {
        var (id, path, title) = await NewWorkAsync();
        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title));
        var retitled = "Changé et évincé " + Word();
        await RetitleBehindTheAppsBackAsync(id, retitled);
        var artistId = await _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.ArtistId).SingleAsync());
        // What every commit through the app's context does.
        await _app.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.ArtworkTag(id), PublicCache.ArtistTag(artistId)]);
        await RestartAsync();

        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(retitled));
    }

    [Test]
    public async Task A_hidden_work_answers_404_after_a_restart_though_its_page_was_on_disk()
    {
        var (id, path, title) = await NewWorkAsync();
        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title));
        var artistId = await _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.ArtistId).SingleAsync());
        await _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.HiddenAt, DateTime.UtcNow)));
        await _app.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.ArtworkTag(id), PublicCache.ArtistTag(artistId)]);
        await RestartAsync();

        Assert.That(await TitleOnPageAsync(path), Is.EqualTo("HTTP 404"));
    }

    [Test]
    public async Task After_an_unclean_stop_no_page_is_served_from_the_disk()
    {
        var (id, path, title) = await NewWorkAsync();
        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title));
        var retitled = "Changé avant la panne " + Word();
        await RetitleBehindTheAppsBackAsync(id, retitled);
        var folder = Folder;
        // A crash leaves no clean-stop marker: the eviction of a committed change may be missing.
        var markerSeen = false;
        await RestartAsync(() =>
        {
            // The host's ApplicationStopped callbacks may still be running when its disposal returns.
            var marker = Path.Combine(folder, PageSnapshotStore.CleanStopMarkerName);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(markerSeen = File.Exists(marker)) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            File.Delete(marker);
        });
        Assert.That(markerSeen, Is.True, "a clean stop leaves its marker");

        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(retitled));
    }

    [Test]
    public async Task Query_strings_and_wrong_slugs_add_no_file()
    {
        var (id, path, _) = await NewWorkAsync();
        using var visitor = _app.CreateBrowserClient();
        for (var i = 0; i < 20; i++) await visitor.Http.GetAsync($"{path}?v={i}");
        var moved = await visitor.Http.GetAsync($"/oeuvres/{id}/pas-le-bon-slug");

        Assert.That(moved.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.MovedPermanently));
        Assert.That(Directory.GetFiles(Folder, "*.snap", SearchOption.AllDirectories), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Nothing_is_put_on_disk_at_start_pages_go_there_when_asked_for()
    {
        var (_, path, title) = await NewWorkAsync();
        await NewWorkAsync();
        await RestartAsync();
        await Task.Delay(500);
        Assert.That(SnapshotFiles(), Is.Empty, "no page is rendered at start, whatever the catalogue's size");

        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title));
        Assert.That(SnapshotFiles(), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task With_a_tiny_size_bound_the_folder_never_exceeds_it_and_every_page_still_serves_right()
    {
        // Room for two or three pages of ≈ 12 KB: each new page pushes the least recently used out.
        const long maxBytes = 30_000;
        await RestartAsync(settings: new Dictionary<string, string?> { ["PageSnapshots:MaxBytes"] = maxBytes.ToString() });
        var (client, email) = await Accounts.NewArtistAsync(_app);
        client.Dispose();
        var works = new List<(long Id, string Path, string Title)>();
        for (var i = 0; i < 12; i++)
        {
            var title = $"Borné {i} " + Word();
            var id = await SeedArtworks.CreateAsync(_app, email, title, images: 0);
            var slug = await _app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
            works.Add((id, $"/oeuvres/{id}/{slug}", title));
        }
        var store = _app.Services.GetRequiredService<PageSnapshotStore>();
        foreach (var (_, path, title) in works)
        {
            Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title));
            Assert.That(SnapshotFiles().Sum(f => new FileInfo(f).Length), Is.LessThanOrEqualTo(maxBytes), "after " + path);
            Assert.That(store.BytesOnDisk, Is.LessThanOrEqualTo(maxBytes));
        }
        Assert.That(SnapshotFiles(), Is.Not.Empty, "pages are still kept on disk");
        Assert.That(SnapshotFiles(), Has.Length.LessThan(works.Count), "older pages were deleted");

        // After a restart (memory tier gone) the most recent page is served from disk, the first from the database.
        foreach (var (id, _, _) in works) await RetitleBehindTheAppsBackAsync(id, "Changé en base " + id);
        await RestartAsync();
        Assert.That(await TitleOnPageAsync(works[^1].Path), Is.EqualTo(works[^1].Title), "the most recent page stayed on disk");
        Assert.That(await TitleOnPageAsync(works[0].Path), Is.EqualTo("Changé en base " + works[0].Id), "the least recent was deleted");
        Assert.That(SnapshotFiles().Sum(f => new FileInfo(f).Length), Is.LessThanOrEqualTo(maxBytes));
    }

    private TimeSpan RememberEvictionsFor => PageSnapshotStore.RememberEvictionsFor(
        _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PageSnapshotOptions>>().Value.Lifetime,
        _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicCacheOptions>>().Value.Expiry);

    private string[] JournalLines() => File.ReadAllLines(Path.Combine(Folder, "evictions.log"));

    [Test]
    public async Task Evictions_older_than_the_longest_life_of_a_snapshot_are_forgotten_at_start_newer_ones_still_refuse_a_stale_page()
    {
        var (id, path, title) = await NewWorkAsync();
        Assert.That(await TitleOnPageAsync(path), Is.EqualTo(title), "on disk now");
        var retitled = "Changé puis évincé " + Word();
        await RetitleBehindTheAppsBackAsync(id, retitled);
        var old = "oeuvre:ancienne-" + Word();
        var folder = Folder;
        var remember = RememberEvictionsFor;
        Assert.That(remember, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(24)), "at least a snapshot's life (24 h by default)");
        // Journaled by an earlier run: an eviction older than the bound, and this work's, made after its page's render.
        await RestartAsync(() => File.AppendAllLines(Path.Combine(folder, "evictions.log"),
        [
            $"{(DateTime.UtcNow - remember - TimeSpan.FromMinutes(5)).Ticks} {old}",
            $"{DateTime.UtcNow.Ticks} {PublicCache.ArtworkTag(id)}",
        ]));
        var store = _app.Services.GetRequiredService<PageSnapshotStore>();

        Assert.Multiple(async () =>
        {
            Assert.That(store.RememberedEvictions.Keys, Does.Not.Contain(old).And.Contain(PublicCache.ArtworkTag(id)));
            Assert.That(JournalLines(), Has.None.EndsWith(" " + old), "the journal is rewritten without it");
            Assert.That(await TitleOnPageAsync(path), Is.EqualTo(retitled), "the page on disk predates an eviction still remembered");
        });
    }

    [Test]
    public async Task A_stale_page_is_refused_while_its_eviction_could_matter_and_the_eviction_is_forgotten_after()
    {
        var store = _app.Services.GetRequiredService<PageSnapshotStore>();
        var requests = _app.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        var tag = PublicCache.ArtworkTag(Random.Shared.NextInt64(1L << 40, 1L << 50));
        var key = "GET\x1ehttps\x1eposax.test/test/oublie-" + Guid.NewGuid().ToString("N");
        var page = "<!DOCTYPE html><title>rendue</title>"u8.ToArray();
        // A page stored (memory and disk), then its work changed: the memory tier drops it, the disk's copy is refused.
        try
        {
            requests.HttpContext = PosaX.Tests.Features.Infrastructure.StaleRenderTests.RequestBeganNow();
            await store.SetAsync(key, page, [PublicCache.SnapshotTag, PublicCache.PagesTag, tag], TimeSpan.FromMinutes(10), CancellationToken.None);
        }
        finally
        {
            requests.HttpContext = null;
        }
        Assert.That(await store.GetAsync(key, CancellationToken.None), Is.EqualTo(page), "stored");
        await Task.Delay(2);
        await store.EvictByTagAsync(tag, CancellationToken.None);
        var evictedAt = store.RememberedEvictions[tag];

        // The clock just short of the bound (what the store would do at that time): still remembered, still refused.
        store.ForgetOldEvictions(evictedAt + (RememberEvictionsFor - TimeSpan.FromMinutes(1)).Ticks);
        Assert.Multiple(async () =>
        {
            Assert.That(store.RememberedEvictions.Keys, Does.Contain(tag));
            Assert.That(JournalLines(), Has.Some.EndsWith(" " + tag));
            Assert.That(await store.GetAsync(key, CancellationToken.None), Is.Null, "the page stored before the eviction");
        });

        // Past it (by then every file written before the eviction has expired): forgotten, in memory and in the journal.
        store.ForgetOldEvictions(evictedAt + (RememberEvictionsFor + TimeSpan.FromMinutes(1)).Ticks);
        Assert.Multiple(() =>
        {
            Assert.That(store.RememberedEvictions.Keys, Does.Not.Contain(tag));
            Assert.That(JournalLines(), Has.None.EndsWith(" " + tag));
        });
    }

    [Test]
    public async Task The_journal_of_evictions_stays_bounded_while_the_app_runs()
    {
        var store = _app.Services.GetRequiredService<PageSnapshotStore>();
        var tag = PublicCache.ArtworkTag(Random.Shared.NextInt64(1L << 40, 1L << 50));
        var before = JournalLines().Length;
        // One work changed 3,000 times: a line each until the journal is rewritten with one line per tag remembered.
        for (var i = 0; i < 3_000; i++) await store.EvictByTagAsync(tag, CancellationToken.None);

        var lines = JournalLines();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.LessThanOrEqualTo(before + 1 + 1_025), "rewritten every 1,024 evictions at most");
            Assert.That(lines.Count(l => l.EndsWith(" " + tag)), Is.LessThan(1_100));
            Assert.That(store.RememberedEvictions.Keys, Does.Contain(tag), "the last eviction is still remembered");
        });
    }

    private string[] SnapshotFiles() => Directory.GetFiles(Folder, "*.snap", SearchOption.AllDirectories);
}
