using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>For visitors abroad: the work page gives the price in euros too, at the fixed parity, marked indicative, in both languages.</summary>
public class IndicativeEuroPriceTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_work_page_shows_the_indicative_euro_price_under_the_FCFA_price_in_French_and_in_English()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        client.Dispose();
        var title = "Case obus " + Guid.NewGuid().ToString("N")[..6];
        var id = await SeedArtworks.CreateAsync(App, email, title, price: 150_000);
        var slug = Web.Data.ArtworkDerivedFields.Slug(title);

        using var visitor = NewClient();
        var french = await visitor.GetPageAsync($"/oeuvres/{id}/{slug}");
        var english = await visitor.GetPageAsync($"/en/artworks/{id}/{slug}");
        Assert.Multiple(() =>
        {
            Assert.That(french.QuerySelector(".work-price data")!.TextContent, Is.EqualTo("150\u202F000\u00A0FCFA"));
            Assert.That(french.QuerySelector("#work-price-euros")!.TextContent, Is.EqualTo("≈\u00A0229\u00A0€ (indicatif)"));
            Assert.That(french.QuerySelector(".work-price + #work-price-euros"), Is.Not.Null, "right under the FCFA price");
            Assert.That(english.QuerySelector(".work-price data")!.TextContent, Is.EqualTo("150,000\u00A0FCFA"));
            Assert.That(english.QuerySelector("#work-price-euros")!.TextContent, Is.EqualTo("≈\u00A0€229 (indicative)"));
        });
    }

    [Test]
    public async Task A_large_price_is_grouped_the_readers_way_in_euros_too()
    {
        var (client, email) = await Accounts.NewArtistAsync(App);
        client.Dispose();
        var title = "Grande fresque " + Guid.NewGuid().ToString("N")[..6];
        var id = await SeedArtworks.CreateAsync(App, email, title, price: 2_500_000);
        var slug = Web.Data.ArtworkDerivedFields.Slug(title);

        using var visitor = NewClient();
        Assert.That((await visitor.GetPageAsync($"/oeuvres/{id}/{slug}")).QuerySelector("#work-price-euros")!.TextContent,
            Is.EqualTo("≈\u00A03\u202F811\u00A0€ (indicatif)"));
        Assert.That((await visitor.GetPageAsync($"/en/artworks/{id}/{slug}")).QuerySelector("#work-price-euros")!.TextContent,
            Is.EqualTo("≈\u00A0€3,811 (indicative)"));
    }
}
