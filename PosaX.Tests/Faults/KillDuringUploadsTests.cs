using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Faults;

/// <summary>
/// The app process killed with SIGKILL while three artists upload works of several large photos,
/// at the worst moment: uploads unfinished in staging and a picture already stored whose row is not
/// committed. Started again, it has every acknowledged work exactly once with its pictures, no
/// picture without a row, and nothing left in staging (the start-up sweep cleared the dead folder).
/// </summary>
[Category("Faults")]
[NonParallelizable]
[TestFixtureSource(typeof(AppTest), nameof(AppTest.Providers))]
public partial class KillDuringUploadsTests(DatabaseProvider provider)
{
    private const int Writers = 3;

    [Test]
    public async Task After_a_kill_9_mid_upload_the_restarted_app_has_every_acknowledged_work_once_and_no_orphan()
    {
        var data = FaultWork.DataDirectory("kill");
        var connectionString = provider == DatabaseProvider.Postgres
            ? await (await TestApps.PostgresAsync()).CreateDatabaseAsync("posax_kill_" + Guid.NewGuid().ToString("N")[..10])
            : $"Data Source={Path.Combine(data, "posax.db")}";
        await using var app = new AppProcess(provider, connectionString, data);
        var firstStart = await app.StartAsync();

        var artists = new List<AppClient>();
        for (var i = 0; i < Writers; i++) artists.Add(await FaultWork.NewArtistAsync(app.Server, app.Mailbox));
        // Camera-sized photos: several hundred milliseconds of work each, so a kill lands mid-upload.
        var photos = Enumerable.Range(1, 3)
            .Select(seed => new Upload("images", $"photo-{seed}.jpg", ImageFixtures.PhotoLikeJpeg(1600, 1200, seed), "image/jpeg")).ToArray();

        var run = Stopwatch.StartNew();
        var attempts = new ConcurrentBag<Attempt>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
                attempts.Add(await FaultWork.TryPublishAsync(artists[w].Http, $"Coupure {w}-{n}", photos.Take(2 + n % 2).ToArray(), run));
        })).ToList();

        // Some works acknowledged first, so that there is something to lose.
        while (attempts.Count(a => a.Acknowledged) < 2 && run.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
        var moment = await WaitForTheWorstMomentAsync(app, TimeSpan.FromSeconds(20));
        await stop.CancelAsync(); // each writer ends with the request the kill cuts
        app.Kill();
        var killedAt = run.Elapsed;
        await Task.WhenAll(writers);

        var recovery = await app.StartAsync();
        var sweep = SweepLine().Match(app.Log);
        var works = attempts.Where(a => a.Acknowledged).Select(a => a.Name).ToList();
        var cut = attempts.Where(a => !a.Acknowledged).ToList();
        var titles = await app.WithDbAsync(db => db.Artworks.Where(a => a.Title.StartsWith("Coupure ")).Select(a => a.Title).ToListAsync());
        var problems = await app.WithDbAsync(db => MediaInvariants.ProblemsAsync(db, app.MediaDirectory));

        FaultWork.Report($"kill -9 during uploads ({provider}):");
        FaultWork.Report($"  first start ready in {firstStart.TotalMilliseconds:0} ms; killed at {killedAt.TotalSeconds:0.0} s of uploads, " +
                 $"with {moment.Unfinished} uploads unfinished in staging and {moment.Unreferenced} stored pictures without a row " +
                 $"(waited {moment.Waited.TotalMilliseconds:0} ms for that moment)");
        FaultWork.Report($"  restart ready (/health/ready 200) in {recovery.TotalMilliseconds:0} ms after launch");
        FaultWork.Report($"  start-up sweep: {(sweep.Success ? sweep.Value : "nothing to clear")}");
        FaultWork.Report($"  acknowledged before the kill: {works.Count} works; cut off: {cut.Count} ({FaultWork.Statuses(cut)}); " +
                 $"in the database: {titles.Count} works; media problems: {problems.Count}");

        Assert.Multiple(() =>
        {
            Assert.That(moment.Unfinished, Is.GreaterThan(0), "killed while uploads were unfinished");
            Assert.That(works, Is.Not.Empty, "some works were acknowledged before the kill");
            foreach (var title in works)
                Assert.That(titles.Count(t => t == title), Is.EqualTo(1), $"acknowledged work \"{title}\" is there exactly once");
            Assert.That(titles, Is.Unique);
            Assert.That(problems, Is.Empty, "media store and database agree after the restart");
            Assert.That(sweep.Success, Is.True, "the start-up sweep cleared the killed process's working folder");
            Assert.That(cut.Where(c => !c.NoAnswer && c.Status != 503), Is.Empty, "requests cut by the kill got no answer, never a wrong one");
        });

        // The restarted app takes new work from the sessions opened before the kill.
        var after = await FaultWork.TryPublishAsync(artists[0].Http, "Après la coupure", [FaultWork.Photo(7)], run);
        Assert.That(after.Acknowledged, Is.True, after.Detail);
        foreach (var artist in artists) artist.Dispose();
        await app.DisposeAsync();
    }

    private sealed record Moment(int Unfinished, int Unreferenced, TimeSpan Waited);

    /// <summary>
    /// Polls the media folder and the database until an upload is unfinished in staging while a
    /// picture is stored without its row (a work's first photos wait for the last one), or the time is up.
    /// </summary>
    private static async Task<Moment> WaitForTheWorstMomentAsync(AppProcess app, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var staging = Path.Combine(app.MediaDirectory, ".staging");
        var best = new Moment(0, 0, TimeSpan.Zero);
        while (clock.Elapsed < limit)
        {
            var unfinished = Directory.Exists(staging)
                ? Directory.EnumerateDirectories(staging, "i-*").SelectMany(Directory.EnumerateDirectories)
                    .Count(d => Path.GetFileName(d) is not ("keys") && !Path.GetFileName(d).StartsWith("del-", StringComparison.Ordinal))
                : 0;
            // Folders first, rows second: a row committed in between counts as referenced.
            var stored = StoredKeys(app.MediaDirectory);
            if (unfinished > 0 && stored.Count > 0)
            {
                var rows = await app.WithDbAsync(db => db.ArtworkImages.Select(i => i.Key).ToListAsync());
                var unreferenced = stored.Except(rows).Count();
                best = new Moment(unfinished, unreferenced, clock.Elapsed);
                if (unreferenced > 0) return best;
            }
            await Task.Delay(5);
        }
        return best with { Waited = clock.Elapsed };
    }

    private static List<string> StoredKeys(string media)
    {
        var root = Path.Combine(media, "a");
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root).SelectMany(Directory.EnumerateDirectories)
            .Select(d => Path.GetRelativePath(media, d).Replace('\\', '/')).ToList();
    }


    [GeneratedRegex(@"Cleared \d+ working folders of stopped processes: \d+ pictures without a row deleted, \d+ kept")]
    private static partial Regex SweepLine();
}
