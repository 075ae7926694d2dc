using PosaX.Web.Data;

namespace PosaX.Tests.Features.Atelier;

/// <summary>
/// The fields of a work that nobody types (slug, orientation, size class, search text): one rule,
/// the atelier's, for the atelier and the demo seeders alike.
/// </summary>
public class ArtworkDerivedFieldsTests
{
    private static Artwork Work(string title = "Forêt d'ébène", double heightCm = 60, double widthCm = 80, double? depthCm = null,
        string? description = "Les **étals** de Mokolo.", string? medium = "Acrylique sur toile") => new()
    {
        Title = title, HeightCm = heightCm, WidthCm = widthCm, DepthCm = depthCm, Description = description, Medium = medium,
    };

    private static Artwork Applied(Artwork work)
    {
        ArtworkDerivedFields.Apply(work, "Peinture", "Ngono Béatrice");
        return work;
    }

    [Test]
    public void Apply_sets_the_slug_orientation_size_class_and_search_text_from_the_typed_fields()
    {
        var work = Applied(Work());

        Assert.Multiple(() =>
        {
            Assert.That(work.Slug, Is.EqualTo("foret-d-ebene"));
            Assert.That(work.Orientation, Is.EqualTo(Orientation.Landscape));
            Assert.That(work.SizeClass, Is.EqualTo(SizeClass.M));
            Assert.That(work.SearchText, Is.EqualTo("foret d ebene peinture ngono beatrice acrylique sur toile les etals de mokolo"));
        });
    }

    [Test]
    public void A_title_slug_is_cut_at_100_characters_as_the_atelier_always_did()
    {
        var title = new string('a', Artwork.TitleMaxLength);
        Assert.That(Applied(Work(title: title)).Slug, Is.EqualTo(new string('a', 100)));
    }

    [Test]
    public void A_title_slug_spelling_out_ligatures_at_the_cut_still_fits_the_column()
    {
        var title = string.Concat(Enumerable.Repeat("Œ ", Artwork.TitleMaxLength / 2));
        var slug = ArtworkDerivedFields.Slug(title);
        Assert.That(slug, Does.StartWith("oe-oe-").And.Not.EndWith("-"));
        Assert.That(slug.Length, Is.LessThanOrEqualTo(Artwork.SlugMaxLength));
    }

    [Test]
    public void A_title_without_a_latin_letter_still_gets_a_slug()
    {
        Assert.That(ArtworkDerivedFields.Slug("« — »"), Is.Not.Empty);
    }

    [TestCase(80.0, 60.0, Orientation.Portrait)]
    [TestCase(60.0, 80.0, Orientation.Landscape)]
    [TestCase(100.0, 96.0, Orientation.Square)]
    [TestCase(96.0, 100.0, Orientation.Square)]
    [TestCase(100.0, 94.0, Orientation.Portrait)]
    [TestCase(94.0, 100.0, Orientation.Landscape)]
    public void Sides_within_5_percent_of_each_other_make_a_square(double heightCm, double widthCm, Orientation expected)
    {
        Assert.That(Applied(Work(heightCm: heightCm, widthCm: widthCm)).Orientation, Is.EqualTo(expected));
    }

    [TestCase(39.9, 20.0, null, SizeClass.S)]
    [TestCase(40.0, 20.0, null, SizeClass.M)]
    [TestCase(100.0, 100.0, null, SizeClass.M)]
    [TestCase(100.1, 20.0, null, SizeClass.L)]
    [TestCase(30.0, 30.0, 120.0, SizeClass.L)]
    public void The_size_class_follows_the_longest_of_the_three_dimensions(double heightCm, double widthCm, double? depthCm, SizeClass expected)
    {
        Assert.That(Applied(Work(heightCm: heightCm, widthCm: widthCm, depthCm: depthCm)).SizeClass, Is.EqualTo(expected));
    }

    [Test]
    public void The_search_text_skips_missing_fields_and_is_cut_to_its_column()
    {
        Assert.That(Applied(Work(description: null, medium: null)).SearchText, Is.EqualTo("foret d ebene peinture ngono beatrice"));
        var described = Applied(Work(description: string.Concat(Enumerable.Repeat("ébène ", 2000))));
        Assert.That(described.SearchText, Has.Length.EqualTo(Artwork.SearchTextMaxLength));
    }

    [Test]
    public void Apply_on_a_renamed_work_replaces_every_derived_field()
    {
        var work = Applied(Work());
        work.Title = "Marché Mokolo au soir";
        work.HeightCm = 120;
        work.WidthCm = 90;

        Applied(work);

        Assert.Multiple(() =>
        {
            Assert.That(work.Slug, Is.EqualTo("marche-mokolo-au-soir"));
            Assert.That(work.Orientation, Is.EqualTo(Orientation.Portrait));
            Assert.That(work.SizeClass, Is.EqualTo(SizeClass.L));
            Assert.That(work.SearchText, Does.StartWith("marche mokolo au soir ").And.Not.Contains("foret"));
        });
    }
}
