using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;
using static PosaX.Tests.Features.Orders.OrderRequests;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// Anonymous public pages come from the output cache; every change made through the site evicts
/// what shows it, at once. A change written behind the app's back (straight to the database)
/// proves a page really came from the cache.
/// </summary>
public class OutputCacheTests(DatabaseProvider provider) : AppTest(provider)
{
    private static Dictionary<string, string> WorkFields(string title) => new()
    {
        ["title"] = title, ["price"] = "150000", ["category"] = "peinture", ["heightCm"] = "60", ["widthCm"] = "80",
        ["depthCm"] = "", ["year"] = "2024", ["status"] = "disponible", ["description"] = "", ["medium"] = "",
    };

    private async Task<(AppClient Artist, string Email, string Slug, long Id, string Url)> ArtistWithWorkAsync(string title)
    {
        var (artist, email) = await Accounts.NewArtistAsync(App, "Cache " + Word());
        var id = await SeedArtworks.CreateAsync(App, email, title);
        var (slug, artistSlug) = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id)
            .Select(a => new ValueTuple<string, string>(a.Slug, a.Artist.Slug)).SingleAsync());
        return (artist, email, artistSlug, id, $"/oeuvres/{id}/{slug}");
    }

    private Task RenameBehindTheAppsBackAsync(long id, string title) =>
        App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title)));

    private static async Task<string> TitleAsync(AppClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("h1")!.TextContent.Trim();

    [Test]
    public async Task A_work_page_comes_from_the_cache_until_the_atelier_changes_it_then_shows_the_change_at_once()
    {
        var word = Word();
        var (artist, _, _, id, url) = await ArtistWithWorkAsync($"Avant {word}");
        using var _ = artist;
        using var visitor = NewClient();
        Assert.That(await TitleAsync(visitor, url), Is.EqualTo($"Avant {word}"));

        await RenameBehindTheAppsBackAsync(id, $"Dans le dos {word}");
        Assert.That(await TitleAsync(visitor, url), Is.EqualTo($"Avant {word}"), "served from the cache");
        using (var other = NewClient())
            Assert.That(await TitleAsync(other, url), Is.EqualTo($"Avant {word}"), "the same entry for every anonymous visitor");

        var reply = await artist.SubmitAsync($"/atelier/oeuvres/{id}/modifier", "artwork-form", WorkFields($"Après {word}"));
        Assert.That(reply.Success, Is.True, reply.Message);
        // The slug follows the title: the old URL answers 301 to the new one, which shows the change.
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        Assert.That(await TitleAsync(visitor, $"/oeuvres/{id}/{slug}"), Is.EqualTo($"Après {word}"));
        using var moved = await visitor.Http.GetAsync(url);
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
    }

    [Test]
    public async Task The_catalogue_comes_from_the_cache_per_query_and_a_new_work_shows_at_once()
    {
        var word = Word();
        var (artist, _, _, id, _) = await ArtistWithWorkAsync($"Liste {word}");
        using var _ = artist;
        using var visitor = NewClient();
        async Task<string[]> TitlesAsync(string query) =>
            (await visitor.GetPageAsync("/oeuvres?q=" + query)).QuerySelectorAll(".artwork-card__title")
            .Select(h => h.TextContent.Trim()).ToArray();
        Assert.That(await TitlesAsync(word), Has.Some.EqualTo($"Liste {word}"));

        await RenameBehindTheAppsBackAsync(id, $"Liste changée {word}");
        Assert.That(await TitlesAsync(word), Has.Some.EqualTo($"Liste {word}"), "served from the cache");
        Assert.That(await TitlesAsync(word + "&tri=prix-asc"), Has.Some.EqualTo($"Liste changée {word}"), "another query, another entry");

        var reply = await artist.SubmitAsync("/atelier/oeuvres/nouvelle", "artwork-form", WorkFields($"Nouvelle {word}"),
            new Upload("images", "oeuvre.jpg", PosaX.Tests.Infrastructure.Images.ImageFixtures.Jpeg(900, 700, 3), "image/jpeg"));
        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(await TitlesAsync(word), Has.Some.EqualTo($"Nouvelle {word}").And.Some.EqualTo($"Liste changée {word}"));
    }

    [Test]
    public async Task A_signed_in_request_is_never_cached_and_never_served_to_a_visitor()
    {
        var word = Word();
        var (artist, _, _, id, url) = await ArtistWithWorkAsync($"Connecté {word}");
        using var _ = artist;

        // The artist's page first: were it stored, the visitor would get the account links.
        var signedIn = await artist.GetPageAsync(url);
        Assert.That(signedIn.QuerySelector("a[href='/atelier/oeuvres']"), Is.Not.Null);
        using var visitor = NewClient();
        var anonymous = await visitor.GetPageAsync(url);
        Assert.That(anonymous.QuerySelector("a[href='/atelier/oeuvres']"), Is.Null);
        Assert.That(anonymous.QuerySelector("a[href='/connexion']"), Is.Not.Null);
        Assert.That(anonymous.GetElementById("logout-form"), Is.Null);

        await RenameBehindTheAppsBackAsync(id, $"Vu tout de suite {word}");
        Assert.That(await TitleAsync(artist, url), Is.EqualTo($"Vu tout de suite {word}"), "signed in: never from the cache");
        Assert.That(await TitleAsync(visitor, url), Is.EqualTo($"Connecté {word}"));
    }

    [Test]
    public async Task Editing_the_profile_name_evicts_the_artist_page_and_the_pages_of_their_works()
    {
        var word = Word();
        var (artist, _, artistSlug, _, url) = await ArtistWithWorkAsync($"Profil {word}");
        using var _ = artist;
        using var visitor = NewClient();
        var before = await visitor.GetPageAsync("/artistes/" + artistSlug);
        await visitor.GetPageAsync(url);
        await visitor.GetPageAsync("/artistes");

        var name = $"Nouveau Nom {word}";
        var reply = await artist.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = name, ["bio"] = "", ["whatsapp"] = "677 12 34 56", ["facebook"] = "", ["instagram"] = "",
        });
        Assert.That(reply.Success, Is.True, reply.Message);

        Assert.That((await visitor.GetPageAsync("/artistes/" + artistSlug)).QuerySelector("h1")!.TextContent, Does.Contain(name));
        Assert.That((await visitor.GetPageAsync(url)).QuerySelector(".work-artist-line")!.TextContent.Trim(), Is.EqualTo(name));
        Assert.That((await visitor.GetPageAsync("/artistes")).Body!.TextContent, Does.Contain(name));
        Assert.That(before.QuerySelector("h1")!.TextContent, Does.Not.Contain(name));
    }

    [Test]
    public async Task Deleting_a_work_makes_its_page_404_at_once_and_takes_it_off_the_catalogue()
    {
        var word = Word();
        var (artist, _, _, id, url) = await ArtistWithWorkAsync($"Supprimée {word}");
        using var _ = artist;
        using var visitor = NewClient();
        await visitor.GetPageAsync(url);
        Assert.That((await visitor.GetPageAsync("/oeuvres?q=" + word)).Body!.TextContent, Does.Contain($"Supprimée {word}"));

        var form = AppClient.Form(await artist.GetPageAsync($"/atelier/oeuvres/{id}/modifier"), "artwork-delete-form");
        var deleted = await artist.PostAjaxAsync(form, new Dictionary<string, string>());
        Assert.That(deleted.Success, Is.True, deleted.Message);

        await visitor.GetPageAsync(url, HttpStatusCode.NotFound);
        Assert.That((await visitor.GetPageAsync("/oeuvres?q=" + word)).Body!.TextContent, Does.Not.Contain($"Supprimée {word}"));
    }

    [Test]
    public async Task A_work_marked_reserved_from_an_order_shows_it_at_once()
    {
        var word = Word();
        var (artist, _, _, id, url) = await ArtistWithWorkAsync($"Réservable {word}");
        using var _ = artist;
        using var visitor = NewClient();
        Assert.That((await visitor.GetPageAsync(url)).GetElementById("order-form"), Is.Not.Null);
        var orderId = await PlaceNewAsync(App, id);

        var atelier = await artist.GetPageAsync("/atelier/commandes");
        var reply = await artist.PostAjaxAsync(AppClient.Form(atelier, $"order-status-{orderId}"), new Dictionary<string, string> { ["status"] = "reservee" });
        Assert.That(reply.Success, Is.True, reply.Message);

        var page = await visitor.GetPageAsync(url);
        Assert.That(page.GetElementById("order-form"), Is.Null);
        Assert.That(page.QuerySelector(".badge--reserved"), Is.Not.Null);
    }

    [Test]
    public async Task The_cached_work_page_carries_no_token_and_a_visitor_orders_from_a_page_first_rendered_for_another()
    {
        var word = Word();
        var (artist, _, _, id, url) = await ArtistWithWorkAsync($"Jeton {word}");
        artist.Dispose();
        using var visitorA = NewClient();
        var pageA = await visitorA.GetPageAsync(url);
        Assert.That(pageA.QuerySelector("#order-form input[name=__RequestVerificationToken]"), Is.Null);
        Assert.That(AppClient.Form(pageA, "order-form").GetAttribute("data-token-url"), Is.EqualTo("/antiforgery/token"));
        using var first = await visitorA.Http.GetAsync(url);
        Assert.That(first.Headers.Contains("Set-Cookie"), Is.False, "a cached page sets no cookie");

        using var visitorB = NewClient();
        var pageB = await visitorB.GetPageAsync(url);
        Assert.That(pageB.DocumentElement.OuterHtml, Is.EqualTo(pageA.DocumentElement.OuterHtml), "the same cached page");
        var reply = await visitorB.PostAjaxAsync(AppClient.Form(pageB, "order-form"), Fields());
        Assert.That(reply.Success, Is.True, reply.Message);
        Assert.That(reply.RedirectUrl, Does.StartWith("/commandes/"));

        using var token = await visitorB.Http.GetAsync("/antiforgery/token");
        Assert.That(token.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task Without_JavaScript_the_noscript_link_leads_to_an_uncached_order_form_with_a_token_that_posts()
    {
        var word = Word();
        var (artist, _, _, id, url) = await ArtistWithWorkAsync($"Sans script {word}");
        artist.Dispose();
        using var buyer = NewClient();
        var work = await buyer.GetPageAsync(url);
        var noscript = work.QuerySelector("main noscript")!;
        Assert.That(AppClient.Form(work, "order-form").ClassList, Does.Contain("needs-script"));
        Assert.That(work.QuerySelector("head noscript link[rel=stylesheet]")?.GetAttribute("href"), Does.StartWith("/css/noscript.").And.EndsWith(".css"));
        // A noscript's content is text to a parser that runs scripts: read it as HTML.
        var link = (await new HtmlParser().ParseDocumentAsync(noscript.InnerHtml)).QuerySelector("a")!.GetAttribute("href");
        Assert.That(link, Is.EqualTo($"/oeuvres/{id}/commander"));

        var page = await buyer.GetPageAsync(link!);
        var form = AppClient.Form(page, "order-form");
        Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null);
        using var response = await buyer.PostPlainAsync(form, Fields());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.StartWith("/commandes/"));
    }

    [Test]
    public async Task Cached_responses_keep_the_security_headers_and_are_compressed_when_asked()
    {
        var (artist, _, _, _, url) = await ArtistWithWorkAsync($"Entêtes {Word()}");
        artist.Dispose();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false })
        {
            BaseAddress = App.ServerAddress,
        };
        string? plain = null;
        foreach (var path in new[] { url, url, "/", "/", "/sitemap.xml", "/sitemap.xml" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var response = await http.SendAsync(request);
            await using var brotli = new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
            var body = await new StreamReader(brotli).ReadToEndAsync();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(response.Content.Headers.ContentEncoding.ToArray(), Is.EqualTo(new[] { "br" }), path);
                Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'self'"), path);
                Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), path);
                Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"), path);
                Assert.That(response.Headers.Contains("Set-Cookie"), Is.False, path);
            });
            if (path == url) plain ??= body;
        }
        // The cached entry is the plain page; each response is compressed on the way out.
        using var uncompressed = await http.GetAsync(url);
        Assert.That(uncompressed.Content.Headers.ContentEncoding.ToArray(), Is.Empty);
        Assert.That(await uncompressed.Content.ReadAsStringAsync(), Is.EqualTo(plain));
    }
}
