using Bunit;
using PosaX.Web.Components;
using PosaX.Web.Data;

namespace PosaX.Tests.Components;

[Category("Component")]
public class ArtworkCardTests
{
    private static ArtworkCard.Model Work(ArtworkStatus status = ArtworkStatus.Available, string? cover = "a/2026/0123456789abcdef0123456789abcdef") =>
        new(42, "foret-d-ebene", "Forêt d'ébène", "Ngono Béatrice", 150_000, status, cover, [320, 640, 960, 1280], 1280, 960, 60, 80.5);

    [Test]
    public void Links_to_the_work_page_with_its_slug()
    {
        using var context = new BunitContext();
        var card = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work()));
        Assert.That(card.Find("a").GetAttribute("href"), Is.EqualTo("/oeuvres/42/foret-d-ebene"));
        Assert.That(card.Find(".artwork-card__title").TextContent, Is.EqualTo("Forêt d'ébène"));
        Assert.That(card.Find(".artwork-card__artist").TextContent, Is.EqualTo("Ngono Béatrice"));
    }

    [Test]
    public void The_cover_has_a_srcset_up_to_960_sizes_and_its_dimensions_and_is_lazy_by_default()
    {
        using var context = new BunitContext();
        var img = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work())).Find("img");
        const string key = "/media/a/2026/0123456789abcdef0123456789abcdef";
        Assert.Multiple(() =>
        {
            Assert.That(img.GetAttribute("srcset"), Is.EqualTo($"{key}/320.webp 320w, {key}/640.webp 640w, {key}/960.webp 960w"));
            Assert.That(img.GetAttribute("src"), Is.EqualTo($"{key}/320.webp"));
            Assert.That(img.GetAttribute("sizes"), Is.Not.Empty);
            Assert.That(img.GetAttribute("width"), Is.EqualTo("1280"));
            Assert.That(img.GetAttribute("height"), Is.EqualTo("960"));
            Assert.That(img.GetAttribute("loading"), Is.EqualTo("lazy"));
            // Below the first row: after the first cards (the LCP), not competing with them for a slow link.
            Assert.That(img.GetAttribute("fetchpriority"), Is.EqualTo("low"));
        });
    }

    [Test]
    public void An_eager_card_loads_at_once_with_high_priority()
    {
        using var context = new BunitContext();
        var img = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work()).Add(x => x.Eager, true)).Find("img");
        Assert.That(img.GetAttribute("loading"), Is.EqualTo("eager"));
        Assert.That(img.GetAttribute("fetchpriority"), Is.EqualTo("high"));
    }

    [Test]
    public void A_sold_work_shows_the_Vendue_badge_and_an_available_one_does_not()
    {
        using var context = new BunitContext();
        Assert.That(context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work(ArtworkStatus.Sold))).Find(".badge--sold").TextContent, Is.EqualTo("Vendue"));
        Assert.That(context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work())).FindAll(".badge--sold"), Is.Empty);
    }

    [Test]
    public void A_reserved_work_shows_the_Reservee_badge_and_a_sold_one_says_Vendue_once()
    {
        using var context = new BunitContext();
        var reserved = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work(ArtworkStatus.Reserved)));
        Assert.That(reserved.Find(".artwork-card__frame .badge--reserved").TextContent, Is.EqualTo("Réservée"));
        var sold = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work(ArtworkStatus.Sold)));
        Assert.That(sold.FindAll(".badge").Select(b => b.TextContent), Is.EqualTo(new[] { "Vendue" }), "on the picture, not again by the price");
        Assert.That(sold.Find(".price").ClassList, Does.Contain("price--sold"));
    }

    [Test]
    public void Shows_the_dimensions()
    {
        using var context = new BunitContext();
        var card = context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work()));
        Assert.That(card.Find(".artwork-card__size").TextContent, Is.EqualTo("60 × 80,5 cm"));
    }

    [Test]
    public void A_work_without_images_has_no_img()
    {
        using var context = new BunitContext();
        Assert.That(context.Render<ArtworkCard>(p => p.Add(x => x.Work, Work(cover: null))).FindAll("img"), Is.Empty);
    }
}

[Category("Component")]
public class PriceTagTests
{
    [Test]
    public void Formats_whole_FCFA_with_no_break_spaces()
    {
        using var context = new BunitContext();
        var tag = context.Render<PriceTag>(p => p.Add(x => x.Amount, 150_000));
        Assert.That(tag.Find("data").TextContent, Is.EqualTo("150\u202F000\u00A0FCFA"));
        Assert.That(tag.Find("data").GetAttribute("value"), Is.EqualTo("150000"));
        Assert.That(tag.FindAll(".badge"), Is.Empty);
    }

    [Test]
    public void A_sold_price_says_Vendue()
    {
        using var context = new BunitContext();
        var tag = context.Render<PriceTag>(p => p.Add(x => x.Amount, 850_000).Add(x => x.Sold, true));
        Assert.That(tag.Find(".badge--sold").TextContent, Is.EqualTo("Vendue"));
        Assert.That(tag.Find(".price").ClassList, Does.Contain("price--sold"));
        Assert.That(tag.Find("data").TextContent, Is.EqualTo("850\u202F000\u00A0FCFA"));
    }
}
