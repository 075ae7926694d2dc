using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// The security headers on every kind of response the site gives: HTML, JSON, error pages, missing
/// static and media files, media, static files, redirects, 405, 413, 429, plain text and XML.
/// The test app runs in "Testing" (not Development), behind what it takes for a TLS-terminating
/// proxy: requests come from loopback (a trusted proxy by default) with X-Forwarded-Proto: https
/// and the public host name, exactly as production sees them; HSTS must be there. Over plain
/// http it must not (RFC 6797 §7.2: a host sends it over secure transport only).
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(SqliteOnly))]
public class SecurityHeaderTests(DatabaseProvider provider) : AbuseTest(provider)
{
    private sealed record Probe(string Kind, HttpMethod Method, string Path, HttpStatusCode Expected, Func<HttpContent>? Body = null,
        bool Ajax = false, bool WithToken = false);

    private static HttpClient ProxyClient(PosaXApp app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.ServerAddress };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Probe probe, bool https, string? token = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(probe.Method, probe.Path) { Content = probe.Body?.Invoke() };
        if (https)
        {
            request.Headers.Host = "posax.test";
            request.Headers.Add("X-Forwarded-Proto", "https");
        }
        request.Headers.Accept.ParseAdd(probe.Ajax ? "application/json" : "text/html");
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        // A body the server refuses by its declared length: wait for its go-ahead instead of
        // writing 31 MB into a closed connection.
        if (probe.Body is not null) request.Headers.ExpectContinue = true;
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>Every header the contract asks for, or what is wrong with them.</summary>
    private static IEnumerable<string> Problems(HttpResponseMessage response, bool https)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;

