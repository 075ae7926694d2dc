using Bunit;
using PosaX.Web.Components;
using PosaX.Web.Data;

namespace PosaX.Tests.Components;

[Category("Component")]
public class ArtworkCardListTests
{
    private static ArtworkCard.Model Work(long id) =>
        new(id, $"oeuvre-{id}", $"Œuvre {id}", "Ngono Béatrice", 150_000, ArtworkStatus.Available,
            $"a/2026/{id:x32}", [320, 640, 960], 960, 720, 60, 80);

    [Test]
    public void One_item_per_work_in_order_each_its_card()
    {
        using var context = new BunitContext();
        var list = context.Render<ArtworkCardList>(p => p.Add(x => x.Works, [Work(1), Work(2), Work(3)]));

        var items = list.FindAll("li");
        Assert.That(items, Has.Count.EqualTo(3));
        Assert.That(items.Select(li => li.QuerySelector("a.artwork-card__link")!.GetAttribute("href")),
            Is.EqualTo(new[] { "/oeuvres/1/oeuvre-1", "/oeuvres/2/oeuvre-2", "/oeuvres/3/oeuvre-3" }));
    }

    [TestCase(0)]
    [TestCase(2)]
    public void Only_the_first_cards_load_eagerly(int eagerCount)
    {
        using var context = new BunitContext();
        var list = context.Render<ArtworkCardList>(p => p.Add(x => x.Works, [Work(1), Work(2), Work(3), Work(4)]).Add(x => x.EagerCount, eagerCount));

        var loading = list.FindAll("img").Select(img => img.GetAttribute("loading")).ToList();
        Assert.That(loading, Is.EqualTo(Enumerable.Range(0, 4).Select(i => i < eagerCount ? "eager" : "lazy")));
    }

    [Test]
    public void No_work_no_item()
    {
        using var context = new BunitContext();
        Assert.That(context.Render<ArtworkCardList>(p => p.Add(x => x.Works, [])).FindAll("li"), Is.Empty);
    }
}
