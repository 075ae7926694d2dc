using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

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

    /// <summary>
    /// The most the snapshots may take on disk, in bytes (1 GB: ≈ 70,000 work pages of 15 KB). Past
    /// it the least recently used are deleted; a page is never written when that would exceed it.
    /// </summary>
    public long MaxBytes { get; set; } = 1L << 30;
}

/// <summary>
/// The output cache's store, with a second tier on disk for work pages: a work page asked for once
/// is then a file read instead of a query and a render, even after the memory tier has dropped it
/// or the app has restarted (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// <para>Only entries tagged <see cref="PublicCache.SnapshotTag"/> go to disk (work pages: their
/// key ignores the query string, so the disk holds one file per public work at most). The disk is
/// filled on demand, by the pages visitors and crawlers ask for, and bounded
/// (<see cref="PageSnapshotOptions.MaxBytes"/>): past it the least recently used files are deleted.
/// Nothing is done at start in proportion to the catalogue (issue 17): the files of a clean stop
/// are listed in the background, bounded by the same size.</para>
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
    // Several instances: the Redis tier, which also knows the other instances' evictions.
    private readonly Redis.SharedOutputCacheStore? _shared;
    private readonly IHttpContextAccessor _http;
    private readonly ILogger<PageSnapshotStore> _logger;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    // How long an eviction is remembered (_evictedAt, the journal): see RememberEvictionsFor.
    private readonly TimeSpan _remember;
    // Evictions since the last pruning: past max(PruneEvery, _evictedAt.Count) the old ones are dropped and the journal
    // rewritten, so both stay bounded at a cost per eviction that does not grow.
    private int _evictionsSincePruning;
    private const int PruneEvery = 1024;
    private readonly Lock _journalLock = new();
    private FileStream? _journal;

    // The size bound: every file on disk (or being written) with its size and when it was last
    // used, keyed by the 128 bits of its name. Reserved before a write, released by a delete.
    private sealed class DiskEntry(long bytes, long usedAt)
    {
        public readonly long Bytes = bytes;
        public long UsedAt = usedAt;
    }
    private readonly ConcurrentDictionary<UInt128, DiskEntry> _onDisk = new();
    private readonly long _maxBytes;
    private long _bytes;
    private readonly SemaphoreSlim _trimming = new(1, 1);

    public PageSnapshotStore(IOutputCacheStore memory, IHttpContextAccessor http, IOptions<PageSnapshotOptions> options,
        IOptions<StorageOptions> storage, IOptions<PublicCacheOptions> cache, IWebHostEnvironment environment, ILogger<PageSnapshotStore> logger)
    {
        _memory = memory;
        _shared = memory as Redis.SharedOutputCacheStore;
        _http = http;
        _logger = logger;
        _lifetime = options.Value.Lifetime;
        _remember = RememberEvictionsFor(_lifetime, cache.Value.Expiry);
        _maxBytes = Math.Max(0, options.Value.MaxBytes);
        if (!options.Value.Enabled || _maxBytes == 0) return;

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
            // The snapshots a clean stop left: listed in the background (at most MaxBytes of them),
            // oldest write first in line for deletion. Until then they are served but not counted.
            var folder = Folder;
            _ = Task.Run(() => CountExisting(folder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Page snapshots are off: {Folder} cannot be used.", Folder);
            Folder = null;
        }
    }

    /// <summary>
    /// How long an eviction's time is kept: while some entry stored in any tier could predate it. An eviction is
    /// looked up (<see cref="EvictedHere"/>) in two places. (1) A disk snapshot is served only if none of its tags was
    /// evicted after its render began; a snapshot stored after an eviction is checked against it when stored
    /// (<see cref="SetAsync"/>, before and after), so an eviction only ever refuses a file written before it (or in the
    /// instant between SetAsync's second look and the write): such a file expires <see cref="PageSnapshotOptions.Lifetime"/>
    /// after it was written (and GetAsync refuses a file whose life left is longer than today's Lifetime, written by a
    /// process configured longer). (2) SetAsync refuses what a request read before an eviction that came while it ran,
    /// in the memory (or Redis) tier too, whose entries live <see cref="PublicCacheOptions.Expiry"/> at most; the
    /// eviction matters there for as long as such a request runs. So: the longer of the two lives, plus an hour for a
    /// render's own time and the instant above. Older times refuse nothing any more and are forgotten.
    /// </summary>
    internal static TimeSpan RememberEvictionsFor(TimeSpan snapshotLifetime, TimeSpan cacheExpiry) =>
        (snapshotLifetime > cacheExpiry ? snapshotLifetime : cacheExpiry) + TimeSpan.FromHours(1);

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
        var name = NameOf(key);
        var path = PathOf(name);
        if (!File.Exists(path)) return null;
        if (_onDisk.TryGetValue(name, out var entry)) entry.UsedAt = Environment.TickCount64;
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
        var now = DateTime.UtcNow.Ticks;
        // A life left longer than Lifetime: written under a longer one, it could outlive the evictions remembered.
        if (now >= expires || expires - now > _lifetime.Ticks || EvictedHere(tags, startedAt) is not null) return null;
        return payload;
    }

    /// <summary>
    /// Stores what a request rendered or read (a page, a count, a list), unless one of its tags was
    /// evicted after the request began: what it read may predate that change, and stored now it
    /// would outlive the change's eviction (up to <see cref="PublicCacheOptions.Expiry"/>). The one
    /// place this rule lives, for every tier and every value kept in the output cache's store.
    /// </summary>
    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        // When the request began (set first thing by UsePosaXWeb); unknown outside a request: stored as is.
        var startedAt = _http.HttpContext?.Items[RequestStartItem] as long?;
        if (startedAt is { } began && tags is not null && EvictedHere(tags, began) is not null) return;
        await _memory.SetAsync(key, value, tags, validFor, cancellationToken);
        if (startedAt is not { } since || tags is null) return;
        // An eviction may have run between that check and the store, before the entry was there to
        // remove. Looked at again now that it is there: a tag evicted since the request began (here,
        // or by another instance: Redis) is evicted once more. An eviction after this look removes
        // the entry itself.
        IReadOnlyList<string>? stale = EvictedHere(tags, since);
        if (stale is null && _shared is not null && await _shared.EvictedSinceAsync(tags, since) is { Count: > 0 } elsewhere) stale = elsewhere;
        if (stale is not null)
        {
            foreach (var tag in stale)
                if (_shared is not null) await _shared.DropAsync(tag);
                else await _memory.EvictByTagAsync(tag, CancellationToken.None);
            return;
        }
        if (Folder is null || !tags.Contains(PublicCache.SnapshotTag)) return;
        var name = NameOf(key);
        var path = PathOf(name);
        var header = Header(since, DateTime.UtcNow.Add(_lifetime).Ticks, tags, value.Length);
        var length = header.Length + value.Length;
        // The page's earlier file (rendered again: expired or evicted) is replaced: its bytes are released
        // first, and if the new one is not written the old one goes too (no file on disk is uncounted).
        if (_onDisk.TryRemove(name, out var replaced)) Interlocked.Add(ref _bytes, -replaced.Bytes);
        if (!await TryReserveAsync(length, cancellationToken))
        {
            if (replaced is not null) DeleteQuietly(path);
            return;
        }
        var entry = new DiskEntry(length, Environment.TickCount64);
        if (!_onDisk.TryAdd(name, entry))
        {
            // Another request is writing the same page: let it.
            Interlocked.Add(ref _bytes, -length);
            return;
        }
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            WriteFile(temporary, header, value);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // A full disk or a closed connection costs a future render, never this response.
            DeleteQuietly(temporary);
            if (_onDisk.TryRemove(new KeyValuePair<UInt128, DiskEntry>(name, entry)))
            {
                Interlocked.Add(ref _bytes, -entry.Bytes);
                DeleteQuietly(path);
            }
            _logger.LogDebug(e, "Page snapshot not written.");
        }
    }

    private void DeleteQuietly(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _logger.LogDebug(e, "{Path} not deleted.", path); }
    }

    /// <summary>Bytes the snapshots take on disk, as counted (what <see cref="PageSnapshotOptions.MaxBytes"/> bounds).</summary>
    public long BytesOnDisk => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Counts <paramref name="bytes"/> in, deleting the least recently used files first when they
    /// would not fit (down to 90% of the bound, so that deletions come in batches). False when they
    /// still do not fit (another request is deleting, or the page alone is larger than the bound):
    /// the page is then not written.
    /// </summary>
    private async ValueTask<bool> TryReserveAsync(long bytes, CancellationToken ct)
    {
        if (bytes > _maxBytes) return false;
        if (Interlocked.Add(ref _bytes, bytes) <= _maxBytes) return true;
        Interlocked.Add(ref _bytes, -bytes);
        if (!await _trimming.WaitAsync(0, ct)) return false;
        try
        {
            await Task.Run(() => Trim(_maxBytes / 10 * 9 - bytes), ct);
        }
        finally
        {
            _trimming.Release();
        }
        if (Interlocked.Add(ref _bytes, bytes) <= _maxBytes) return true;
        Interlocked.Add(ref _bytes, -bytes);
        return false;
    }

    /// <summary>Deletes the least recently used snapshots until they take at most <paramref name="target"/> bytes.</summary>
    private void Trim(long target)
    {
        var oldestFirst = _onDisk.ToArray();
        Array.Sort(oldestFirst, (a, b) => a.Value.UsedAt.CompareTo(b.Value.UsedAt));
        var deleted = 0;
        foreach (var candidate in oldestFirst)
        {
            if (Interlocked.Read(ref _bytes) <= target) break;
            // Only this entry: a page written again meanwhile has a new one, and keeps its file.
            if (!_onDisk.TryRemove(candidate)) continue;
            try { File.Delete(PathOf(candidate.Key)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _logger.LogDebug(e, "Page snapshot not deleted."); }
            Interlocked.Add(ref _bytes, -candidate.Value.Bytes);
            deleted++;
        }
        _logger.LogInformation("Page snapshots: {Deleted} least recently used deleted; {Bytes} bytes on disk (bound {Max}).", deleted, BytesOnDisk, _maxBytes);
    }

    /// <summary>After a clean restart: the files already there, counted against the bound.</summary>
    private void CountExisting(string folder)
    {
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.snap", SearchOption.AllDirectories))
            {
                if (!UInt128.TryParse(Path.GetFileNameWithoutExtension(file.Name), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var name)) continue;
                // A page already written again since the start is counted by its new entry.
                if (_onDisk.TryAdd(name, new DiskEntry(file.Length, Environment.TickCount64 - (long)(DateTime.UtcNow - file.LastWriteTimeUtc).TotalMilliseconds)))
                    Interlocked.Add(ref _bytes, file.Length);
            }
            if (Interlocked.Read(ref _bytes) > _maxBytes && _trimming.Wait(0))
                try { Trim(_maxBytes / 10 * 9); } finally { _trimming.Release(); }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug(e, "Page snapshots not counted.");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow.Ticks;
        _evictedAt[tag] = now;
        var line = Encoding.UTF8.GetBytes($"{now} {tag}\n");
        lock (_journalLock)
        {
            if (_journal is not null)
            {
                _journal.Write(line);
                _journal.Flush(flushToDisk: false);
            }
            if (++_evictionsSincePruning > Math.Max(PruneEvery, _evictedAt.Count)) ForgetOldEvictions(now);
        }
        await _memory.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>The evictions remembered (tag → UTC ticks): what the journal holds too.</summary>
    internal IReadOnlyDictionary<string, long> RememberedEvictions => _evictedAt;

    /// <summary>
    /// Drops the evictions older than <see cref="RememberEvictionsFor"/> before <paramref name="now"/> (UTC ticks) and
    /// rewrites the journal with one line per eviction left. Called every so many evictions (EvictByTagAsync) and at start.
    /// </summary>
    internal void ForgetOldEvictions(long now)
    {
        lock (_journalLock)
        {
            _evictionsSincePruning = 0;
            var before = now - _remember.Ticks;
            foreach (var eviction in _evictedAt)
                // Only that time: the same tag evicted again meanwhile keeps its new one.
                if (eviction.Value < before) _evictedAt.TryRemove(eviction);
            // After the clean stop is marked the journal is closed for good (Dispose).
            if (_journal is null || Folder is null || _stopMarked) return;
            var path = Path.Combine(Folder, JournalName);
            try
            {
                // Every eviction so far is in _evictedAt (set before its line is written, under this lock): the
                // rewritten journal loses none, and a line written after it goes to the new file.
                _journal.Dispose();
                WriteJournal(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The old journal stays (longer, never wrong); the folder deleted under a running app is a cache lost.
                _logger.LogDebug(e, "Page snapshots: the evictions' journal was not rewritten.");
            }
            try
            {
                _journal = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No journal: no clean stop can be marked (MarkCleanStop), so the next start drops every snapshot.
                _journal = null;
                _logger.LogWarning(e, "Page snapshots: the evictions' journal cannot be reopened.");
            }
        }
    }

    private void WriteJournal(string path)
    {
        var compacted = path + ".tmp";
        File.WriteAllLines(compacted, _evictedAt.Select(e => $"{e.Value} {e.Key}"));
        File.Move(compacted, path, overwrite: true);
    }

    /// <summary>The tags of <paramref name="tags"/> this process evicted at or after <paramref name="since"/> (UTC ticks); null when none.</summary>
    private List<string>? EvictedHere(string[] tags, long since)
    {
        List<string>? evicted = null;
        foreach (var tag in tags)
            if (_evictedAt.TryGetValue(tag, out var at) && at >= since) (evicted ??= []).Add(tag);
        return evicted;
    }

    /// <summary>
    /// Called when the host has stopped, and again when the container disposes the store (the full
    /// test suite showed restarts where the first did not leave the marker; a crash or a kill runs
    /// neither): every eviction so far is in the journal.
    /// </summary>
    public void MarkCleanStop()
    {
        if (Folder is null) return;
        lock (_journalLock)
        {
            if (_stopMarked || _journal is null) return;
            _stopMarked = true;
            _journal.Flush(flushToDisk: true);
        }
        try
        {
            File.WriteAllText(Path.Combine(Folder, CleanStopMarker), DateTime.UtcNow.ToString("O"));
            _logger.LogInformation("Page snapshots: clean stop marked in {Folder}.", Folder);
        }
        // The folder deleted under a running app (a cache: allowed): nothing left to mark.
        catch (DirectoryNotFoundException) { _logger.LogDebug("Page snapshots: {Folder} is gone; no clean stop to mark.", Folder); }
        catch (IOException e) { _logger.LogWarning(e, "Page snapshots: the clean stop could not be marked in {Folder}.", Folder); }
    }

    private bool _stopMarked;

    public void Dispose()
    {
        MarkCleanStop();
        lock (_journalLock) _journal?.Dispose();
        _trimming.Dispose();
    }

    private static string MoveAway(string folder)
    {
        var trash = folder + "." + Guid.NewGuid().ToString("N") + ".trash";
        Directory.Move(folder, trash);
        return trash;
    }

    /// <summary>
    /// Reads the journal, then writes it back with one line per tag evicted within <see cref="RememberEvictionsFor"/>
    /// (it grows with every change).
    /// </summary>
    private void LoadJournal(string path)
    {
        if (!File.Exists(path)) return;
        var before = DateTime.UtcNow.Ticks - _remember.Ticks;
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ');
            if (space > 0 && long.TryParse(line.AsSpan(0, space), out var ticks) && ticks >= before)
                _evictedAt.AddOrUpdate(line[(space + 1)..], ticks, (_, known) => Math.Max(known, ticks));
        }
        WriteJournal(path);
    }

    /// <summary>
    /// The name of a cache key's file (METHOD␞SCHEME␞HOST/PATH…), without its scheme and host: a page
    /// asked for over loopback and through the proxy is the same file. Nothing in a page depends on
    /// either (absolute URLs come from Site:BaseUrl; the headers that do, like the CSP, are set on
    /// each response). 128 bits of SHA-256.
    /// </summary>
    private static UInt128 NameOf(string key)
    {
        var parts = key.Split('\x1e', 3);
        var rest = parts.Length == 3 && parts[2].IndexOf('/') is var slash and >= 0 ? parts[2][slash..] : key;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(parts[0] + "\x1e" + rest), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    private string PathOf(UInt128 name)
    {
        var hex = name.ToString("x32", CultureInfo.InvariantCulture);
        return Path.Combine(Folder!, hex[..2], hex + ".snap");
    }

    /// <summary>
    /// The file's head: magic, when its render began, when it expires, its tags, the page's length
    /// (the page's bytes follow it in the file, written as they are: no copy of the page).
    /// </summary>
    private static byte[] Header(long startedAt, long expires, string[] tags, int payloadLength)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(startedAt);
            writer.Write(expires);
            writer.Write(tags.Length);
            foreach (var tag in tags) writer.Write(tag);
            writer.Write(payloadLength);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Writes head and page in one call, synchronously: on Linux .NET runs an "asynchronous" file
    /// write synchronously on another thread-pool thread anyway, and a write into the page cache takes
    /// microseconds; the hop cost more than the write (issue 17: a cold work page's profile). The
    /// folder (one of 256) is created the first time a write finds it missing.
    /// </summary>
    private static void WriteFile(string path, byte[] header, byte[] payload)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        using (handle)
            RandomAccess.Write(handle, [header, payload], fileOffset: 0);
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
