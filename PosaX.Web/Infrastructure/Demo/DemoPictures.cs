using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// The few pictures the demo data shares: generated (<see cref="DemoArt"/> for works, <see cref="DemoImages"/>
/// for profile photos; nothing downloaded, nothing copyrighted)
/// and run through the real <see cref="ImagePipeline"/> once, so every work's photos are real WebP
/// variants in media storage at every width the pages ask for, in the work's orientation.
/// </summary>
internal sealed class DemoPictures
{
    private readonly Dictionary<Orientation, List<StoredImage>> _covers;
    private readonly List<StoredImage> _all;
    private readonly List<StoredImage> _profiles;

    private DemoPictures(Dictionary<Orientation, List<StoredImage>> covers, List<StoredImage> profiles)
    {
        _covers = covers;
        _profiles = profiles;
        _all = covers.Values.SelectMany(c => c).ToList();
    }

    public int Count => _all.Count + _profiles.Count;

    /// <summary>Up to 8 pictures per orientation and 12 profile photos: enough variety on a page, a few seconds to make.</summary>
    public static async Task<DemoPictures> CreateAsync(ImagePipeline pipeline, int artists, int artworks, CancellationToken ct)
    {
        var perOrientation = artworks == 0 ? 0 : Math.Clamp(artworks / 3_000, 1, 8);
        var profiles = Math.Clamp(artists / 200, 1, 12);
        // Larger than the largest variant (1600 px) so every width exists, as for a camera photo.
        (Orientation Orientation, int Width, int Height)[] shapes =
            [(Orientation.Landscape, 1800, 1350), (Orientation.Portrait, 1350, 1800), (Orientation.Square, 1700, 1700)];
        // Works look like art (DemoArt: the five styles shared round the orientations, so even one
        // picture per orientation gives three kinds); profile photos stay abstract.
        var jobs = shapes.SelectMany(s => Enumerable.Range(0, perOrientation).Select(i => (Kind: ImageKind.Artwork, s.Orientation, s.Width, s.Height,
                Seed: 500 + (int)s.Orientation * 100 + i, Style: (DemoArt.Style?)(DemoArt.Style)((i + 2 * (int)s.Orientation) % 5))))
            .Concat(Enumerable.Range(0, profiles).Select(i => (Kind: ImageKind.ProfilePhoto, Orientation: Orientation.Square, Width: 600, Height: 600,
                Seed: 900 + i, Style: (DemoArt.Style?)null)))
            .ToList();
        // Generation runs on the thread pool, processing is bounded by the pipeline itself (one per core).
        var stored = await Task.WhenAll(jobs.Select(job => Task.Run(async () =>
        {
            using var picture = new MemoryStream(job.Style is { } style
                ? DemoArt.Generate(style, job.Seed, job.Width, job.Height)
                : DemoImages.Generate(job.Seed, job.Width, job.Height));
            var result = await pipeline.ProcessAsync(picture, job.Kind, ct);
            return (job.Kind, job.Orientation, Image: result.Image ?? throw new InvalidOperationException(
                $"A generated demo picture was refused: {result.Rejection?.Message}"));
        }, ct)));
        var covers = stored.Where(s => s.Kind == ImageKind.Artwork).GroupBy(s => s.Orientation)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Image).ToList());
        return new DemoPictures(covers, stored.Where(s => s.Kind == ImageKind.ProfilePhoto).Select(s => s.Image).ToList());
    }

    public StoredImage Cover(Orientation orientation, DemoCatalogue random)
    {
        var pool = _covers.TryGetValue(orientation, out var matching) && matching.Count > 0 ? matching : _all;
        return pool[random.Next(pool.Count)];
    }

    public StoredImage Any(DemoCatalogue random) => _all[random.Next(_all.Count)];

    public StoredImage? Profile(DemoCatalogue random) => _profiles.Count == 0 ? null : _profiles[random.Next(_profiles.Count)];

    /// <summary>When the load fails, nothing will ever point at these.</summary>
    public void DeleteAll(ImagePipeline pipeline)
    {
        foreach (var image in _all.Concat(_profiles)) pipeline.Delete(image.Key);
    }
}
