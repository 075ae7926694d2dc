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
        for (var i = 0; i < 26; i++)
            await SeedArtworks.CreateAsync(App, email, $"Total {word} {i:00}", images: 0);
        using var visitor = NewClient();
        Assert.That(ResultCount(await visitor.GetPageAsync($"/oeuvres?artiste={slug}")), Is.EqualTo("26 œuvres"));

        // A work hidden behind the app's back (a bulk update the change tracker never sees, so
        // nothing is evicted): a new URL (not an output-cached page) no longer shows the work but
        // still the total counted before. This is the count cache at work.
        var hidden = $"Total {word} 25"; // the newest: on the first page
        await App.WithDbAsync(db => db.Artworks.Where(a => a.Title == hidden).ExecuteUpdateAsync(u => u.SetProperty(a => a.HiddenAt, DateTime.UtcNow)));
        var behindTheBack = await visitor.GetPageAsync($"/oeuvres?artiste={slug}&v=1");
        Assert.That(Titles(behindTheBack, "#catalogue-results"), Does.Not.Contain(hidden));
        Assert.That(ResultCount(behindTheBack), Is.EqualTo("26 œuvres"));

        // Any commit through the app's context that touches the artist's works evicts the count
        // with the pages: the total is counted again, on every page.
        await App.WithDbAsync(async db =>
        {
            var work = await db.Artworks.SingleAsync(a => a.Title == hidden);
            work.HiddenReason = "retirée";
            return await db.SaveChangesAsync();
        });
        var first = await visitor.GetPageAsync($"/oeuvres?artiste={slug}&v=2");
        Assert.That(ResultCount(first), Is.EqualTo("25 œuvres"));
        var second = await visitor.GetPageAsync(first.GetElementById("next-page")!.GetAttribute("href")!);
        Assert.That(ResultCount(second), Is.EqualTo("25 œuvres"));
        Assert.That(Titles(second, "#catalogue-results"), Has.Length.EqualTo(1));
    }
}
