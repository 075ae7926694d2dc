using Microsoft.Playwright;
using NetVips;

namespace PosaX.Tests.Browser;

/// <summary>Real image files made in code (NetVips, as the app's own pipeline uses).</summary>
public static class TestImages
{
    public const int Width = 320;
    public const int Height = 240;

    private static readonly Lazy<byte[]> PngBytes = new(() =>
    {
        // A warm gradient: a real photo-like image, not a blank one an image check could refuse.
        using var x = Image.Xyz(Width, Height);
        using var red = x[0] * (255.0 / Width);
        using var green = x[1] * (200.0 / Height);
        using var blue = (x[0] + x[1]) * (120.0 / (Width + Height));
        using var rgb = red.Bandjoin(green, blue);
        using var bytes = rgb.Cast(Enums.BandFormat.Uchar);
        using var srgb = bytes.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    });

    public static FilePayload Png(string name) => new() { Name = name, MimeType = "image/png", Buffer = PngBytes.Value };
}
