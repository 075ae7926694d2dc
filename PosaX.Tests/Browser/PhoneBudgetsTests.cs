using Microsoft.Playwright;
using PosaX.Tests.Features.Shared;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.Infrastructure.Images;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Browser;

/// <summary>What a first screen downloads, compressed as sent.</summary>
public static class FirstScreen
{
    /// <summary>
    /// The page, its styles and scripts, and the pictures in the first screen (each answer counted with
    /// ~300 bytes of headers). Pictures below it are left out even when Chromium's lazy loading fetched
    /// them early (its margin reaches far below a phone's screen, and how many there are depends on what
    /// the shared test database holds).
    /// </summary>
    public static Task<double> BytesAsync(IPage page) => page.EvaluateAsync<double>(@"() => {
        const below = new Set(Array.from(document.images)
            .filter(i => i.getBoundingClientRect().top >= window.innerHeight)
            .map(i => i.currentSrc).filter(src => src));
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
            .filter(e => !below.has(e.name))
            .reduce((n, e) => n + (e.encodedBodySize || 0) + 300, 0);
    }");
}

/// <summary>The issue's budgets on a phone: a work page with a camera photograph, every page at 320 px.</summary>
public class PhoneBudgetsTests(DatabaseProvider provider) : BrowserTest(provider)
{
    [Test]
    public async Task A_work_page_whose_cover_is_a_12_megapixel_camera_photo_transfers_at_most_150_KB_on_a_phone()
    {
        var photo = ImageFixtures.CameraPhoto();
        Assert.That(photo.Length, Is.GreaterThan(2_000_000), "a camera-sized JPEG, not a flat picture");
        var (client, email) = await Accounts.NewArtistAsync(App, "Photo Appareil");
        client.Dispose();
        var title = "Colline au couchant";
        var id = await SeedArtworks.CreateAsync(App, email, title, 240_000, cover: photo, images: 2, imageWidth: 1600, imageHeight: 1200);

        await UsePhoneAsync();
        await Page.GotoAsync($"/oeuvres/{id}/{PosaX.Web.Data.ArtworkDerivedFields.Slug(title)}");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var cover = await Page.Locator(".work-gallery__slides img").First.EvaluateAsync<double[]>("i => [i.naturalWidth, i.complete ? 1 : 0]");
        Assert.That(cover[1], Is.EqualTo(1), "the cover is shown");
        var bytes = await FirstScreen.BytesAsync(Page);
        TestContext.Out.WriteLine($"[weight] work page with a {photo.Length / 1024:N0} KB camera photo as cover: {bytes / 1024:0} KB (cover shown at {cover[0]} px)");
        Assert.That(bytes / 1024, Is.LessThanOrEqualTo(150));
    }

    [Test]
    public async Task Every_public_page_type_fits_a_320_pixel_wide_screen()
    {
        var pages = await PublicPageTypes.CreateAsync(App);
        await using var context = await Browser320Async();
        var page = await NewPageAsync(context);
        var wide = new List<string>();
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.That(response!.Ok, Is.True, url);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > 320)
            {
                var culprits = await page.EvaluateAsync<string[]>(@"() => Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > 320.5)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))");
                wide.Add($"{url}: {widths[0]} px ({string.Join(", ", culprits)})");
            }
        }
        Assert.That(wide, Is.Empty, "pages wider than a 320-px screen");
    }

    private async Task<IBrowserContext> Browser320Async()
    {
        var browser = await BrowserSession.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }
}
