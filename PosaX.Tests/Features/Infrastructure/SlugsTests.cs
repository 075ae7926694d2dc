using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>Slugs: accent-free addresses, and the one rule that numbers a taken one ("-2", "-3"…).</summary>
public class SlugsTests
{
    [TestCase("Forêt d'ébène", "foret-d-ebene")]
    [TestCase("  Ngono   Béatrice  ", "ngono-beatrice")]
    [TestCase("Cœur d'Œuvre", "coeur-d-oeuvre")]
    [TestCase("Mbappé & fils — 2024", "mbappe-fils-2024")]
    [TestCase("المعرض", "artiste")]
    public void A_slug_is_lower_case_ascii_with_single_hyphens(string text, string expected)
    {
        Assert.That(Slugs.From(text, 60), Is.EqualTo(expected));
    }

    [Test]
    public void A_free_stem_is_taken_as_it_is()
    {
        Assert.That(Slugs.Unique("ngono-beatrice", _ => false), Is.EqualTo("ngono-beatrice"));
    }

    [Test]
    public void A_taken_stem_gets_the_first_free_number_from_2()
    {
        var taken = new HashSet<string> { "peinture", "peinture-2", "peinture-4" };
        Assert.That(Slugs.Unique("peinture", taken.Contains), Is.EqualTo("peinture-3"));
    }

    [Test]
    public void A_slug_that_only_looks_numbered_does_not_count_as_the_stem()
    {
        var taken = new HashSet<string> { "peinture-2" };
        Assert.That(Slugs.Unique("peinture", taken.Contains), Is.EqualTo("peinture"));
    }

    [Test]
    public void Artists_of_the_same_name_get_numbered_slugs_in_turn()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "essomba-jean-paul" };

        var slugs = Enumerable.Range(0, 3).Select(_ => ArtistSlugs.NextFree("Ngono Béatrice", taken)).ToList();

        Assert.That(slugs, Is.EqualTo(new[] { "ngono-beatrice", "ngono-beatrice-2", "ngono-beatrice-3" }));
        Assert.That(taken, Is.SupersetOf(slugs));
    }

    [Test]
    public void A_long_artist_name_is_cut_so_that_a_numbered_slug_still_fits_the_column()
    {
        var name = string.Join(' ', Enumerable.Repeat("Mbarga", Artist.DisplayNameMaxLength / 7));
        var taken = new HashSet<string>(StringComparer.Ordinal) { ArtistSlugs.Stem(name) };

        var second = ArtistSlugs.NextFree(name, taken);

        Assert.That(second, Does.EndWith("-2"));
        Assert.That(second.Length, Is.LessThanOrEqualTo(120), "the Slug column of AspNetUsers");
    }
}
