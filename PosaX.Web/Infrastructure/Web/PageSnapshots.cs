using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace PosaX.Web.Infrastructure.Web;

public sealed class PageSnapshotOptions
{
    public const string Section = "PageSnapshots";

    /// <summary>Keep rendered work pages on disk too (see <see cref="PageSnapshotStore"/>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where; empty: a "pages" folder beside the media root. A cache: losing it costs only renders.</summary>
    public string? Root { get; set; }

    /// <summary>How long a snapshot is served before the page is rendered again (similar works drift).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Ask for every public work page after start, so each is on disk (unset: on in Production only).</summary>
    public bool? Prerender { get; set; }

    /// <summary>Pages rendered at once by the pre-renderer: 1 leaves the other core to visitors.</summary>
    public int PrerenderConcurrency { get; set; } = 1;
}

/// <summary>
/// The output cache's store, with a second tier on disk for work pages: a cold work page is then
/// a file read instead of three queries and a render (0.02× a static file's speed at 100,000
/// works, against 0.5–1.2× for the same bytes read from disk; docs/benchmarks.md).
/// </summary>
/// <remarks>
/// <para>Only entries tagged <see cref="PublicCache.SnapshotTag"/> go to disk (work pages: their
/// key ignores the query string, so the disk holds one file per public work at most).</para>
/// <para>Eviction stays the output cache's: every change evicts tags after its commit
/// (<see cref="PublicCache"/>). Here an eviction is also remembered (tag → time, in memory and in
/// an append-only journal), and a snapshot is served only if none of its tags was evicted after
/// the request that rendered it began: a render that read the data before a change is never
/// served after it. A process that did not stop cleanly (kill, crash, power) may have committed a
/// change without journaling its eviction, so the next start drops every snapshot.</para>
/// <para>Snapshots are also dropped with each new build (the folder is named after it) and
/// after <see cref="PageSnapshotOptions.Lifetime"/>.</para>
/// </remarks>
public sealed class PageSnapshotStore : IOutputCacheStore, IDisposable
{
    public const string CleanStopMarkerName = CleanStopMarker;
    public const string RequestStartItem = "posax-request-start";
    private const string CleanStopMarker = "clean-stop";
    private const string JournalName = "evictions.log";
    private static readonly byte[] Magic = "PXS1"u8.ToArray();

    private readonly IOutputCacheStore _memory;
    private readonly IHttpContextAccessor _http;
    private readonly ILogger<PageSnapshotStore> _logger;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private readonly Lock _journalLock = new();
    private readonly FileStream? _journal;

