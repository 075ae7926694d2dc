using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>What every page relies on: health, migrations, headers.</summary>
public class PlatformTests(DatabaseProvider provider) : AppTest(provider)
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_answer_200(string url)
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task The_migration_set_of_this_provider_matches_the_model()
    {
        var pending = await App.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.That(pending, Is.False, $"Data/Migrations/{Provider} lags the model: run scripts/add-migration.sh");
        var unapplied = await App.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.That(unapplied, Is.Empty, "migrations are applied at start");
    }

    [TestCase("/")]
    [TestCase("/connexion")]
    [TestCase("/page-qui-n-existe-pas")]
    [TestCase("/health/live")]
    [TestCase("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("script-src 'self'"));
            Assert.That(csp, Does.Not.Contain("unsafe-inline"));
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("strict-origin-when-cross-origin"));
        });
    }

    [Test]
    public async Task Static_assets_are_served_compressed_and_fingerprinted_for_browsers()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = App.ServerAddress };
        var page = await NewClient().GetPageAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.That(css, Does.Match(@"^/css/site\.\w+\.css$"), "fingerprinted");

        using var request = new HttpRequestMessage(HttpMethod.Get, css);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentEncoding, Is.Not.Empty);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        Assert.That(response.Content.Headers.ContentLength, Is.GreaterThan(500));
        // The year-long immutable cache comes with the published manifest (dotnet publish); a build
        // output serves no-cache so edited files show at once. Checked on the published app by bench/.
    }

    [TestCase("br")]
    [TestCase("gzip")]
    public async Task Pages_are_compressed_for_slow_connections(string encoding)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = App.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connexion");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        using var response = await http.SendAsync(request);
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
    }

    [Test]
    public async Task An_unknown_page_gets_a_French_404_page()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/page-qui-n-existe-pas", HttpStatusCode.NotFound);
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Page introuvable"));
        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"));
    }

    [Test]
    public async Task French_text_is_readable_in_the_html_source()
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("œuvres"));
        // Letters stay letters; only HTML's own specials (quotes, &, <, >) may be escaped, and the
        // no-break space of prices ("150 000 FCFA") and "+": the encoder escapes any whitespace but U+0020.
        // U+202F is the narrow no-break space that groups the digits of prices (French typography): whitespace too.
        Assert.That(html, Does.Not.Match("&#x(?!27;|22;|26;|3C;|3E;|A0;|202F;|2B;)[0-9A-F]+;"));
    }

    // Keys that survive restarts (sessions, antiforgery tokens, mailed links): Faults/ThreeRestartsTests.
}
