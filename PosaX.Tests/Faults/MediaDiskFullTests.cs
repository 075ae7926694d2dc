using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.Faults;

/// <summary>
/// The media disk fills up during uploads: the media root is a 4 MB tmpfs, so ENOSPC comes from
/// the kernel, not from a mock. The artist gets a clear JSON error (507, in French), no row and no
/// file is left (not even the photos of the same work already stored), and once space is freed the
/// same app, never restarted, takes the upload.
/// </summary>
[Category("Faults")]
[NonParallelizable]
public class MediaDiskFullTests
{
    private const int TmpfsBytes = 4 * 1024 * 1024;

    [Test]
    public async Task A_full_media_disk_refuses_uploads_cleanly_and_recovers_without_a_restart()
    {
        var data = FaultWork.DataDirectory("disk");
        var folder = Directory.CreateDirectory(Path.Combine(data, "media")).FullName;
        await using var disk = await SmallDisk.MountAsync(folder, TmpfsBytes);
        FaultWork.Report($"media disk full: a {TmpfsBytes / 1024} KB tmpfs, {disk.How}");
        await RunScenarioAsync(data, disk.Path);
    }

    /// <summary>
    /// A small tmpfs. Root (with CAP_SYS_ADMIN) mounts it on the folder itself; any other user gets it
    /// inside the user and mount namespaces of a helper process (util-linux <c>unshare</c>), reached
    /// from here through <c>/proc/&lt;helper&gt;/root</c>: the kernel's ENOSPC all the same, no root needed.
    /// </summary>
    private sealed class SmallDisk : IAsyncDisposable
    {
        private readonly Process? _helper;

        private SmallDisk(string path, string how, Process? helper) => (Path, How, _helper) = (path, how, helper);

        /// <summary>Where the app writes: the folder itself, or the folder as the helper sees it.</summary>
        public string Path { get; }

        public string How { get; }

        public static async Task<SmallDisk> MountAsync(string folder, int bytes)
        {
            var options = $"size={bytes},mode=0755";
            var mounted = await RunAsync("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder);
            if (mounted.Code == 0) return new SmallDisk(folder, "mounted on the media folder", null);

            // The helper mounts, says so, then holds the namespace until its stdin closes (here, or
            // when this process dies: nothing is left mounted anywhere).
            var start = new ProcessStartInfo("unshare")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[] { "--user", "--map-root-user", "--mount", "sh", "-c",
                         "mount -t tmpfs -o \"$1\" tmpfs \"$2\" && echo mounted && exec cat >/dev/null", "sh", options, folder })
                start.ArgumentList.Add(a);
            string problem;
            Process? helper = null;
            try
            {
                helper = Process.Start(start)!;
                var said = await helper.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                var path = $"/proc/{helper.Id}/root{folder}";
                if (said == "mounted" && CanWrite(path))
                    return new SmallDisk(path, $"mount exit {mounted.Code} ({mounted.Output.Trim()}), so mounted in a user namespace", helper);
                problem = said == "mounted"
                    ? "unshare mounted it but it cannot be written through /proc"
                    : "unshare: " + await helper.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
            {
                problem = "unshare: " + e.Message;
            }
            if (helper is not null)
            {
                if (!helper.HasExited) helper.Kill();
                helper.Dispose();
            }
            var reason = $"no small tmpfs for a real ENOSPC: mount exit {mounted.Code} ({mounted.Output.Trim()}), {problem.Trim()}; " +
                         "run as root with CAP_SYS_ADMIN, or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)";
            FaultWork.Report("media disk full: skipped, " + reason);
            Assert.Ignore(reason);
            throw new UnreachableException();
        }

        private static bool CanWrite(string folder)
        {
            try
            {
                var probe = System.IO.Path.Combine(folder, ".probe");
                File.WriteAllText(probe, "");
                File.Delete(probe);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_helper is null)
            {
                var unmounted = await RunAsync("umount", Path);
                if (unmounted.Code != 0) await RunAsync("umount", "-l", Path);
                return;
            }
            _helper.StandardInput.Close();
            if (!_helper.WaitForExit(5000)) _helper.Kill();
            _helper.Dispose();
        }
    }

    private static async Task RunScenarioAsync(string data, string media)
    {
        await using var app = new PosaXApp(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "posax.db")}", data,
            new Dictionary<string, string?> { ["Storage:Root"] = media });
        var run = Stopwatch.StartNew();
        using var artist = await FaultWork.NewArtistAsync(app.ServerAddress, app.Mailbox);
        Upload[] Photos(int count) => Enumerable.Range(1, count).Select(i => FaultWork.Photo(i, 1000, 750)).ToArray();

