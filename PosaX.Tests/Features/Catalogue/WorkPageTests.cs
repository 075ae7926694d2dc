using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

public class WorkPageTests(DatabaseProvider provider) : AppTest(provider)
{
    private string _email = "";
    private string _word = "";

    [OneTimeSetUp]
    public async Task CreateArtistAsync()
    {
        _word = Word();
        (var client, _email) = await Accounts.NewArtistAsync(App, "Page " + _word);
        client.Dispose();
        // Registration gave the artist the WhatsApp number 677 12 34 56.
    }

    private async Task<(long Id, string Slug)> WorkAsync(string title, ArtworkStatus status = ArtworkStatus.Available, string? description = null,
        int images = 1, bool hidden = false, long price = 150_000, double? depth = null)
    {
        var id = await SeedArtworks.CreateAsync(App, _email, title, price, description: description, status: status, images: images,
            hidden: hidden, medium: "Acrylique sur toile", depthCm: depth);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return (id, slug);
    }

    [Test]
    public async Task A_wrong_or_missing_slug_answers_301_to_the_canonical_url()
    {
        var (id, slug) = await WorkAsync($"Forêt d'ébène {_word}");
        using var client = NewClient();
        foreach (var url in new[] { $"/oeuvres/{id}/mauvais-nom", $"/oeuvres/{id}" })
        {
            using var response = await client.Http.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently), url);
            Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/oeuvres/{id}/{slug}"));
        }
        Assert.That(slug, Is.EqualTo($"foret-d-ebene-{_word}"));
    }

    [Test]
    public async Task An_unknown_id_or_a_hidden_work_is_404()
    {
        var (hidden, slug) = await WorkAsync($"Cachée {_word}", hidden: true, images: 0);
        using var client = NewClient();
        await client.GetPageAsync($"/oeuvres/{long.MaxValue - 7}/rien", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/oeuvres/{hidden}/{slug}", HttpStatusCode.NotFound);
        await client.GetPageAsync("/oeuvres/abc/rien", HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_work_of_an_unactivated_artist_is_404()
    {
        using var client = NewClient();
        var email = NewEmail();
        Assert.That((await client.RegisterAsync(email, "Pas Actif")).Success, Is.True);
        var id = await SeedArtworks.CreateAsync(App, email, $"Invisible {_word}", images: 0);
        await client.GetPageAsync($"/oeuvres/{id}/invisible-{_word}", HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_available_work_shows_its_details_the_order_form_and_a_WhatsApp_link_naming_it()
    {
        var title = $"Marché de Mokolo {_word}";
        var (id, slug) = await WorkAsync(title, price: 150_000, depth: 4, images: 2,
            description: "Peint à **Yaoundé**.\n\n<script>alert(1)</script>[clic](javascript:alert(2))");
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");

        Assert.That(page.QuerySelector("a[data-whatsapp]")!.GetAttribute("href"), Is.EqualTo($"/oeuvres/{id}/whatsapp"), "counted, then on to wa.me");
        using var chat = await client.Http.GetAsync($"/oeuvres/{id}/whatsapp");
        var whatsapp = chat.Headers.Location!.ToString();
        var text = Uri.UnescapeDataString(whatsapp[(whatsapp.IndexOf("?text=", StringComparison.Ordinal) + 6)..]);
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("h1").Select(h => h.TextContent.Trim()), Is.EqualTo(new[] { title }));
            Assert.That(page.QuerySelector(".work-price .price data")?.TextContent, Is.EqualTo("150\u202F000\u00A0FCFA"));
            Assert.That(page.GetElementById("work-dimensions")?.TextContent, Is.EqualTo("60 × 80 × 4 cm"));
            Assert.That(page.QuerySelector(".work-facts")?.TextContent, Does.Contain("Acrylique sur toile").And.Contain("Peinture"));
            Assert.That(page.GetElementById("order-form"), Is.Not.Null);
            Assert.That(page.QuerySelector("#order-form")?.GetAttribute("action"), Is.EqualTo($"/oeuvres/{id}/commander"));
            Assert.That(whatsapp, Does.StartWith("https://wa.me/237677123456?text="));
            Assert.That(text, Does.Contain(title).And.Contain("150\u202F000\u00A0FCFA").And.Contain($"{PosaXApp.BaseUrl}/oeuvres/{id}/{slug}"));
            Assert.That(page.QuerySelector("#work-description strong")?.TextContent, Is.EqualTo("Yaoundé"));
            Assert.That(page.QuerySelectorAll("#work-description script").Length, Is.Zero);
            Assert.That(page.GetElementById("work-description")!.InnerHtml, Does.Not.Contain("javascript:"));
            Assert.That(page.QuerySelector(".work-artist a")?.GetAttribute("href"), Does.StartWith("/artistes/"));
            Assert.That(page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Is.EqualTo($"{PosaXApp.BaseUrl}/oeuvres/{id}/{slug}"));
            var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content");
            Assert.That(description, Does.Contain(title));
            Assert.That(description!.Length, Is.InRange(50, 160));
        });
    }

    [Test]
    public async Task Images_carry_srcset_sizes_and_dimensions_the_cover_eager_the_others_lazy()
    {
        var (id, slug) = await WorkAsync($"Trois vues {_word}", images: 3);
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");

        var images = page.QuerySelectorAll(".work-gallery__slides img").ToArray();
        Assert.That(images, Has.Length.EqualTo(3));
        Assert.Multiple(() =>
        {
            foreach (var img in images)
            {
                // The test pictures are 800 px wide: never upscaled, so 320, 480 and 640 only.
                Assert.That(img.GetAttribute("srcset"), Does.Match(@"^/media/a/\d{4}/[0-9a-f]{32}/320\.webp 320w, /media/a/\d{4}/[0-9a-f]{32}/480\.webp 480w, /media/a/\d{4}/[0-9a-f]{32}/640\.webp 640w$"));
                Assert.That(img.GetAttribute("sizes"), Is.Not.Empty);
                Assert.That(img.GetAttribute("width"), Is.EqualTo("640"));
                Assert.That(img.GetAttribute("height"), Is.EqualTo("480"));
            }
            Assert.That(images[0].GetAttribute("loading"), Is.EqualTo("eager"));
            Assert.That(images[0].GetAttribute("fetchpriority"), Is.EqualTo("high"));
            Assert.That(images.Skip(1).Select(i => i.GetAttribute("loading")), Is.All.EqualTo("lazy"));
        });
    }

    [Test]
    public async Task A_sold_work_stays_visible_marked_Vendue_without_the_order_form()
    {
        var (id, slug) = await WorkAsync($"Déjà partie {_word}", ArtworkStatus.Sold, images: 0);
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        Assert.That(page.QuerySelector(".work-price .badge--sold")?.TextContent, Is.EqualTo("Vendue"));
        Assert.That(page.GetElementById("order-form"), Is.Null);
    }

    [Test]
    public async Task A_reserved_work_shows_Reservee_without_the_order_form()
    {
        var (id, slug) = await WorkAsync($"Mise de côté {_word}", ArtworkStatus.Reserved, images: 0);
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        Assert.That(page.QuerySelector(".work-price .badge--reserved")?.TextContent, Is.EqualTo("Réservée"));
        Assert.That(page.GetElementById("order-form"), Is.Null);
    }

    [Test]
    public async Task Similar_works_share_the_category_or_the_artist_exclude_the_work_and_hidden_ones()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Similaire " + word);
        client.Dispose();
        var main = await SeedArtworks.CreateAsync(App, email, $"Principale {word}", category: "gravure", images: 0);
        var sameArtist = await SeedArtworks.CreateAsync(App, email, $"Même artiste {word}", category: "textile", images: 0);
        await SeedArtworks.CreateAsync(App, email, $"Masquée {word}", category: "gravure", images: 0, hidden: true);

        using var visitor = NewClient();
        var page = await visitor.GetPageAsync($"/oeuvres/{main}/principale-{word}");
        var similar = Titles(page, "#similar-works");
        Assert.That(similar, Has.Length.InRange(1, 4));
        Assert.That(similar, Does.Contain($"Même artiste {word}"));
        Assert.That(similar, Has.None.EqualTo($"Principale {word}").And.None.EqualTo($"Masquée {word}"));
        Assert.That(sameArtist, Is.Not.EqualTo(main));
    }

    [TestCase("Beau.")]
    [TestCase(null)]
    [TestCase("long")]
    public async Task The_meta_description_says_what_the_work_is_in_50_to_160_characters(string? description)
    {
        if (description == "long") description = string.Join(' ', Enumerable.Repeat("Une longue description de l'œuvre.", 100));
        var (id, slug) = await WorkAsync($"V {_word[..2]}", description: description, images: 0);
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var meta = page.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
        Assert.That(meta.Length, Is.InRange(50, 160), meta);
        Assert.That(meta, Does.Contain($"«\u00A0V {_word[..2]}\u00A0»").And.Contain("150\u202F000\u00A0FCFA"));
    }
}
