using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>How a search's words are read: a category's English name stands for its French name too (SearchWords).</summary>
public class SearchWordsTests
{
    private static readonly Category[] Categories =
    [
        new() { Slug = "peinture", Name = "Peinture" },
        new() { Slug = "sculpture", Name = "Sculpture" },
        new() { Slug = "techniques-mixtes", Name = "Techniques mixtes" },
        new() { Slug = "art-numerique", Name = "Art numérique" },
        new() { Slug = "nouvelle", Name = "Vannerie" },
    ];

    private static SearchWords Parse(params string[] terms) => SearchWords.Parse(terms, SearchWords.CategoryNames(Categories));

    [Test]
    public void The_English_names_singular_and_plural_map_to_the_folded_French_name_whatever_the_page_s_language()
    {
        using (PosaX.Web.Infrastructure.Text.Languages.Use("fr"))
        {
            var names = SearchWords.CategoryNames(Categories);
            Assert.Multiple(() =>
            {
                Assert.That(names["painting"], Is.EqualTo("peinture"));
                Assert.That(names["paintings"], Is.EqualTo("peinture"));
                Assert.That(names["mixed media"], Is.EqualTo("techniques mixtes"));
                Assert.That(names["digital art"], Is.EqualTo("art numerique"));
                Assert.That(names.ContainsKey("sculpture"), Is.False, "the same word in both languages needs no alternative");
                Assert.That(names.Values, Does.Not.Contain("vannerie"), "a category without an English name has nothing to map");
            });
        }
    }

    [Test]
    public void Words_that_name_no_category_stay_plain()
    {
        var words = Parse("masque", "bronze");
        Assert.That((words.Plain, words.Alternatives), Is.EqualTo((new[] { "masque", "bronze" }, Array.Empty<string[]>())));
    }

    [Test]
    public void An_English_category_name_is_matched_as_typed_or_as_the_French_name_and_the_other_words_stay_required()
    {
        var words = Parse("kribi", "paintings", "mixed", "media", "sculpture");
        Assert.Multiple(() =>
        {
            Assert.That(words.Plain, Is.EqualTo(new[] { "kribi", "sculpture" }));
            Assert.That(words.Alternatives, Is.EqualTo(new[] { new[] { "paintings", "peinture" }, new[] { "mixed media", "techniques mixtes" } }));
            Assert.That(words.AlternativesTsQuery(), Is.EqualTo("(paintings | peinture) & (mixed & media | techniques & mixtes)"));
        });
    }

    [Test]
    public void A_two_word_name_is_preferred_to_one_of_its_words_and_a_lone_half_is_plain()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("digital", "art").Alternatives, Is.EqualTo(new[] { new[] { "digital art", "art numerique" } }));
            Assert.That(Parse("art", "digital").Plain, Is.EqualTo(new[] { "art", "digital" }), "the name's words in another order are plain words");
            Assert.That(Parse("media").Plain, Is.EqualTo(new[] { "media" }));
        });
    }
}