        // One photo's stored size (its variants), measured on a first, normal upload.
        var first = await FaultWork.TryPublishAsync(artist.Http, "Avant la saturation", Photos(1), run);
        Assert.That(first.Acknowledged, Is.True, first.Detail);
        var onePhoto = await app.WithDbAsync(db => db.ArtworkImages.Select(i => i.Key).SingleAsync());
        var photoBytes = Directory.GetFiles(Path.Combine(media, onePhoto)).Sum(f => RoundToPages(new FileInfo(f).Length));

        // Fill the disk, then free one and a half photos' worth: the first photo of a three-photo
        // work is stored, the second runs out of space half-way through its variants.
        var filler = Path.Combine(media, "remplissage.bin");
        var filled = Fill(filler);
        await using (var shrink = new FileStream(filler, FileMode.Open)) shrink.SetLength(Math.Max(0, shrink.Length - photoBytes * 3 / 2));
        var free = new DriveInfo(media).AvailableFreeSpace;

        var full = await FaultWork.TryPublishAsync(artist.Http, "Pendant la saturation", Photos(3), run);
        var filesAfterFailure = Listing(media, filler);
        var problemsAfterFailure = (await app.WithDbAsync(db => MediaInvariants.ProblemsAsync(db, media)))
            .Where(p => !p.Contains(Path.GetFileName(filler), StringComparison.Ordinal)).ToList();

        // Not a byte left: the very first variant cannot be written.
        var topUp = Path.Combine(media, "remplissage-2.bin");
        Fill(topUp);
        var bareDisk = await FaultWork.TryPublishAsync(artist.Http, "Disque plein", Photos(1), run);
        var rows = await app.WithDbAsync(db => db.Artworks.Select(a => a.Title).ToListAsync());

        File.Delete(filler);
        File.Delete(topUp);
        var recovered = await FaultWork.TryPublishAsync(artist.Http, "Après la saturation", Photos(3), run);
        var problems = await app.WithDbAsync(db => MediaInvariants.ProblemsAsync(db, media));

        FaultWork.Report($"media disk full ({TmpfsBytes / 1024} KB tmpfs; one photo = {photoBytes / 1024} KB stored; " +
                                       $"{filled / 1024} KB filled, then {free / 1024} KB left free):");
        FaultWork.Report($"  three photos with room for one and a half: {full.Status} \"{full.Detail}\"");
        FaultWork.Report($"  one photo on a full disk: {bareDisk.Status} \"{bareDisk.Detail}\"");
        FaultWork.Report($"  after freeing space, same app: {recovered.Status} \"{recovered.Detail}\"");

        Assert.Multiple(() =>
        {
            foreach (var refused in new[] { full, bareDisk })
            {
                Assert.That(refused.Status, Is.EqualTo(507), "507 Insufficient Storage, in the JSON contract");
                Assert.That(refused.Detail, Does.Contain(InfrastructureTexts.Images.StorageFull), "a clear French message");
            }
            Assert.That(rows, Is.EqualTo(new[] { "Avant la saturation" }), "no row for the refused works");
            Assert.That(filesAfterFailure, Is.EquivalentTo(Listing(media, filler, onlyKey: onePhoto)),
                "no file of the refused work: neither its stored first photo nor a partial variant");
            Assert.That(problemsAfterFailure, Is.Empty);
            Assert.That(recovered.Acknowledged, Is.True, "the same app takes uploads again once there is room");
            Assert.That(problems, Is.Empty);
        });
    }

    /// <summary>Writes until the kernel says ENOSPC; returns the bytes written.</summary>
    private static long Fill(string path)
    {
        var chunk = new byte[64 * 1024];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true) file.Write(chunk);
        }
        catch (IOException e) when (e.HResult == 28)
        {
            return file.Length;
        }
    }

    private static long RoundToPages(long bytes) => (bytes + 4095) / 4096 * 4096;

    /// <summary>Picture files under the media root (the filler and staging's bookkeeping aside).</summary>
    private static List<string> Listing(string media, string filler, string? onlyKey = null) =>
        Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories)
            .Where(f => f != filler)
            .Select(f => Path.GetRelativePath(media, f))
            .Where(f => !f.StartsWith(".staging/", StringComparison.Ordinal) || (!f.EndsWith("/.lock", StringComparison.Ordinal) && !f.Contains("/keys/", StringComparison.Ordinal)))
            .Where(f => onlyKey is null || f.StartsWith(onlyKey + "/", StringComparison.Ordinal))
            .ToList();

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
