using System.Net;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Languages;

/// <summary>A first visit may follow Accept-Language once, by a redirect; a URL always shows one language.</summary>
public class FirstVisitLanguageTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string Browser = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    private static HttpRequestMessage Get(string url, string? acceptLanguage, string accept = "text/html,application/xhtml+xml,*/*;q=0.8", string agent = Browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", agent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return request;
    }

    [Test]
    public async Task An_English_speaker_is_sent_once_to_the_English_page_and_remembered()
    {
        using var client = NewClient();
        using var first = await client.Http.SendAsync(Get("/oeuvres?q=masque", "en-GB,en;q=0.9,fr;q=0.5"));
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(first.Headers.Location!.OriginalString, Is.EqualTo("/en/artworks?q=masque"));
            Assert.That(first.Headers.CacheControl?.NoStore, Is.True, "the redirect is never stored");
            Assert.That(first.Headers.Vary, Does.Contain("Accept-Language"));
            Assert.That(client.SetCookieHeaders, Has.Some.StartsWith("lang=en"));
        });
        // Remembered: the French page asked for again (the switch back, a French link) is French.
        using var again = await client.Http.SendAsync(Get("/oeuvres?q=masque", "en-GB,en;q=0.9"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_English_speaker_who_chose_French_is_never_redirected()
    {
        using var client = NewClient();
        using var request = Get("/", "en-US,en;q=0.9");
        request.Headers.TryAddWithoutValidation("Cookie", "lang=fr"); // set by the switch (language-switch.js)
        using var response = await client.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task French_speakers_robots_posts_non_HTML_staff_and_media_requests_are_never_redirected()
    {
        using var client = NewClient();
        var cases = new (string Name, HttpRequestMessage Request)[]
        {
            ("French first", Get("/", "fr-CM,fr;q=0.9,en;q=0.8")),
            ("no Accept-Language (crawlers)", Get("/", null)),
            ("a robot", Get("/", "en", agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")),
            ("JSON", Get("/antiforgery/token", "en", accept: "application/json")),
            ("a sitemap", Get("/sitemap.xml", "en", accept: "application/xml")),
            ("staff", Get("/admin", "en")),
            ("media", Get("/media/a/none/640.webp", "en")),
            ("already English", Get("/en/artworks", "en")),
        };
        foreach (var (name, request) in cases)
        {
            using var _ = request;
            using var response = await client.Http.SendAsync(request);
            Assert.That(response.Headers.Location?.OriginalString ?? "", Does.Not.StartWith("/en"), name);
        }
        using var post = new HttpRequestMessage(HttpMethod.Post, "/contact");
        post.Headers.TryAddWithoutValidation("User-Agent", Browser);
        post.Headers.TryAddWithoutValidation("Accept-Language", "en");
        post.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var posted = await client.Http.SendAsync(post);
        Assert.That(posted.StatusCode, Is.Not.EqualTo(HttpStatusCode.Found), "a post");
        Assert.That(client.SetCookieHeaders, Has.None.StartsWith("lang="));
    }

    [Test]
    public async Task A_cached_French_page_does_not_skip_the_redirect()
    {
        using var visitor = NewClient();
        var french = await visitor.GetPageAsync("/artistes");
        Assert.That(french.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"));
        using var english = NewClient();
        using var response = await english.Http.SendAsync(Get("/artistes", "en"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/en/artists"));
    }
}
