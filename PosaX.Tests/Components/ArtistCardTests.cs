using Bunit;
using PosaX.Web.Components;

namespace PosaX.Tests.Components;

[Category("Component")]
public class ArtistCardTests
{
    // 23:30 UTC on 30 November is already December in Douala (UTC+1).
    private static ArtistCard.Model Artist(string? city = "Foumban", string? photo = "p/2026/0123456789abcdef0123456789abcdef", int works = 3) =>
        new("Njoya Ibrahim", "njoya-ibrahim", photo, city, new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc), works);

    [Test]
    public void Shows_the_photo_name_city_month_of_joining_in_Douala_and_number_of_works()
    {
        using var context = new BunitContext();
        var card = context.Render<ArtistCard>(p => p.Add(x => x.Artist, Artist()));
        Assert.Multiple(() =>
        {
            Assert.That(card.Find("a").GetAttribute("href"), Is.EqualTo("/artistes/njoya-ibrahim"));
            Assert.That(card.Find("img").GetAttribute("src"), Is.EqualTo("/media/p/2026/0123456789abcdef0123456789abcdef/240.webp"), "the photo's key, not a name");
            Assert.That(card.Find(".artist-item__name").TextContent, Is.EqualTo("Njoya Ibrahim"));
            Assert.That(card.Find(".artist-item__meta").TextContent, Is.EqualTo("Foumban · membre depuis décembre 2026"));
            Assert.That(card.Find(".artist-item__count").TextContent, Is.EqualTo("3 œuvres"));
        });
    }

    [Test]
    public void Without_a_city_or_a_photo_says_only_since_when_with_the_neutral_avatar()
    {
        using var context = new BunitContext();
        var card = context.Render<ArtistCard>(p => p.Add(x => x.Artist, Artist(city: null, photo: null, works: 1)));
        Assert.That(card.Find("img").GetAttribute("src"), Is.EqualTo("/img/avatar.svg"));
        Assert.That(card.Find(".artist-item__meta").TextContent, Is.EqualTo("membre depuis décembre 2026"));
        Assert.That(card.Find(".artist-item__count").TextContent, Is.EqualTo("1 œuvre"));
    }
}
