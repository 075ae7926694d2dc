using NetVips;
using VipsImage = NetVips.Image;

namespace PosaX.Web.Infrastructure.Images;

/// <summary>
/// Procedurally generated abstract pictures for demo data: Perlin noise mixed with Worley cells,
/// coloured through a palette picked by the seed. Deterministic for a given seed and size; no
/// copyrighted material involved.
/// </summary>
public static class DemoImages
{
    // Palettes of warm earths, indigo, kente-like golds and greens.
    private static readonly byte[][][] Palettes =
    [
        [[0x2B, 0x1B, 0x17], [0x8C, 0x2F, 0x1B], [0xD9, 0x7B, 0x29], [0xF2, 0xC1, 0x4E], [0xF7, 0xEB, 0xD3]],
        [[0x0B, 0x1D, 0x51], [0x1F, 0x4E, 0x9C], [0x3C, 0xA0, 0xC8], [0xE8, 0xB9, 0x3A], [0xF5, 0xF0, 0xE1]],
        [[0x1A, 0x3C, 0x1F], [0x2E, 0x7D, 0x32], [0xF9, 0xA8, 0x25], [0xC6, 0x28, 0x28], [0x21, 0x21, 0x21]],
        [[0x3E, 0x1F, 0x47], [0x7B, 0x2D, 0x6B], [0xE0, 0x5A, 0x47], [0xF4, 0xA2, 0x59], [0xFF, 0xE5, 0xB4]],
        [[0x10, 0x2A, 0x2E], [0x1B, 0x6F, 0x6A], [0x9A, 0xC4, 0x8A], [0xE9, 0xD8, 0xA6], [0xB5, 0x5A, 0x30]],
        [[0x26, 0x14, 0x0C], [0x6D, 0x3B, 0x1E], [0xB0, 0x6E, 0x3C], [0xE3, 0xB5, 0x7E], [0x3D, 0x7C, 0x98]],
    ];

    public static byte[] Generate(int seed, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)width * height, 40_000_000L, nameof(width));
        VipsSetup.EnsureConfigured();

        var random = new Random(seed);
        var palette = Palettes[random.Next(Palettes.Length)];
        using var lut = BuildLut(palette, reversed: random.Next(2) == 1);
        var cell = Math.Max(8, Math.Max(width, height) / random.Next(3, 7));

        // Perlin gives soft flowing shapes, Worley adds cell-like structure; both seeded.
        using var perlin = VipsImage.Perlin(width, height, cellSize: cell, seed: random.Next());
        using var fine = VipsImage.Perlin(width, height, cellSize: Math.Max(4, cell / 4), seed: random.Next());
        using var worley = VipsImage.Worley(width, height, cellSize: Math.Max(8, cell / 2), seed: random.Next());

        // Perlin is roughly in [-1, 1]; Worley is a distance in pixels, normalised by its cell size.
        var worleyWeight = 0.2 + random.NextDouble() * 0.3;
        using var mixed = perlin * 0.75 + fine * 0.25;
        using var cells = worley / (cell / 2.0);
        using var value = (mixed + 1) * (127.5 * (1 - worleyWeight)) + cells * (255 * worleyWeight);
        using var index = value.Cast(Enums.BandFormat.Uchar);
        using var coloured = index.Maplut(lut);
        using var srgb = coloured.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 85, optimizeCoding: true, keep: Enums.ForeignKeep.None);
    }

    /// <summary>256-entry RGB lookup table interpolating between the palette colours.</summary>
    private static VipsImage BuildLut(byte[][] palette, bool reversed)
    {
        var colours = reversed ? palette.Reverse().ToArray() : palette;
        var table = new byte[256 * 3];
        var segments = colours.Length - 1;
        for (var i = 0; i < 256; i++)
        {
            var t = i / 255.0 * segments;
            var s = Math.Min(segments - 1, (int)t);
            var f = t - s;
            for (var c = 0; c < 3; c++)
                table[i * 3 + c] = (byte)Math.Round(colours[s][c] * (1 - f) + colours[s + 1][c] * f);
        }
        return VipsImage.NewFromMemory(table, 256, 1, 3, Enums.BandFormat.Uchar);
    }
}
