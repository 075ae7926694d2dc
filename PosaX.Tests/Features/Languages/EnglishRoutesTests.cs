using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Tests.Features.Languages;

/// <summary>English lives under /en with English path words; every French URL keeps working.</summary>
public class EnglishRoutesTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Every_English_URL_of_the_issue_answers_in_English_and_its_French_URL_still_in_French()
    {
        var (id, slug, artistSlug) = await EnglishPages.CreateWorkAsync(App);
        var pairs = new (string French, string English)[]
        {
            ("/", "/en"), ("/oeuvres", "/en/artworks"), ($"/oeuvres/{id}/{slug}", $"/en/artworks/{id}/{slug}"),
            ("/artistes", "/en/artists"), ($"/artistes/{artistSlug}", $"/en/artists/{artistSlug}"),
            ("/connexion", "/en/login"), ("/inscription", "/en/register"), ("/favoris", "/en/favourites"),
            ("/a-propos", "/en/about"), ("/comment-acheter", "/en/how-to-buy"), ("/mentions-legales", "/en/legal-notice"),
            ("/conditions-generales", "/en/terms"), ("/confidentialite", "/en/privacy"), ("/contact", "/en/contact"),
            ("/mot-de-passe-oublie", "/en/forgot-password"), ($"/oeuvres/{id}/commander", $"/en/artworks/{id}/order"),
            ($"/oeuvres/{id}/signaler", $"/en/artworks/{id}/report"), ($"/artistes/{artistSlug}/suivre", $"/en/artists/{artistSlug}/follow"),
        };
        using var client = NewClient();
        foreach (var (french, english) in pairs)
        {
            var fr = await client.GetPageAsync(french);
            var en = await client.GetPageAsync(english);
            Assert.Multiple(() =>
            {
                Assert.That(fr.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"), french);
                Assert.That(en.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"), english);
                Assert.That(LocalizedPaths.For(french, "en"), Is.EqualTo(english), "the path function agrees with the routes");
                Assert.That(LocalizedPaths.For(english, "fr"), Is.EqualTo(french), "and back");
            });
        }
    }

    [Test]
    public async Task Staff_pages_and_unknown_English_paths_have_no_English_route()
    {
        using var client = NewClient();
        using var admin = await client.Http.GetAsync("/en/admin");
        using var unknown = await client.Http.GetAsync("/en/oeuvres");
        Assert.Multiple(() =>
        {
            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "French words under /en are not English URLs");
        });
    }

    [Test]
    public void Route_values_are_never_translated_only_path_words_by_their_place_in_the_route()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LocalizedPaths.For("/artistes/contact", "en"), Is.EqualTo("/en/artists/contact"), "an artist slugged contact");
            Assert.That(LocalizedPaths.For("/artistes/oeuvres/suivre", "en"), Is.EqualTo("/en/artists/oeuvres/follow"));
            Assert.That(LocalizedPaths.For("/oeuvres/12/commander", "en"), Is.EqualTo("/en/artworks/12/order"));
            Assert.That(LocalizedPaths.For("/oeuvres/12/signaler-x", "en"), Is.EqualTo("/en/artworks/12/signaler-x"), "a work's slug");
            Assert.That(LocalizedPaths.For("/oeuvres?q=oeuvres&categorie=peinture#x", "en"), Is.EqualTo("/en/artworks?q=oeuvres&categorie=peinture#x"));
            Assert.That(LocalizedPaths.For("/", "en"), Is.EqualTo("/en"));
            Assert.That(LocalizedPaths.For("/en", "fr"), Is.EqualTo("/"));
            Assert.That(LocalizedPaths.For("/en/artworks/12/order", "en"), Is.EqualTo("/en/artworks/12/order"), "already English");
            Assert.That(LocalizedPaths.For("/media/abc/640.webp", "en"), Is.EqualTo("/media/abc/640.webp"));
            Assert.That(LocalizedPaths.For("/admin/oeuvres", "en"), Is.EqualTo("/admin/oeuvres"));
            Assert.That(LocalizedPaths.For("https://wa.me/237", "en"), Is.EqualTo("https://wa.me/237"));
            Assert.That(LocalizedPaths.For("//evil.example/oeuvres", "en"), Is.EqualTo("//evil.example/oeuvres"));
            Assert.That(LocalizedPaths.For("/abonnement/confirmer/abc", "en"), Is.EqualTo("/en/subscription/confirm/abc"));
            Assert.That(LocalizedPaths.For("/atelier/oeuvres/5/modifier", "en"), Is.EqualTo("/en/studio/artworks/5/edit"));
            Assert.That(LocalizedPaths.For("/oeuvres/5/favori", "en"), Is.EqualTo("/en/artworks/5/favourite"));
        });
    }

    [Test]
    public void Translating_a_route_template_registers_nothing_registering_it_is_said_apart()
    {
        var word = "essai-" + Guid.NewGuid().ToString("N")[..8];
        var template = $"/{word}/{{id:long}}/signaler";
        Assert.Multiple(() =>
        {
            Assert.That(LocalizedPaths.EnglishTemplate(template), Is.EqualTo($"en/{word}/{{id:long}}/report"));
            Assert.That(LocalizedPaths.For($"/{word}/12/signaler", "en"), Is.EqualTo($"/{word}/12/signaler"), "a path of no registered route is left as it is");
        });
        LocalizedPaths.RegisterRoute(template);
        Assert.Multiple(() =>
        {
            Assert.That(LocalizedPaths.For($"/{word}/12/signaler", "en"), Is.EqualTo($"/en/{word}/12/report"));
            Assert.That(LocalizedPaths.For($"/en/{word}/12/report", "fr"), Is.EqualTo($"/{word}/12/signaler"));
        });
    }
}

/// <summary>A work on the site, its slug and its artist's slug, for pages in both languages.</summary>
public static class EnglishPages
{
    public static async Task<(long Id, string Slug, string ArtistSlug)> CreateWorkAsync(PosaXApp app)
    {
        var (artist, email) = await Accounts.NewArtistAsync(app, "Langues Deux");
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(app, email, "Masque " + Guid.NewGuid().ToString("N")[..6], 150_000, category: "peinture");
        return await app.WithDbAsync(async db => (id,
            await db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(),
            await db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync()));
    }
}
