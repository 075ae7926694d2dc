using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NetVips;
using VipsImage = NetVips.Image;

namespace PosaX.Web.Infrastructure.Images;

/// <summary>
/// Validates uploads by content, re-encodes them to WebP variants (metadata stripped, EXIF orientation
/// applied) and stores them atomically under <see cref="RootPath"/>. Registered as a singleton.
/// </summary>
/// <remarks>
/// Crash safety: each process works in its own folder, <c>.staging/i-{id}</c>, whose <c>.lock</c> file
/// it holds open exclusively (an OS lock, released by the kernel even on <c>kill -9</c>). Before a key
/// is moved into the served tree, a marker named after it is written in <c>keys/</c>: a process killed
/// between storing a picture and committing its row leaves a marker, and the next start
/// (<see cref="MediaRecovery"/>) deletes the pictures no row refers to, then the dead folder. A live
/// process's folder is never touched, so two processes may share the store (a second replica, the
/// create-admin command run next to the server).
/// <para>With <c>Storage__Provider=S3</c> a stored key's files go to the bucket (<see cref="S3MediaStore"/>)
/// instead of the served tree; encoding, markers and the sweep stay local and work the same way.</para>
/// </remarks>
public sealed partial class ImagePipeline : IDisposable
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int MaxSide = 12_000;
    public const int WebpQuality = 80;
    public const int OgWidth = 1200;
    public const int OgHeight = 630;
    public const int OgMaxBytes = 300 * 1024;
    public const string OgFileName = "og.jpg";

    internal const string StagingDirName = ".staging";
    internal const string WorkingFolderPrefix = "i-";
    internal const string LockFileName = ".lock";
    internal const string KeysDirName = "keys";

    public static IReadOnlyList<int> ProfileWidths { get; } = [96, 240, 480];
    /// <summary>480 is there for two-column cards on phones of density 1.75–2.6 (a 184-CSS-px card needs
    /// 322–478 device px): without it they loaded the 640 variant, about twice the bytes.</summary>
    public static IReadOnlyList<int> ArtworkWidths { get; } = [320, 480, 640, 960, 1280, 1600];

    private const int VipsMaxCoord = 10_000_000;

    private readonly ILogger<ImagePipeline> _logger;
    private readonly SemaphoreSlim _gate = new(Math.Max(1, Environment.ProcessorCount));
    private readonly FileStream _workingFolderLock;
    private readonly S3MediaStore? _bucket;

    public ImagePipeline(IOptions<StorageOptions> storage, IWebHostEnvironment env, ILogger<ImagePipeline> logger, S3MediaStore? bucket = null)
    {
        _bucket = bucket;
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(env);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        VipsSetup.EnsureConfigured();

        var root = storage.Value.Root;
        if (string.IsNullOrWhiteSpace(root)) throw new InvalidOperationException("Storage:Root is not set.");
        RootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(env.ContentRootPath, root)));
        Directory.CreateDirectory(RootPath);
        Directory.CreateDirectory(StagingPath);
        (WorkingPath, _workingFolderLock) = ClaimWorkingFolder(StagingPath);
    }

    /// <summary>Absolute storage root (created if missing).</summary>
    public string RootPath { get; }

    /// <summary>The bucket pictures are kept in (Storage__Provider=S3); null: under <see cref="RootPath"/>.</summary>
    public S3MediaStore? Bucket => _bucket;

    /// <summary>This process's own folder under staging (see the remarks).</summary>
    public string WorkingPath { get; }

    private string StagingPath => Path.Combine(RootPath, StagingDirName);

    private string MarkerPath(string key) => Path.Combine(WorkingPath, KeysDirName, key.Replace('/', '_'));

    /// <summary>
    /// Creates the folder under a name sweeps ignore, locks it, then renames it into place: a sweep
    /// never sees an i- folder whose lock is not yet held.
    /// </summary>
    private static (string Path, FileStream Lock) ClaimWorkingFolder(string stagingPath)
    {
        var id = Guid.NewGuid().ToString("N");
        var claiming = Path.Combine(stagingPath, "claim-" + id);
        Directory.CreateDirectory(Path.Combine(claiming, KeysDirName));
        // FileShare.None is an exclusive flock on Unix: held until this process closes it or dies.
        var held = new FileStream(Path.Combine(claiming, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var path = Path.Combine(stagingPath, WorkingFolderPrefix + id);
        Directory.Move(claiming, path);
        return (path, held);
    }

    /// <summary>Releases the working folder's lock; the folder is swept (against the database) at the next start.</summary>
    public void Dispose()
    {
        _bucketDeleteRetries?.Dispose();
        _workingFolderLock.Dispose();
    }

    /// <summary>A picture's URL as pages write it: under /media, or under the public base (<see cref="PublicMediaUrls"/>).</summary>
    public static string Url(string key, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{PublicMediaUrls.Base}/{key}/{width}.webp");

    public static string SrcSet(string key, IEnumerable<int> widths) =>
        string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Url(key, w)} {w}w")));

    public static string OgUrl(string key) => $"{PublicMediaUrls.Base}/{key}/{OgFileName}";

    public async Task<ImageResult> ProcessAsync(IFormFile file, ImageKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > MaxUploadBytes) return ImageResult.Rejected(413, InfrastructureTexts.Images.TooLarge);
        if (file.Length <= 0) return ImageResult.Rejected(400, InfrastructureTexts.Images.Empty);
        await using var stream = file.OpenReadStream();
        return await ProcessAsync(stream, kind, ct);
    }

    public async Task<ImageResult> ProcessAsync(Stream content, ImageKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var data = await ReadBoundedAsync(content, ct);
        if (data is null) return ImageResult.Rejected(413, InfrastructureTexts.Images.TooLarge);
        if (data.Length == 0) return ImageResult.Rejected(400, InfrastructureTexts.Images.Empty);

        // Cheap checks first, on the request thread: no libvips, no allocation beyond the upload.
        var header = ImageSniffer.Inspect(data);
        if (header.Format == ImageFormat.Unknown || header.Polyglot)
        {
            _logger.LogInformation("Image upload refused: format {Format}, polyglot {Polyglot}", header.Format, header.Polyglot);
            return ImageResult.Rejected(400, InfrastructureTexts.Images.UnsupportedFormat);
        }
        if (header.Malformed) return ImageResult.Rejected(400, InfrastructureTexts.Images.Unreadable);
        if (TooManyPixels(header.Width, header.Height))
        {
            _logger.LogInformation("Image upload refused: declared {Width}x{Height}", header.Width, header.Height);
            return ImageResult.Rejected(413, InfrastructureTexts.Images.TooManyPixels);
        }

        // Bound the number of images decoded at once (memory), then do the CPU work off the request thread.
        ImageResult result;
        string? upload;
        await _gate.WaitAsync(ct);
        try
        {
            (result, upload) = await Task.Run(() => ProcessCore(data, header.Format, kind, ct), ct);
        }
        finally
        {
            _gate.Release();
        }
        if (upload is null || !result.Succeeded) return result;
        return await UploadAsync(result, upload, ct);
    }

    /// <summary>S3: the encoded files (marked already) go to the bucket; a store that fails keeps nothing.</summary>
    private async Task<ImageResult> UploadAsync(ImageResult result, string folder, CancellationToken ct)
    {
        var key = result.Image!.Key;
        try
        {
            await _bucket!.PutFolderAsync(key, folder, ct);
            TryDeleteDirectory(folder);
            return result;
        }
        catch (Exception e) when (S3MediaStore.IsUnavailable(e) || e is OperationCanceledException)
        {
            TryDeleteDirectory(folder);
            try
            {
                await _bucket!.DeleteKeyAsync(key, CancellationToken.None);
                TryDeleteFile(MarkerPath(key));
            }
            catch (Exception again) when (S3MediaStore.IsUnavailable(again))
            {
                // The marker stays: the next start's sweep deletes what reached the bucket.
            }
            if (e is OperationCanceledException) throw;
            _logger.LogError("Image storage unavailable for {Key}: {Error}", key, e.Message);
            return ImageResult.Rejected(503, InfrastructureTexts.Images.StorageUnavailable);
        }
    }

    /// <summary>Reads at most MaxUploadBytes + 1 bytes; null when the content is larger than MaxUploadBytes.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, CancellationToken ct)
    {
        var capacity = 0;
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > MaxUploadBytes) return null;
            capacity = (int)Math.Max(0, remaining);
        }

        using var buffer = new MemoryStream(capacity);
        var chunk = new byte[81920];
        long total = 0;
        while (true)
        {
            var want = (int)Math.Min(chunk.Length, MaxUploadBytes + 1 - total);
            var read = await content.ReadAsync(chunk.AsMemory(0, want), ct);
            if (read == 0) break;
            total += read;
            if (total > MaxUploadBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static bool TooManyPixels(long width, long height) =>
        width > MaxSide || height > MaxSide || width * height > MaxPixels;

    /// <summary>The result, and with S3 the folder whose files must still go to the bucket.</summary>
    private (ImageResult Result, string? Upload) ProcessCore(byte[] data, ImageFormat format, ImageKind kind, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();

        // Second opinion from libvips, still header only (lazy load): which loader, what size, which orientation.
        int orientedWidth, orientedHeight;
        try
        {
            using var probe = VipsImage.NewFromBuffer(data, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            var loader = probe.Contains("vips-loader") ? probe.Get("vips-loader") as string : null;
            if (loader != ExpectedLoader(format))
            {
                _logger.LogInformation("Image upload refused: sniffed {Format} but libvips chose {Loader}", format, loader);
                return (ImageResult.Rejected(400, InfrastructureTexts.Images.UnsupportedFormat), null);
            }
            if (TooManyPixels(probe.Width, probe.Height)) return (ImageResult.Rejected(413, InfrastructureTexts.Images.TooManyPixels), null);
            var orientation = probe.Contains("orientation") ? Convert.ToInt32(probe.Get("orientation"), CultureInfo.InvariantCulture) : 1;
            var swap = orientation is >= 5 and <= 8;
            orientedWidth = swap ? probe.Height : probe.Width;
            orientedHeight = swap ? probe.Width : probe.Height;
        }
        catch (VipsException ex)
        {
            _logger.LogInformation("Image upload refused, header unreadable: {Error}", ex.Message);
            return (ImageResult.Rejected(400, InfrastructureTexts.Images.Unreadable), null);
        }

        var widths = PlanWidths(kind, orientedWidth, orientedHeight);
        var staging = Path.Combine(WorkingPath, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(staging);
            var largest = widths[^1];
            var square = kind == ImageKind.ProfilePhoto;

            // One decode (shrink-on-load where the format allows it) to the largest variant, orientation
            // applied; fully decoded into memory here so that corrupt or truncated data fails now.
            // NB: thumbnail's own failOn argument does NOT reach the loader (libvips 8.18: a truncated
            // JPEG/PNG then decodes with grey/black filler); the loader option string does.
            using var thumb = VipsImage.ThumbnailBuffer(
                data, largest,
                optionString: "[fail_on=error]",
                height: square ? largest : VipsMaxCoord,
                size: square ? Enums.Size.Both : Enums.Size.Down,
                crop: square ? Enums.Interesting.Attention : null,
                failOn: Enums.FailOn.Error);
            using var master = thumb.CopyMemory();
            ct.ThrowIfCancellationRequested();

            foreach (var width in widths)
            {
                var path = Path.Combine(staging, string.Create(CultureInfo.InvariantCulture, $"{width}.webp"));
                if (width == master.Width)
                {
                    SaveWebp(master, path);
                }
                else
                {
                    using var variant = master.ThumbnailImage(width, height: square ? width : VipsMaxCoord,
                        size: square ? Enums.Size.Both : Enums.Size.Down, noRotate: true);
                    SaveWebp(variant, path);
                }
                ct.ThrowIfCancellationRequested();
            }

            if (kind == ImageKind.Artwork)
            {
                File.WriteAllBytes(Path.Combine(staging, OgFileName), EncodeOg(master));
                ct.ThrowIfCancellationRequested();
            }

            var key = NewKey(kind);
            // Marked first: if the process dies before the key's row is committed, the next start finds it.
            File.WriteAllBytes(MarkerPath(key), []);
            var stored = ImageResult.Success(new StoredImage(key, master.Width, master.Height, widths));
            _logger.LogDebug("Image stored as {Key} ({Width}x{Height}, widths {Widths})", key, master.Width, master.Height, string.Join(",", widths));
            if (_bucket is not null) return (stored, staging);
            var final = PathForKey(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            Directory.Move(staging, final);
            return (stored, null);
        }
        catch (VipsException ex)
        {
            TryDeleteDirectory(staging);
            _logger.LogInformation("Image upload refused, decoding failed: {Error}", ex.Message);
            return (ImageResult.Rejected(400, InfrastructureTexts.Images.Unreadable), null);
        }
        catch (IOException ex) when (Web.ServerConditions.IsDiskFull(ex))
        {
            // Nothing half-written stays behind, and the user is told it is the server's fault, not the photo's.
            TryDeleteDirectory(staging);
            _logger.LogError("Image storage is full under {Root}: {Error}", RootPath, ex.Message);
            return (ImageResult.Rejected(507, InfrastructureTexts.Images.StorageFull), null);
        }
        catch
        {
            TryDeleteDirectory(staging);
            throw;
        }
    }

    private static string ExpectedLoader(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpegload_buffer",
        ImageFormat.Png => "pngload_buffer",
        ImageFormat.WebP => "webpload_buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Artworks: the listed widths that do not exceed the original (never upscale); if the original is
    /// smaller than the smallest listed width, a single variant at the original size. Profile photos:
    /// always the three square sizes (a small avatar may be upscaled), so pages can name them blindly.
    /// </summary>
    internal static IReadOnlyList<int> PlanWidths(ImageKind kind, int orientedWidth, int orientedHeight)
    {
        if (kind == ImageKind.ProfilePhoto) return ProfileWidths;
        var available = orientedWidth;
        var widths = ArtworkWidths.Where(w => w <= available).ToArray();
        return widths.Length > 0 ? widths : [available];
    }

    // Encoded to a buffer, not to a file name: libvips would parse "[...]" in a path as save options.
    // keep: None, because webpsave keeps EXIF (GPS included), XMP and ICC by default.
    private static void SaveWebp(VipsImage image, string path) =>
        File.WriteAllBytes(path, image.WebpsaveBuffer(q: WebpQuality, keep: Enums.ForeignKeep.None, effort: 4));

    /// <summary>1200×630 cover crop for social previews, JPEG without metadata, at most 300 KB.</summary>
    private static byte[] EncodeOg(VipsImage master)
    {
        using var cover = master.ThumbnailImage(OgWidth, height: OgHeight, crop: Enums.Interesting.Centre,
            size: Enums.Size.Both, noRotate: true);
        using var flat = cover.HasAlpha() ? cover.Flatten(background: [255, 255, 255]) : cover.Copy();
        byte[] bytes = [];
        foreach (var q in new[] { 82, 72, 62, 50, 40, 30 })
        {
            bytes = flat.JpegsaveBuffer(q: q, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
            if (bytes.Length <= OgMaxBytes) break;
        }
        return bytes;
    }

    private static string NewKey(ImageKind kind)
    {
        var prefix = kind == ImageKind.ProfilePhoto ? "p" : "a";
        var year = DateTime.UtcNow.Year.ToString("D4", CultureInfo.InvariantCulture);
        return $"{prefix}/{year}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
    }

    [GeneratedRegex("^[pa]/[0-9]{4}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    internal static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    private string PathForKey(string key)
    {
        var full = Path.GetFullPath(Path.Combine(RootPath, key));
        if (!full.StartsWith(RootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Image key escapes the storage root.", nameof(key));
        return full;
    }

    /// <summary>Removes every variant of a key; unknown keys are ignored; malformed keys (../ etc.) are refused.</summary>
    public void Delete(string key)
    {
        if (!IsValidKey(key)) throw new ArgumentException("Invalid image key.", nameof(key));
        if (_bucket is not null)
        {
            DeleteFromBucket(key);
            return;
        }
        var dir = PathForKey(key);
        if (!Directory.Exists(dir)) return;

        // Move out of the served tree first (atomic), then delete: never a half-deleted key on /media.
        // If the delete fails, the next start's sweep of this working folder finishes the job.
        var trash = Path.Combine(WorkingPath, "del-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.Move(dir, trash);
        }
        catch (DirectoryNotFoundException)
        {
            return; // deleted concurrently
        }
        TryDeleteDirectory(trash);
        TryDeleteFile(MarkerPath(key));
    }

    /// <summary>How long a request waits for the bucket to delete a key before leaving it to the retries.</summary>
    internal static readonly TimeSpan BucketDeleteWait = TimeSpan.FromSeconds(5);

    /// <summary>How often the deletes the bucket refused are tried again.</summary>
    internal static readonly TimeSpan BucketDeleteRetry = TimeSpan.FromSeconds(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _bucketDeletesOwed = new(StringComparer.Ordinal);
    private Timer? _bucketDeleteRetries;
    private int _retrying;

    /// <summary>
    /// S3: callers delete synchronously (after a rollback, after a commit: the row is gone or never was),
    /// so the request waits at most <see cref="BucketDeleteWait"/> and never fails for the bucket. A key
    /// the bucket did not delete is owed: its marker is (re)written in this process's working folder and
    /// the delete is tried again every <see cref="BucketDeleteRetry"/> until it succeeds; if this process
    /// dies first, the marker leads the next start's sweep to the key (no row refers to it: deleted).
    /// </summary>
    private void DeleteFromBucket(string key)
    {
        try
        {
            using var wait = new CancellationTokenSource(BucketDeleteWait);
            _bucket!.DeleteKeyAsync(key, wait.Token).GetAwaiter().GetResult();
            TryDeleteFile(MarkerPath(key));
        }
        catch (Exception e)
        {
            try { File.WriteAllBytes(MarkerPath(key), []); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { _logger.LogWarning(ex, "Could not mark {Key} for deletion", key); }
            _bucketDeletesOwed[key] = 0;
            _logger.LogWarning("Objects of {Key} not deleted from the bucket ({Error}): tried again every {Retry} s.",
                key, e.Message, BucketDeleteRetry.TotalSeconds);
            LazyInitializer.EnsureInitialized(ref _bucketDeleteRetries,
                () => new Timer(_ => _ = RetryBucketDeletesAsync(), null, BucketDeleteRetry, BucketDeleteRetry));
        }
    }

    /// <summary>The keys whose objects the bucket still owes a delete (tried again in the background).</summary>
    public IReadOnlyCollection<string> BucketDeletesOwed => _bucketDeletesOwed.Keys.ToList();

    private async Task RetryBucketDeletesAsync()
    {
        if (_bucketDeletesOwed.IsEmpty || Interlocked.Exchange(ref _retrying, 1) == 1) return;
        try
        {
            foreach (var key in _bucketDeletesOwed.Keys)
            {
                try
                {
                    await _bucket!.DeleteKeyAsync(key, CancellationToken.None);
                }
                catch (Exception e) when (S3MediaStore.IsUnavailable(e))
                {
                    return; // still away: the next tick
                }
                _bucketDeletesOwed.TryRemove(key, out _);
                TryDeleteFile(MarkerPath(key));
                _logger.LogInformation("Objects of {Key} deleted from the bucket on a retry.", key);
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Retrying the bucket's deletes failed");
        }
        finally
        {
            Volatile.Write(ref _retrying, 0);
        }
    }

    /// <summary>
    /// Deletes staging directories that belong to no working folder (left by versions before working
    /// folders, or by a crash while claiming one) last written before now − olderThan. Returns how many.
    /// </summary>
    public int SweepStaging(TimeSpan olderThan)
    {
        if (!Directory.Exists(StagingPath)) return 0;
        var cutoff = DateTime.UtcNow - olderThan;
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories(StagingPath))
        {
            if (Path.GetFileName(dir).StartsWith(WorkingFolderPrefix, StringComparison.Ordinal)) continue;
            if (Directory.GetLastWriteTimeUtc(dir) > cutoff) continue;
            if (TryDeleteDirectory(dir)) count++;
        }
        foreach (var file in Directory.EnumerateFiles(StagingPath))
        {
            if (File.GetLastWriteTimeUtc(file) > cutoff) continue;
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (count > 0) _logger.LogInformation("Swept {Count} staging directories", count);
        return count;
    }

    /// <summary>
    /// Working folders whose process is gone (their lock could be taken), each locked for the caller
    /// until disposed. The caller decides which of their keys are orphans (no row) and clears them.
    /// </summary>
    public IEnumerable<AbandonedFolder> ClaimAbandonedFolders()
    {
        if (!Directory.Exists(StagingPath)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(StagingPath, WorkingFolderPrefix + "*"))
        {
            if (dir == WorkingPath) continue;
            FileStream held;
            try
            {
                held = new FileStream(Path.Combine(dir, LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (FileNotFoundException)
            {
                // Renamed into place with its lock file, so only a half-deleted folder lacks one: nobody owns it.
                held = new FileStream(Path.Combine(dir, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (DirectoryNotFoundException)
            {
                continue; // another process swept it meanwhile
            }
            catch (IOException)
            {
                continue; // locked: its process is alive
            }
            yield return new AbandonedFolder(this, dir, held);
        }
    }

    /// <summary>A dead process's working folder, locked by this one while it is cleared.</summary>
    public sealed class AbandonedFolder : IDisposable
    {
        private readonly ImagePipeline _owner;
        private readonly FileStream _lock;

        internal AbandonedFolder(ImagePipeline owner, string path, FileStream held)
        {
            _owner = owner;
            Path = path;
            _lock = held;
            var keysDir = System.IO.Path.Combine(path, KeysDirName);
            StoredKeys = Directory.Exists(keysDir)
                ? Directory.EnumerateFiles(keysDir).Select(f => System.IO.Path.GetFileName(f).Replace('_', '/')).Where(IsValidKey).ToList()
                : [];
        }

        public string Path { get; }

        /// <summary>Keys the dead process stored; some have rows (committed), the others are orphans.</summary>
        public IReadOnlyList<string> StoredKeys { get; }

        /// <summary>Deletes the pictures of the orphan keys, then the folder (unfinished uploads included).</summary>
        public void Clear(IEnumerable<string> orphanKeys)
        {
            foreach (var key in orphanKeys) _owner.Delete(key);
            foreach (var entry in Directory.EnumerateFileSystemEntries(Path))
            {
                if (System.IO.Path.GetFileName(entry) == LockFileName) continue;
                if (Directory.Exists(entry)) _owner.TryDeleteDirectory(entry);
                else _owner.TryDeleteFile(entry);
            }
            _lock.Dispose();
            _owner.TryDeleteDirectory(Path);
        }

        public void Dispose() => _lock.Dispose();
    }

    private void TryDeleteFile(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not delete {File}", path);
        }
    }

    private bool TryDeleteDirectory(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not delete {Directory}", dir);
            return false;
        }
    }
}

/// <summary>Process-wide libvips settings, applied once.</summary>
internal static class VipsSetup
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        // No operation cache: every upload is different, and the cache would keep decoded pixels alive.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        // Refuse the loaders libvips itself marks as untrusted (ImageMagick, PDF, ...).
        NetVips.NetVips.BlockUntrusted = true;
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;
}
