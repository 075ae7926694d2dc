using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>The work page's actions: the buy bar, the order dialog, share links, breadcrumb, a gallery that stays on the page.</summary>
public class WorkPageActionsTests(DatabaseProvider provider) : AppTest(provider)
{
    private string _email = "";
    private string _word = "";

    [OneTimeSetUp]
    public async Task CreateArtistAsync()
    {
        _word = Word();
        (var client, _email) = await Accounts.NewArtistAsync(App, "Actions " + _word);
        client.Dispose();
    }

    private async Task<(long Id, string Slug)> WorkAsync(string title, ArtworkStatus status = ArtworkStatus.Available, int images = 1, string category = "peinture", DateTime? createdAt = null)
    {
        var id = await SeedArtworks.CreateAsync(App, _email, title, 150_000, status: status, images: images, category: category, createdAt: createdAt);
        return (id, await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync()));
    }

    [Test]
    public async Task An_available_work_has_a_buy_bar_with_WhatsApp_and_Commander_and_the_order_form_in_a_dialog()
    {
        var (id, slug) = await WorkAsync($"Barre {_word}");
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var bar = page.GetElementById("buy-bar")!;
        Assert.Multiple(() =>
        {
            Assert.That(bar.QuerySelector("a[data-whatsapp]")?.GetAttribute("href"), Is.EqualTo($"/oeuvres/{id}/whatsapp"), "counted, then on to wa.me");
            Assert.That(bar.QuerySelector("a[data-open-dialog=order-dialog]")?.GetAttribute("href"), Is.EqualTo($"/oeuvres/{id}/commander"),
                "without JavaScript, Commander is the order page");
            Assert.That(page.QuerySelector("dialog#order-dialog #order-form"), Is.Not.Null);
            Assert.That(page.QuerySelectorAll("a[data-whatsapp]"), Has.Length.EqualTo(1), "one way to WhatsApp, not two competing ones");
        });
        using var chat = await client.Http.GetAsync($"/oeuvres/{id}/whatsapp");
        Assert.That(chat.Headers.Location?.ToString(), Does.StartWith("https://wa.me/237677123456?text="));
    }

    [Test]
    public async Task The_gallery_never_links_to_a_bare_image_and_is_a_labelled_region()
    {
        var (id, slug) = await WorkAsync($"Galerie {_word}", images: 3);
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var gallery = page.QuerySelector(".work-gallery")!;
        Assert.Multiple(() =>
        {
            Assert.That(gallery.LocalName, Is.EqualTo("section"), "aria-label on a section (a region), not on a bare div");
            Assert.That(gallery.GetAttribute("aria-label"), Is.Not.Empty);
            Assert.That(gallery.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { "#photo-1", "#photo-2", "#photo-3" }));
            Assert.That(page.QuerySelectorAll("a[href*='/media/']"), Is.Empty);
            Assert.That(gallery.QuerySelectorAll(".work-gallery__slides img[data-full]"), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public async Task Share_links_carry_the_works_url()
    {
        var (id, slug) = await WorkAsync($"Partage {_word}");
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var url = $"{PosaXApp.BaseUrl}/oeuvres/{id}/{slug}";
        var whatsapp = page.QuerySelector("a[data-share=whatsapp]")!.GetAttribute("href")!;
        var facebook = page.QuerySelector("a[data-share=facebook]")!.GetAttribute("href")!;
        Assert.Multiple(() =>
        {
            Assert.That(whatsapp, Does.StartWith("https://wa.me/?text="));
            Assert.That(Uri.UnescapeDataString(whatsapp["https://wa.me/?text=".Length..]), Does.Contain($"Partage {_word}").And.Contain("150\u202F000\u00A0FCFA").And.Contain(url));
            Assert.That(facebook, Is.EqualTo("https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(url)));
            Assert.That(page.QuerySelector("button[data-copy-url]")?.GetAttribute("data-copy-url"), Is.EqualTo(url));
        });
    }

    [Test]
    public async Task A_visible_breadcrumb_leads_back_to_the_catalogue_and_the_category()
    {
        var (id, slug) = await WorkAsync($"Fil {_word}", category: "sculpture");
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var crumbs = page.QuerySelectorAll("nav.breadcrumb li");
        Assert.That(crumbs.Select(li => li.QuerySelector("a")?.GetAttribute("href")), Is.EqualTo(new[] { "/", "/oeuvres", "/oeuvres?categorie=sculpture", null }));
        Assert.That(crumbs[^1].TextContent.Trim(), Is.EqualTo($"Fil {_word}"));
    }

    [Test]
    public async Task A_sold_work_still_offers_to_write_to_the_artist_and_shows_available_works_only()
    {
        // The newest of a rare category: nothing from the shared database comes before them.
        var newest = DateTime.UtcNow.AddDays(5);
        var (available, _) = await WorkAsync($"Encore là {_word}", category: "ceramique", createdAt: newest);
        var (sold, _) = await WorkAsync($"Autre vendue {_word}", ArtworkStatus.Sold, category: "ceramique", createdAt: newest.AddMinutes(1));
        var (id, slug) = await WorkAsync($"Partie {_word}", ArtworkStatus.Sold, category: "ceramique");
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var bar = page.GetElementById("buy-bar")!;
        using var chat = await client.Http.GetAsync(bar.QuerySelector("a[data-whatsapp]")!.GetAttribute("href")!);
        var text = Uri.UnescapeDataString(chat.Headers.Location!.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(bar.QuerySelector("a[data-whatsapp]")!.TextContent.Trim(), Is.EqualTo("Écrire à l’artiste"));
            Assert.That(text, Does.Contain($"Partie {_word}").And.Contain("vendue"));
            Assert.That(bar.QuerySelector("[data-open-dialog]"), Is.Null);
            var similar = page.QuerySelectorAll("#similar-works a.artwork-card__link").Select(a => a.GetAttribute("href")!).ToList();
            Assert.That(similar, Has.Some.StartWith($"/oeuvres/{available}/"));
            Assert.That(similar, Has.None.StartWith($"/oeuvres/{sold}/"));
        });
    }
}
