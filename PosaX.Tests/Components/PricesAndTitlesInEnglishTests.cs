using Bunit;
using PosaX.Web.Components;
using PosaX.Web.Data;
using Lang = PosaX.Web.Infrastructure.Text.Languages;

namespace PosaX.Tests.Components;

/// <summary>Cards and prices as English pages render them (issue 18); French rendering is ArtworkCardTests'.</summary>
[Category("Component")]
public class PricesAndTitlesInEnglishTests
{
    private static ArtworkCard.Model Work(string? titleEn) =>
        new(42, "foret-d-ebene", "Forêt d'ébène", "Ngono Béatrice", 150_000, ArtworkStatus.Available, null, [], 0, 0, 60, 80, TitleEn: titleEn);

    [Test]
    public void An_English_card_shows_the_English_title_and_an_English_price()
    {
        using var _ = Lang.Use("en");
        using var context = new BunitContext();
        var card = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work("Ebony forest")));
        Assert.Multiple(() =>
        {
            Assert.That(card.Find(".artwork-card__title").TextContent, Is.EqualTo("Ebony forest"));
            Assert.That(card.Find(".artwork-card__title").HasAttribute("lang"), Is.False);
            Assert.That(card.Find(".price data").TextContent, Is.EqualTo("150,000\u00A0FCFA"));
        });
    }

    [Test]
    public void An_English_card_without_an_English_title_shows_the_French_one_marked_lang_fr()
    {
        using var _ = Lang.Use("en");
        using var context = new BunitContext();
        var card = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work(null)));
        Assert.That(card.Find(".artwork-card__title").TextContent, Is.EqualTo("Forêt d'ébène"));
        Assert.That(card.Find(".artwork-card__title").GetAttribute("lang"), Is.EqualTo("fr"));
    }

    [Test]
    public void A_French_card_shows_the_French_title_even_with_an_English_one()
    {
        using var _ = Lang.Use("fr");
        using var context = new BunitContext();
        var card = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work("Ebony forest")));
        Assert.That(card.Find(".artwork-card__title").TextContent, Is.EqualTo("Forêt d'ébène"));
        Assert.That(card.Find(".artwork-card__title").HasAttribute("lang"), Is.False);
        Assert.That(card.Find(".price data").TextContent, Is.EqualTo("150\u202F000\u00A0FCFA"));
    }
}
