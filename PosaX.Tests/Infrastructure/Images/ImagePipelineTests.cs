using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetVips;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Images;
using static PosaX.Tests.Infrastructure.Images.ImageFixtures;
using VipsImage = NetVips.Image;

namespace PosaX.Tests.Infrastructure.Images;

[TestFixture]
public sealed class ImagePipelineTests
{
    private string _contentRoot = null!;
    private ImagePipeline _pipeline = null!;

    [SetUp]
    public void SetUp()
    {
        _contentRoot = Path.Combine(Path.GetTempPath(), "posax-img-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_contentRoot);
        // Relative root: must be resolved against the content root.
        _pipeline = new ImagePipeline(Options.Create(new StorageOptions { Root = "App_Data/media" }),
            new FakeWebHostEnvironment(_contentRoot), NullLogger<ImagePipeline>.Instance);
    }

    [TearDown]
    public void TearDown()
    {
        _pipeline.Dispose();
        if (Directory.Exists(_contentRoot)) Directory.Delete(_contentRoot, recursive: true);
    }

    private Task<ImageResult> Process(byte[] bytes, ImageKind kind = ImageKind.Artwork) =>
        _pipeline.ProcessAsync(new MemoryStream(bytes), kind);

    private string VariantPath(string key, string file) => Path.Combine(_pipeline.RootPath, key, file);

    /// <summary>Every file of the store but the pipeline's own bookkeeping: its working folder's lock and key markers.</summary>
    private IEnumerable<string> AllStoredFiles() =>
        Directory.EnumerateFiles(_pipeline.RootPath, "*", SearchOption.AllDirectories)
            .Where(f => f != Path.Combine(_pipeline.WorkingPath, ".lock") && Path.GetDirectoryName(f) != Path.Combine(_pipeline.WorkingPath, "keys"));

    /// <summary>Anything under staging but the working folder itself, its lock and its markers: unfinished work.</summary>
    private IEnumerable<string> StagingLeftovers() =>
        Directory.EnumerateFileSystemEntries(Path.Combine(_pipeline.RootPath, ".staging"), "*", SearchOption.AllDirectories)
            .Where(e => e != _pipeline.WorkingPath && e != Path.Combine(_pipeline.WorkingPath, ".lock")
                        && e != Path.Combine(_pipeline.WorkingPath, "keys") && Path.GetDirectoryName(e) != Path.Combine(_pipeline.WorkingPath, "keys"));

    private void AssertStoreEmpty()
    {
        Assert.That(AllStoredFiles(), Is.Empty, "no file may be left in the store after a rejection");
        Assert.That(StagingLeftovers(), Is.Empty, "no staging dir left");
    }

    private async Task AssertRejected(byte[] bytes, int status, string message, ImageKind kind = ImageKind.Artwork)
    {
        var result = await Process(bytes, kind);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Image, Is.Null);
            Assert.That(result.Rejection, Is.EqualTo(new ImageRejection(status, message)));
        });
        AssertStoreEmpty();
    }

    [Test]
    public void RootPath_IsAbsoluteUnderContentRoot_AndCreated()
    {
        Assert.That(_pipeline.RootPath, Is.EqualTo(Path.Combine(_contentRoot, "App_Data", "media")));
        Assert.That(Directory.Exists(_pipeline.RootPath), Is.True);
    }

    [Test]
    public async Task JpegWithGpsAndOrientation_IsRotated_AndStrippedOfAllMetadata()
    {
        var source = JpegWithGpsAndOrientation6(2000, 1000);

        // The fixture must really carry what we claim to remove.
        using (var check = VipsImage.NewFromBuffer(source))
        {
            var fields = check.GetFields();
            Assert.That(fields, Does.Contain("exif-data"));
            Assert.That(fields, Does.Contain("xmp-data"));
            Assert.That(fields.Any(f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal)), Is.True, "fixture has GPS");
            Assert.That(check.Get("orientation"), Is.EqualTo(6));
        }
        var sourcePath = Path.Combine(_contentRoot, "source.jpg");
        await File.WriteAllBytesAsync(sourcePath, source);
        var sourceTags = ExifToolTags(sourcePath);
        if (sourceTags is not null)
        {
            Assert.That(sourceTags.Keys, Has.Some.EqualTo("GPS:GPSLatitude"));
            Assert.That(sourceTags["IFD0:Orientation"], Is.EqualTo("6"));
        }

        var result = await Process(source);

        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        var image = result.Image!;
        // 2000×1000 stored, displayed as 1000×2000: widths up to 960, portrait.
        Assert.That(image.Widths, Is.EqualTo(new[] { 320, 480, 640, 960 }));
        Assert.That((image.Width, image.Height), Is.EqualTo((960, 1920)));

        var outputs = image.Widths.Select(w => VariantPath(image.Key, $"{w}.webp")).Append(VariantPath(image.Key, "og.jpg")).ToList();
        foreach (var path in outputs)
        {
            using var output = VipsImage.NewFromFile(path);
            var fields = output.GetFields();
            Assert.That(fields.Where(f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal)
                                          || f.StartsWith("icc", StringComparison.Ordinal) || f.StartsWith("iptc", StringComparison.Ordinal)),
                Is.Empty, path);
            Assert.That(output.Contains("orientation") ? output.Get("orientation") : 1, Is.EqualTo(1), path);

            var tags = ExifToolTags(path);
            if (tags is not null)
            {
                Assert.That(tags.Keys.Where(k => k.Contains("GPS", StringComparison.OrdinalIgnoreCase)), Is.Empty, path);
                Assert.That(tags.Keys.Where(k => k.StartsWith("IFD0:", StringComparison.Ordinal) || k.StartsWith("ExifIFD:", StringComparison.Ordinal)
                                                 || k.StartsWith("XMP", StringComparison.Ordinal)), Is.Empty, path);
                Assert.That(File.ReadAllText(path, Encoding.Latin1), Does.Not.Contain("Secret Photographer"));
            }
        }

        // Rotated 90° clockwise: the stored left half (red) is now on top, the right half (blue) at the bottom.
        using var largest = VipsImage.NewFromFile(VariantPath(image.Key, "960.webp"));
        Assert.That((largest.Width, largest.Height), Is.EqualTo((960, 1920)));
        var top = largest.Getpoint(480, 200);
        var bottom = largest.Getpoint(480, 1700);
        Assert.That(top[0], Is.GreaterThan(150).And.GreaterThan(top[2] + 100), "top is red");
        Assert.That(bottom[2], Is.GreaterThan(150).And.GreaterThan(bottom[0] + 100), "bottom is blue");
    }

    [Test]
    public async Task Artwork_ProducesListedWidthsUpToOriginal_AndOgPreview()
    {
        var result = await Process(Jpeg(1000, 750));

        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        var image = result.Image!;
        Assert.That(image.Key, Does.Match("^a/[0-9]{4}/[0-9a-f]{32}$"));
        Assert.That(image.Key, Does.StartWith($"a/{DateTime.UtcNow.Year}/"));
        Assert.That(image.Widths, Is.EqualTo(new[] { 320, 480, 640, 960 }), "1280 and 1600 would be upscaled");
        Assert.That((image.Width, image.Height), Is.EqualTo((960, 720)));

        var dir = Path.Combine(_pipeline.RootPath, image.Key);
        Assert.That(Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "320.webp", "480.webp", "640.webp", "960.webp", "og.jpg" }));
        foreach (var w in image.Widths)
        {
            var path = VariantPath(image.Key, $"{w}.webp");
            var head = File.ReadAllBytes(path).AsSpan(0, 12).ToArray();
            Assert.That(Encoding.ASCII.GetString(head, 8, 4), Is.EqualTo("WEBP"));
            using var v = VipsImage.NewFromFile(path);
            Assert.That(v.Width, Is.EqualTo(w));
            Assert.That(v.Height, Is.EqualTo((int)Math.Round(w * 0.75)).Within(1));
        }

        var og = VariantPath(image.Key, "og.jpg");
        Assert.That(new FileInfo(og).Length, Is.LessThanOrEqualTo(300 * 1024));
        using var ogImage = VipsImage.NewFromFile(og);
        Assert.That(ogImage.Get("vips-loader"), Is.EqualTo("jpegload"));
        Assert.That((ogImage.Width, ogImage.Height), Is.EqualTo((1200, 630)));
        Assert.That(ogImage.GetFields(), Has.None.StartsWith("exif"));

        // Only the store's final tree: no staging leftovers.
        Assert.That(StagingLeftovers(), Is.Empty);
    }

    [Test]
    public async Task Artwork_WiderThanAllWidths_GetsAllFive()
    {
        var result = await Process(Jpeg(2400, 1200));
        Assert.That(result.Image!.Widths, Is.EqualTo(new[] { 320, 480, 640, 960, 1280, 1600 }));
        Assert.That((result.Image.Width, result.Image.Height), Is.EqualTo((1600, 800)));
    }

    [Test]
    public async Task Artwork_SmallerThanSmallestWidth_KeepsOriginalWidth()
    {
        var result = await Process(Png(200, 150));
        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        Assert.That(result.Image!.Widths, Is.EqualTo(new[] { 200 }));
        Assert.That((result.Image.Width, result.Image.Height), Is.EqualTo((200, 150)));
        using var v = VipsImage.NewFromFile(VariantPath(result.Image.Key, "200.webp"));
        Assert.That((v.Width, v.Height), Is.EqualTo((200, 150)));
    }

    [Test]
    public async Task ProfilePhoto_IsSquareInThreeSizes()
    {
        var result = await Process(Jpeg(1200, 800), ImageKind.ProfilePhoto);

        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        var image = result.Image!;
        Assert.That(image.Key, Does.Match("^p/[0-9]{4}/[0-9a-f]{32}$"));
        Assert.That(image.Widths, Is.EqualTo(new[] { 96, 240, 480 }));
        Assert.That((image.Width, image.Height), Is.EqualTo((480, 480)));
        foreach (var w in image.Widths)
        {
            using var v = VipsImage.NewFromFile(VariantPath(image.Key, $"{w}.webp"));
            Assert.That((v.Width, v.Height), Is.EqualTo((w, w)));
        }
        Assert.That(File.Exists(VariantPath(image.Key, "og.jpg")), Is.False, "og preview is for artworks only");
    }

    [Test]
    public async Task ProfilePhoto_Small_StillGetsTheThreeSquareSizes_SoPagesCanNameThem()
    {
        var result = await Process(Jpeg(90, 60), ImageKind.ProfilePhoto);
        Assert.That(result.Image!.Widths, Is.EqualTo(new[] { 96, 240, 480 }));
        foreach (var w in result.Image.Widths)
        {
            using var v = VipsImage.NewFromFile(VariantPath(result.Image.Key, $"{w}.webp"));
            Assert.That((v.Width, v.Height), Is.EqualTo((w, w)));
        }
    }

    [Test]
    public async Task Png_WithAlpha_IsAccepted()
    {
        var result = await Process(Png(700, 500, alpha: true));
        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        Assert.That(result.Image!.Widths, Is.EqualTo(new[] { 320, 480, 640 }));
        using var og = VipsImage.NewFromFile(VariantPath(result.Image.Key, "og.jpg"));
        Assert.That(og.Bands, Is.EqualTo(3), "og.jpg flattened");
    }

    [Test]
    public async Task WebP_IsAccepted()
    {
        var result = await Process(WebP(800, 600));
        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        Assert.That(result.Image!.Widths, Is.EqualTo(new[] { 320, 480, 640 }));
        Assert.That((result.Image.Width, result.Image.Height), Is.EqualTo((640, 480)));
    }

    [Test]
    public async Task FormFile_WithMisleadingNameAndType_IsJudgedByContent()
    {
        var text = Encoding.UTF8.GetBytes("Ceci n'est pas une image, juste du texte renommé en .jpg\n");
        var file = new FormFile(new MemoryStream(text), 0, text.Length, "photo", "photo.jpg")
        {
            Headers = new HeaderDictionary(), ContentType = "image/jpeg",
        };
        var result = await _pipeline.ProcessAsync(file, ImageKind.Artwork);
        Assert.That(result.Rejection, Is.EqualTo(new ImageRejection(400, InfrastructureTexts.Images.UnsupportedFormat)));
        Assert.That(InfrastructureTexts.Images.UnsupportedFormat, Is.EqualTo("Format non pris en charge\u00A0: JPEG, PNG ou WebP uniquement."));

        // And a real PNG named .gif with a wrong type is accepted.
        var png = Png(400, 300);
        var ok = new FormFile(new MemoryStream(png), 0, png.Length, "photo", "photo.gif")
        {
            Headers = new HeaderDictionary(), ContentType = "text/plain",
        };
        Assert.That((await _pipeline.ProcessAsync(ok, ImageKind.Artwork)).Succeeded, Is.True);
    }

    [Test]
    public Task Svg_IsRejected() => AssertRejected(Svg, 400, InfrastructureTexts.Images.UnsupportedFormat);

    [Test]
    public Task Gif_IsRejected() => AssertRejected(Gif, 400, InfrastructureTexts.Images.UnsupportedFormat);

    [Test]
    public Task Heic_IsRejected() => AssertRejected(Heic, 400, InfrastructureTexts.Images.UnsupportedFormat);

    [Test]
    public Task Empty_IsRejected() => AssertRejected([], 400, InfrastructureTexts.Images.Empty);

    [Test]
    public Task JpegWithScriptInComment_IsRejectedAsPolyglot() =>
        AssertRejected(JpegWithComment(Jpeg(400, 300), "<SCRIPT>alert(document.cookie)</SCRIPT>"), 400, InfrastructureTexts.Images.UnsupportedFormat);

    [Test]
    public Task JpegWithZipAppended_IsRejectedAsPolyglot() =>
        AssertRejected([.. Jpeg(400, 300), .. Zip()], 400, InfrastructureTexts.Images.UnsupportedFormat);

    [Test]
    public Task PngWithHtmlAfterIend_IsRejectedAsPolyglot() =>
        AssertRejected([.. Png(300, 200), .. "<html><body>hi</body></html>"u8], 400, InfrastructureTexts.Images.UnsupportedFormat);

    [Test]
    public async Task JpegWithHarmlessTrailer_IsAccepted_AndTrailerNotStored()
    {
        // Phones append data after the JPEG end (motion photos, Samsung trailers).
        byte[] trailer = [.. "SEFH"u8, .. new byte[64], .. "SEFT"u8];
        var result = await Process([.. Jpeg(400, 300), .. trailer]);
        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
        var stored = File.ReadAllBytes(VariantPath(result.Image!.Key, "320.webp"));
        Assert.That(Encoding.Latin1.GetString(stored), Does.Not.Contain("SEFT"));
    }

    [Test]
    public async Task TruncatedJpeg_IsRejectedAsUnreadable()
    {
        var jpeg = Jpeg(1200, 900);
        await AssertRejected(jpeg[..(jpeg.Length * 6 / 10)], 400, InfrastructureTexts.Images.Unreadable);
        Assert.That(InfrastructureTexts.Images.Unreadable, Does.StartWith("Image illisible"));
    }

    [Test]
    public async Task TruncatedPng_IsRejectedAsUnreadable()
    {
        var png = Png(600, 400);
        await AssertRejected(png[..(png.Length / 2)], 400, InfrastructureTexts.Images.Unreadable);
    }

    [Test]
    public async Task CorruptJpegHuffmanTable_IsRejectedAsUnreadable()
    {
        // Header intact (dimensions readable), but the Huffman table is bogus: a decoding error.
        var corrupt = Jpeg(800, 600).ToArray();
        var dht = corrupt.AsSpan().IndexOf(new byte[] { 0xFF, 0xC4 });
        Assert.That(dht, Is.GreaterThan(0));
        corrupt.AsSpan(dht + 5, 16).Fill(0xFF); // code counts summing far beyond 256
        await AssertRejected(corrupt, 400, InfrastructureTexts.Images.Unreadable);
    }

    [Test]
    public async Task PixelFlood_IsRejectedFromHeader_Fast()
    {
        var bomb = PngDeclaring(50_000, 50_000);
        Assert.That(bomb.Length, Is.LessThan(200));
        var stopwatch = Stopwatch.StartNew();
        await AssertRejected(bomb, 413, InfrastructureTexts.Images.TooManyPixels);
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [TestCase(12_001u, 100u)]
    [TestCase(100u, 12_001u)]
    [TestCase(8_000u, 5_001u)] // 40.008 MP
    public Task TooManyPixelsOrSideTooLong_IsRejected(uint width, uint height) =>
        AssertRejected(PngDeclaring(width, height), 413, InfrastructureTexts.Images.TooManyPixels);

    [Test]
    public async Task AtThePixelLimit_IsNotRejectedForSize()
    {
        // 8000 × 5000 = 40 MP exactly: allowed by the size rule (the fake IDAT is then unreadable: 400, not 413).
        var result = await Process(PngDeclaring(8_000, 5_000));
        Assert.That(result.Rejection, Is.EqualTo(new ImageRejection(400, InfrastructureTexts.Images.Unreadable)));
        AssertStoreEmpty();
    }

    [Test]
    public async Task MaxUploadBytesPlusOne_IsRejected413()
    {
        var tooBig = new byte[ImagePipeline.MaxUploadBytes + 1];
        Jpeg(64, 64).CopyTo(tooBig, 0);
        await AssertRejected(tooBig, 413, InfrastructureTexts.Images.TooLarge);

        var file = new FormFile(new MemoryStream(tooBig), 0, tooBig.Length, "f", "f.jpg");
        Assert.That((await _pipeline.ProcessAsync(file, ImageKind.Artwork)).Rejection!.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public async Task UnboundedStream_IsReadAtMostMaxPlusOneBytes()
    {
        var endless = new EndlessStream(0x42);
        var result = await _pipeline.ProcessAsync(endless, ImageKind.Artwork);
        Assert.That(result.Rejection, Is.EqualTo(new ImageRejection(413, InfrastructureTexts.Images.TooLarge)));
        Assert.That(endless.BytesRead, Is.EqualTo(ImagePipeline.MaxUploadBytes + 1));
        AssertStoreEmpty();
    }

    [Test]
    public async Task ExactlyMaxUploadBytes_IsNotRejectedForSize()
    {
        // A real JPEG padded with a harmless trailer up to exactly the limit.
        var jpeg = Jpeg(300, 200);
        var exact = new byte[ImagePipeline.MaxUploadBytes];
        jpeg.CopyTo(exact, 0);
        var result = await Process(exact);
        Assert.That(result.Succeeded, Is.True, () => result.Rejection?.Message ?? "");
    }

    [Test]
    public async Task Cancellation_LeavesNothingBehind()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Assert.That(async () => await _pipeline.ProcessAsync(new MemoryStream(Jpeg(2000, 1500)), ImageKind.Artwork, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
        AssertStoreEmpty();
    }

    [Test]
    public async Task Delete_RemovesAllVariants_IgnoresUnknown_RefusesEscapes()
    {
        var kept = (await Process(Jpeg(700, 500, seed: 7))).Image!;
        var image = (await Process(Jpeg(700, 500))).Image!;
        var dir = Path.Combine(_pipeline.RootPath, image.Key);
        Assert.That(Directory.EnumerateFiles(dir), Is.Not.Empty);

        _pipeline.Delete(image.Key);

        Assert.That(Directory.Exists(dir), Is.False);
        Assert.That(Directory.Exists(Path.Combine(_pipeline.RootPath, kept.Key)), Is.True, "other keys untouched");
        Assert.That(StagingLeftovers(), Is.Empty);
        Assert.That(() => _pipeline.Delete(image.Key), Throws.Nothing, "already gone");
        Assert.That(() => _pipeline.Delete("a/2020/" + new string('0', 32)), Throws.Nothing, "unknown key");

        // Keys that would escape the root (or hit the staging dir) are refused and delete nothing.
        var outside = Path.Combine(_contentRoot, "App_Data", "victim");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "x");
        foreach (var bad in new[] { "../victim", "a/2026/../../../victim", "/etc", ".staging", "", "a/2026/" + new string('0', 31) + "/.." })
        {
            Assert.That(() => _pipeline.Delete(bad), Throws.ArgumentException, bad);
        }
        Assert.That(File.Exists(Path.Combine(outside, "keep.txt")), Is.True);
    }

    [Test]
    public void SweepStaging_RemovesOnlyOldStagingDirs()
    {
        var staging = Path.Combine(_pipeline.RootPath, ".staging");
        var old1 = Directory.CreateDirectory(Path.Combine(staging, Guid.NewGuid().ToString("N"))).FullName;
        var old2 = Directory.CreateDirectory(Path.Combine(staging, Guid.NewGuid().ToString("N"))).FullName;
        var fresh = Directory.CreateDirectory(Path.Combine(staging, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(old1, "320.webp"), "partial");
        Directory.SetLastWriteTimeUtc(old1, DateTime.UtcNow.AddHours(-3));
        Directory.SetLastWriteTimeUtc(old2, DateTime.UtcNow.AddHours(-2));

        var swept = _pipeline.SweepStaging(TimeSpan.FromHours(1));

        Assert.That(swept, Is.EqualTo(2));
        Assert.That(Directory.Exists(old1), Is.False);
        Assert.That(Directory.Exists(old2), Is.False);
        Assert.That(Directory.Exists(fresh), Is.True);
        Assert.That(_pipeline.SweepStaging(TimeSpan.FromHours(1)), Is.EqualTo(0));
    }

    [Test]
    public async Task A_working_folder_is_claimed_only_once_its_process_is_gone()
    {
        var stored = (await Process(Jpeg(700, 500))).Image!;
        var second = new ImagePipeline(Options.Create(new StorageOptions { Root = "App_Data/media" }),
            new FakeWebHostEnvironment(_contentRoot), NullLogger<ImagePipeline>.Instance);
        try
        {
            Assert.That(second.ClaimAbandonedFolders(), Is.Empty, "a live process's folder is left alone");
            Directory.CreateDirectory(Path.Combine(_pipeline.WorkingPath, "unfinished-upload"));
            _pipeline.Dispose(); // as a crash would: the kernel drops the lock, the folder stays

            var folders = second.ClaimAbandonedFolders().ToList();
            Assert.That(folders.Select(f => f.Path), Is.EqualTo(new[] { _pipeline.WorkingPath }));
            Assert.That(folders[0].StoredKeys, Is.EqualTo(new[] { stored.Key }));
            using var third = new ImagePipeline(Options.Create(new StorageOptions { Root = "App_Data/media" }),
                new FakeWebHostEnvironment(_contentRoot), NullLogger<ImagePipeline>.Instance);
            Assert.That(third.ClaimAbandonedFolders().Where(f => f.Path == _pipeline.WorkingPath), Is.Empty, "claimed by one sweeper at a time");
            folders[0].Clear([stored.Key]); // no row refers to it

            Assert.That(Directory.Exists(_pipeline.WorkingPath), Is.False);
            Assert.That(Directory.Exists(VariantPath(stored.Key, "")), Is.False, "the orphan picture is gone");
        }
        finally
        {
            second.Dispose();
        }
    }

    [Test]
    public void UrlAndSrcSet()
    {
        const string key = "a/2026/0123456789abcdef0123456789abcdef";
        Assert.That(ImagePipeline.Url(key, 320), Is.EqualTo("/media/a/2026/0123456789abcdef0123456789abcdef/320.webp"));
        Assert.That(ImagePipeline.SrcSet(key, [320, 640]), Is.EqualTo(
            "/media/a/2026/0123456789abcdef0123456789abcdef/320.webp 320w, /media/a/2026/0123456789abcdef0123456789abcdef/640.webp 640w"));
    }

    [Test]
    public void DemoImages_AreDeterministicColourfulJpegs()
    {
        var a = DemoImages.Generate(42, 640, 480);
        var b = DemoImages.Generate(42, 640, 480);
        var c = DemoImages.Generate(43, 640, 480);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.Not.EqualTo(c));
        using var image = VipsImage.NewFromBuffer(a);
        Assert.That(image.Get("vips-loader"), Is.EqualTo("jpegload_buffer"));
        Assert.That((image.Width, image.Height, image.Bands), Is.EqualTo((640, 480, 3)));
        Assert.That(image.Deviate(), Is.GreaterThan(20), "not a flat picture");
        // Colourful: the channels differ from each other somewhere.
        using var diff = (image[0] - image[2]).Abs();
        Assert.That(diff.Max(), Is.GreaterThan(40));
    }

    [Test]
    public async Task TwelveMegapixelJpeg_ProcessesQuickly()
    {
        await Process(Jpeg(800, 600)); // warm up libvips
        var photo = PhotoLikeJpeg(4000, 3000, seed: 5);
        Assert.That(photo.Length, Is.GreaterThan(2_000_000), "a realistic, hard-to-compress 12 MP photo");
        var stopwatch = Stopwatch.StartNew();
        var result = await Process(photo);
        stopwatch.Stop();
        TestContext.Out.WriteLine($"12 MP JPEG ({photo.Length / 1024} KB) → 6 WebP + og.jpg in {stopwatch.ElapsedMilliseconds} ms");
        Assert.That(result.Image!.Widths, Has.Count.EqualTo(ImagePipeline.ArtworkWidths.Count));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }
}