    public PageSnapshotStore(IOutputCacheStore memory, IHttpContextAccessor http, IOptions<PageSnapshotOptions> options,
        IOptions<StorageOptions> storage, IWebHostEnvironment environment, ILogger<PageSnapshotStore> logger)
    {
        _memory = memory;
        _http = http;
        _logger = logger;
        _lifetime = options.Value.Lifetime;
        if (!options.Value.Enabled) return;

        var root = RootOf(options.Value, storage.Value, environment);
        // One folder per build: a new template must not be served pages rendered by the old one.
        var build = typeof(PageSnapshotStore).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        Folder = Path.Combine(root, build);
        try
        {
            // Folders of other builds, and this one after an unclean stop (an eviction may be missing
            // from the journal), are renamed away at once and deleted in the background: 100,000
            // files take seconds to delete, and the start must not wait for them.
            var stale = (Directory.Exists(root) ? Directory.GetDirectories(root) : [])
                .Where(d => !string.Equals(d, Folder, StringComparison.Ordinal)).ToList();
            var marker = Path.Combine(Folder, CleanStopMarker);
            if (Directory.Exists(Folder) && !File.Exists(marker))
            {
                stale.Add(Folder);
                _logger.LogInformation("Page snapshots dropped: the previous process did not stop cleanly.");
            }
            var trash = stale.Select(d => d.EndsWith(".trash", StringComparison.Ordinal) ? d : MoveAway(d)).ToList();
            _ = Task.Run(() =>
            {
                foreach (var d in trash)
                    try { Directory.Delete(d, recursive: true); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _logger.LogDebug(e, "{Folder} not deleted.", d); }
            });
            Directory.CreateDirectory(Folder);
            File.Delete(marker);
            LoadJournal(Path.Combine(Folder, JournalName));
            _journal = new FileStream(Path.Combine(Folder, JournalName), FileMode.Append, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Page snapshots are off: {Folder} cannot be used.", Folder);
            Folder = null;
        }
    }

    /// <summary>The folder of every build's snapshots: <see cref="PageSnapshotOptions.Root"/>, or "pages" beside the media root.</summary>
    public static string RootOf(PageSnapshotOptions options, StorageOptions storage, IHostEnvironment environment) =>
        options.Root is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Root, environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar))!, "pages");

    /// <summary>
    /// Deletes every snapshot, for a change made outside the web process (seed-demo): its evictions
    /// never reach the running app. A running app then renders each page again.
    /// </summary>
    public static void DropAll(IServiceProvider services)
    {
        var root = RootOf(services.GetRequiredService<IOptions<PageSnapshotOptions>>().Value,
            services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<IHostEnvironment>());
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    /// <summary>The current build's folder; null when snapshots are off.</summary>
    public string? Folder { get; private set; }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await _memory.GetAsync(key, cancellationToken);
        if (value is not null || Folder is null) return value;
        // Every miss of every cached page comes here (searches, uncached listings): a stat, not a
        // thrown FileNotFoundException, is what a missing snapshot costs.
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        byte[] file;
        try
        {
            file = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        if (!TryRead(file, out var startedAt, out var expires, out var tags, out var payload)) return null;
        // Not copied back into memory: a disk hit is already cheap, and a crawl would only churn the memory tier.
        if (DateTime.UtcNow.Ticks >= expires || tags.Any(tag => _evictedAt.TryGetValue(tag, out var evicted) && evicted >= startedAt)) return null;
        return payload;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await _memory.SetAsync(key, value, tags, validFor, cancellationToken);
        if (Folder is null || tags is null || !tags.Contains(PublicCache.SnapshotTag)) return;
        // When the render began: a change evicted after that instant makes the snapshot stale.
        if (_http.HttpContext?.Items[RequestStartItem] is not long startedAt) return;
        if (tags.Any(tag => _evictedAt.TryGetValue(tag, out var evicted) && evicted >= startedAt)) return;
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temporary, Write(startedAt, DateTime.UtcNow.Add(_lifetime).Ticks, tags, value), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // A full disk or a closed connection costs a future render, never this response.
            try { File.Delete(temporary); } catch (IOException) { }
            _logger.LogDebug(e, "Page snapshot not written.");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow.Ticks;
        _evictedAt[tag] = now;
        if (_journal is not null)
        {
            var line = Encoding.UTF8.GetBytes($"{now} {tag}\n");
            lock (_journalLock)
            {
                _journal.Write(line);
                _journal.Flush(flushToDisk: false);
            }
        }
        await _memory.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>Called when the host has stopped: every eviction so far is in the journal.</summary>
    public void MarkCleanStop()
    {
        if (Folder is null || _journal is null) return;
        lock (_journalLock) _journal.Flush(flushToDisk: true);
        try { File.WriteAllText(Path.Combine(Folder, CleanStopMarker), DateTime.UtcNow.ToString("O")); }
        catch (IOException) { }
    }

    public void Dispose() => _journal?.Dispose();

    private static string MoveAway(string folder)
    {
        var trash = folder + "." + Guid.NewGuid().ToString("N") + ".trash";
        Directory.Move(folder, trash);
        return trash;
    }

    /// <summary>Reads the journal, then writes it back with one line per tag (it grows with every change).</summary>
    private void LoadJournal(string path)
    {
        if (!File.Exists(path)) return;
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ');
            if (space > 0 && long.TryParse(line.AsSpan(0, space), out var ticks))
                _evictedAt.AddOrUpdate(line[(space + 1)..], ticks, (_, known) => Math.Max(known, ticks));
        }
        var compacted = path + ".tmp";
        File.WriteAllLines(compacted, _evictedAt.Select(e => $"{e.Value} {e.Key}"));
        File.Move(compacted, path, overwrite: true);
    }

    /// <summary>
    /// The file of a cache key (METHOD␞SCHEME␞HOST/PATH…), without its scheme and host: the pre-renderer
    /// asks over loopback what visitors ask through the proxy. Nothing in a page depends on either
    /// (absolute URLs come from Site:BaseUrl; the headers that do, like the CSP, are set on each response).
    /// </summary>
    private string PathOf(string key)
    {
        var parts = key.Split('\x1e', 3);
        var rest = parts.Length == 3 && parts[2].IndexOf('/') is var slash and >= 0 ? parts[2][slash..] : key;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts[0] + "\x1e" + rest)));
        return Path.Combine(Folder!, hash[..2], hash + ".snap");
    }

    private static byte[] Write(long startedAt, long expires, string[] tags, byte[] payload)
    {
        using var stream = new MemoryStream(payload.Length + 256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(startedAt);
            writer.Write(expires);
            writer.Write(tags.Length);
            foreach (var tag in tags) writer.Write(tag);
            writer.Write(payload.Length);
            writer.Write(payload);
        }
        return stream.ToArray();
    }

    private static bool TryRead(byte[] file, out long startedAt, out long expires, out string[] tags, out byte[] payload)
    {
        (startedAt, expires, tags, payload) = (0, 0, [], []);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(file), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) return false;
            startedAt = reader.ReadInt64();
            expires = reader.ReadInt64();
            var count = reader.ReadInt32();
            if (count is < 0 or > 1000) return false;
            tags = new string[count];
            for (var i = 0; i < count; i++) tags[i] = reader.ReadString();
            var length = reader.ReadInt32();
            payload = reader.ReadBytes(length);
            return payload.Length == length && length > 0;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }
}
