using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// The total of a listing longer than a page is counted once per set of filters and kept with the
/// cached pages: the same total on every page, and evicted by the same changes.
/// </summary>
public class CatalogueTotalTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_total_is_counted_once_per_listing_and_recounted_after_every_change_the_app_makes()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Total " + word);
        client.Dispose();
        var slug = await SlugOfAsync(App, email);
        for (var i = 0; i < 25; i++)
            await SeedArtworks.CreateAsync(App, email, $"Total {word} {i:00}", images: 0);
        using var visitor = NewClient();
        Assert.That(ResultCount(await visitor.GetPageAsync($"/oeuvres?artiste={slug}")), Is.EqualTo("25 œuvres"));

        // A work written behind the app's back, without telling its cache: a new URL (not an
        // output-cached page) shows the work but still the total counted before. This is the count
        // cache at work, and why every change must go through PublicCache.
        await App.WithDbAsync(async db =>
        {
            var artist = await db.Users.SingleAsync(u => u.Email == email);
            db.Artworks.Add(new Artwork
            {
                ArtistId = artist.Id, Title = $"Total {word} discret", Slug = "discret", Price = 10_000, CategoryId = 1,
                HeightCm = 10, WidthCm = 10, SearchText = "discret", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var behindTheBack = await visitor.GetPageAsync($"/oeuvres?artiste={slug}&v=1");
        Assert.That(Titles(behindTheBack, "#catalogue-results"), Does.Contain($"Total {word} discret"));
        Assert.That(ResultCount(behindTheBack), Is.EqualTo("25 œuvres"));

        // What every commit through the app's context does: the total is counted again, on every page.
        var artistId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.CatalogueTag, PublicCache.ArtistTag(artistId)]);
        var first = await visitor.GetPageAsync($"/oeuvres?artiste={slug}&v=2");
        Assert.That(ResultCount(first), Is.EqualTo("26 œuvres"));
        var second = await visitor.GetPageAsync(first.GetElementById("next-page")!.GetAttribute("href")!);
        Assert.That(ResultCount(second), Is.EqualTo("26 œuvres"));
        Assert.That(Titles(second, "#catalogue-results"), Has.Length.EqualTo(2));
    }
}
