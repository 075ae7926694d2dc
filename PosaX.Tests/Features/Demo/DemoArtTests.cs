using PosaX.Web.Infrastructure.Demo;
using VipsImage = NetVips.Image;

namespace PosaX.Tests.Features.Demo;

/// <summary>The demo's generated artworks: every style in every format, deterministic, never a flat picture.</summary>
public class DemoArtTests
{
    public static IEnumerable<TestCaseData> StylesAndFormats() =>
        from style in Enum.GetValues<DemoArt.Style>()
        from format in new[] { (900, 1200), (1200, 900), (1000, 1000) }
        select new TestCaseData(style, format.Item1, format.Item2).SetArgDisplayNames($"{style} {format.Item1}x{format.Item2}");

    [TestCaseSource(nameof(StylesAndFormats))]
    public void Each_style_makes_a_JPEG_of_the_asked_size_with_real_contrast_and_colour(DemoArt.Style style, int width, int height)
    {
        var bytes = DemoArt.Generate(style, 31, width, height);
        using var image = VipsImage.NewFromBuffer(bytes);
        Assert.Multiple(() =>
        {
            Assert.That((image.Width, image.Height, image.Bands), Is.EqualTo((width, height, 3)));
            Assert.That(bytes.AsSpan(0, 3).ToArray(), Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }), "a JPEG");
            // Not a flat or near-flat picture: shapes with contrast, in more than one colour.
            Assert.That(image.Deviate(), Is.GreaterThan(20), "contrast");
            var means = Enumerable.Range(0, 3).Select(b => { using var band = image.ExtractBand(b); return band.Avg(); }).ToArray();
            Assert.That(means.Max() - means.Min(), Is.GreaterThan(8), "colour, not grey");
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_picture_and_another_seed_another()
    {
        var first = DemoArt.Generate(7, 400, 300);
        var again = DemoArt.Generate(7, 400, 300);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(DemoArt.Generate(12, 400, 300), Is.Not.EqualTo(first), "same style, another seed");
        Assert.That(Enumerable.Range(0, 5).Select(DemoArt.StyleOf).Distinct().Count(), Is.EqualTo(5), "consecutive seeds, five styles");
    }
}