        var csp = Header("Content-Security-Policy");
        if (csp is null)
        {
            yield return "no Content-Security-Policy";
        }
        else
        {
            var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
            if (!directives.ContainsKey("default-src")) yield return "CSP without default-src";
            if (!directives.TryGetValue("script-src", out var script)) yield return "CSP without script-src";
            else if (script.Contains("'unsafe-inline'") || script.Contains("'unsafe-eval'") || script.Contains('*') || script.Contains("data:"))
                yield return "script-src allows inline, eval or any origin: " + script;
            if (directives.GetValueOrDefault("frame-ancestors") != "'none'") yield return "frame-ancestors is not 'none'";
            if (directives.GetValueOrDefault("object-src") != "'none'") yield return "object-src is not 'none'";
            if (directives.TryGetValue("style-src", out var style) && style.Contains("'unsafe-inline'")) yield return "style-src allows inline";
            if (https != directives.ContainsKey("upgrade-insecure-requests")) yield return $"upgrade-insecure-requests {(https ? "missing" : "over http")}";
        }
        if (Header("X-Content-Type-Options") != "nosniff") yield return "X-Content-Type-Options is not nosniff";
        if (Header("Referrer-Policy") is not ("strict-origin-when-cross-origin" or "no-referrer" or "same-origin" or "strict-origin"))
            yield return "Referrer-Policy missing or leaky: " + Header("Referrer-Policy");
        var hsts = Header("Strict-Transport-Security");
        if (https && (hsts is null || !hsts.StartsWith("max-age=", StringComparison.Ordinal)
                      || int.Parse(hsts["max-age=".Length..].Split(';')[0]) < 31_536_000))
            yield return "HSTS missing or under a year over https: " + hsts;
        if (!https && hsts is not null) yield return "HSTS sent over plain http";
    }

    [Test]
    public async Task Every_kind_of_response_carries_a_strict_CSP_nosniff_a_referrer_policy_and_over_https_HSTS()
    {
        var (_, email) = await World.CreateArtistAsync();
        var (work, _) = await World.WorkAsync(email);
        var key = await App.WithDbAsync(db => db.ArtworkImages.Where(i => i.ArtworkId == work).Select(i => i.Key).FirstAsync());
        using var visitor = App.CreateBrowserClient();
        var loginToken = (await visitor.GetPageAsync("/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookie = string.Join("; ", visitor.Cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));

        var probes = new Probe[]
        {
            new("HTML page", HttpMethod.Get, "/", HttpStatusCode.OK),
            new("HTML page with a form", HttpMethod.Get, "/connexion", HttpStatusCode.OK),
            new("JSON refusal (no antiforgery token)", HttpMethod.Post, "/connexion", HttpStatusCode.BadRequest,
                () => new FormUrlEncodedContent([new("email", "a@b.cm")]), Ajax: true),
            new("JSON validation error", HttpMethod.Post, "/connexion", HttpStatusCode.BadRequest,
                () => new FormUrlEncodedContent([new("email", ""), new("password", "")]), Ajax: true, WithToken: true),
            new("JSON token endpoint", HttpMethod.Get, "/antiforgery/token", HttpStatusCode.OK, Ajax: true),
            new("404 page", HttpMethod.Get, "/cette-page-n-existe-pas", HttpStatusCode.NotFound),
            new("404 work", HttpMethod.Get, "/oeuvres/999999999/rien", HttpStatusCode.NotFound),
            new("404 static file", HttpMethod.Get, "/css/absent.css", HttpStatusCode.NotFound),
            new("404 media file", HttpMethod.Get, "/media/a/2020/00000000000000000000000000000000/320.webp", HttpStatusCode.NotFound),
            new("media file", HttpMethod.Get, $"/media/{key}/320.webp", HttpStatusCode.OK),
            new("media social preview", HttpMethod.Get, $"/media/{key}/og.jpg", HttpStatusCode.OK),
            new("static CSS", HttpMethod.Get, "/css/site.css", HttpStatusCode.OK),
            new("static JS", HttpMethod.Get, "/js/ajax-form.js", HttpStatusCode.OK),
            new("favicon", HttpMethod.Get, "/favicon.svg", HttpStatusCode.OK),
            new("redirect to login", HttpMethod.Get, "/profil", HttpStatusCode.Found),
            new("401 JSON (fetch without session)", HttpMethod.Post, "/profil", HttpStatusCode.Unauthorized,
                () => new FormUrlEncodedContent([new("name", "x")]), Ajax: true),
            new("405", HttpMethod.Post, "/sitemap.xml", HttpStatusCode.MethodNotAllowed, () => new StringContent("")),
            new("405 on the token endpoint", HttpMethod.Delete, "/antiforgery/token", HttpStatusCode.MethodNotAllowed),
            new("413 (body over Kestrel's 30 MB)", HttpMethod.Post, "/connexion", HttpStatusCode.RequestEntityTooLarge,
                () => new ByteArrayContent(Encoding.ASCII.GetBytes("email=" + new string('a', 31 * 1024 * 1024)))
                    { Headers = { ContentType = new("application/x-www-form-urlencoded") } }, Ajax: true, WithToken: true),
            new("XML sitemap", HttpMethod.Get, "/sitemap.xml", HttpStatusCode.OK),
            new("robots.txt", HttpMethod.Get, "/robots.txt", HttpStatusCode.OK),
            new("health probe", HttpMethod.Get, "/health/live", HttpStatusCode.OK),
            new("HEAD", HttpMethod.Head, "/oeuvres", HttpStatusCode.OK),
            new("400 page (a NUL in the query)", HttpMethod.Get, "/oeuvres?categorie=%00", HttpStatusCode.BadRequest),
            new("400 JSON (a NUL in the query, fetch)", HttpMethod.Get, "/oeuvres?q=%00", HttpStatusCode.BadRequest, Ajax: true),
        };

        using var http = ProxyClient(App);
        var problems = new List<string>();
        foreach (var https in new[] { true, false })
            foreach (var probe in probes)
            {
                using var response = probe.WithToken
                    ? await SendAsync(http, probe, https, loginToken, cookie)
                    : await SendAsync(http, probe, https);
                var label = $"{probe.Kind} ({probe.Method} {probe.Path[..Math.Min(probe.Path.Length, 60)]}, {(https ? "https via proxy" : "http")})";
                if (response.StatusCode != probe.Expected) problems.Add($"{label}: status {(int)response.StatusCode}, expected {(int)probe.Expected}");
                problems.AddRange(Problems(response, https).Select(p => $"{label}: {p}"));
            }
        Progress($"Security headers checked on {probes.Length} kinds of response, over https (via the proxy) and http.");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task A_429_from_the_rate_limiter_carries_them_too()
    {
        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimits:AuthPerIpPerMinute"] = "1" });
        using var http = ProxyClient(app);
        var probe = new Probe("429", HttpMethod.Post, "/connexion", HttpStatusCode.TooManyRequests,
            () => new FormUrlEncodedContent([new("email", "a@b.cm")]), Ajax: true);
        using (await SendAsync(http, probe, https: true)) { }
        using var limited = await SendAsync(http, probe, https: true);
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Problems(limited, https: true), Is.Empty);
    }
}
