using System.Diagnostics;
using System.Globalization;
using NetVips;
using PosaX.Web.Infrastructure.Images;
using VipsImage = NetVips.Image;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// <c>dotnet PosaX.Web.dll bench-image [--file photo.jpg] [--runs N]</c>: times one upload through
/// the real <see cref="ImagePipeline"/> (checks, decode, six WebP widths, the og.jpg preview,
/// atomic store) in this process, as the atelier does it. Without --file, a 12-megapixel
/// camera-like JPEG is made: a generated picture with sensor-like noise at quality 92, several MB,
/// as hard to compress as a photograph. The stored variants are deleted after each run.
/// Prints each run and a last line <c>bench-image: median N ms …</c> (bench/run.sh reads it).
/// </summary>
public static class ImageBenchmark
{
    public const string Command = "bench-image";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        string? file = null;
        var runs = 5;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--file" && i + 1 < args.Length) file = args[++i];
            else if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100) { runs = n; i++; }
            else
            {
                await output.WriteLineAsync($"{Command}: bad argument '{args[i]}'. Usage: {Command} [--file photo.jpg] [--runs 1-100]");
                return DemoSeeding.ExitBadArguments;
            }
        }
        if (file is not null && !File.Exists(file))
        {
            await output.WriteLineAsync($"{Command}: no file {file}");
            return DemoSeeding.ExitBadArguments;
        }

        var pipeline = services.GetRequiredService<ImagePipeline>();
        var photo = file is null ? CameraLikeJpeg(4000, 3000) : await File.ReadAllBytesAsync(file, ct);
        using (var probe = VipsImage.NewFromBuffer(photo))
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Command}: {(file ?? "generated camera-like JPEG")}, {probe.Width}×{probe.Height} ({probe.Width * probe.Height / 1e6:F1} MP), {photo.Length / 1024:N0} KB"));

        // The first run pays for loading libvips and JIT: not what an upload costs.
        await ProcessOnceAsync(pipeline, DemoImages.Generate(1, 800, 600), ct);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (elapsed, stored) = await ProcessOnceAsync(pipeline, photo, ct);
            times.Add(elapsed.TotalMilliseconds);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Command}: run {run}: {elapsed.TotalMilliseconds:F0} ms → widths {string.Join(",", stored.Widths)} + {ImagePipeline.OgFileName}"));
        }
        times.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Command}: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs"));
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, StoredImage Stored)> ProcessOnceAsync(ImagePipeline pipeline, byte[] photo, CancellationToken ct)
    {
        using var upload = new MemoryStream(photo);
        var stopwatch = Stopwatch.StartNew();
        var result = await pipeline.ProcessAsync(upload, ImageKind.Artwork, ct);
        stopwatch.Stop();
        var stored = result.Image ?? throw new InvalidOperationException($"The photo was refused: {result.Rejection?.Message}");
        pipeline.Delete(stored.Key);
        return (stopwatch.Elapsed, stored);
    }

    /// <summary>Like a camera JPEG: sensor-like noise over a generated picture, quality 92 (the tests' recipe).</summary>
    private static byte[] CameraLikeJpeg(int width, int height)
    {
        using var picture = VipsImage.NewFromBuffer(DemoImages.Generate(5, width, height));
        using var noise = VipsImage.Gaussnoise(width, height, sigma: 18, seed: 5);
        using var noisy = (picture + noise).Cast(Enums.BandFormat.Uchar);
        return noisy.JpegsaveBuffer(q: 92);
    }
}
