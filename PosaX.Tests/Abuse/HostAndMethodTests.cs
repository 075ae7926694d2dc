using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Issue 12, findings 4, 5 and 6: what the client writes in the request line and the Host header.
/// A malformed Host is a 400 before any page runs (never a 500), a foreign one is refused, no
/// redirect is built from it; a method a page does not handle is a 405 naming the ones it does.
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(SqliteOnly))]
public class HostAndMethodTests(DatabaseProvider provider) : AbuseTest(provider)
{
    /// <summary>The request written byte for byte, as curl would: HttpClient refuses to send a malformed Host.</summary>
    private async Task<(int Status, string Head)> RawAsync(string method, string path, string? host)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, App.ServerAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"{method} {path} HTTP/1.1\r\n" + (host is null ? "" : $"Host: {host}\r\n") + "Accept: text/html\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var head = new StringBuilder();
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync()) head.AppendLine(line);
        var text = head.ToString();
        return (int.Parse(text.Split(' ')[1]), text);
    }

    private async Task<string[]> PublicPathsAsync()
    {
        using var artist = World.NewClient();
        var (_, email) = await World.CreateArtistAsync("Host Malformé");
        var (id, _) = await World.WorkAsync(email);
        var (slug, artistSlug) = await App.WithDbAsync(async db => (
            await db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(),
            await db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync()));
        return ["/", "/oeuvres", "/artistes", $"/oeuvres/{id}/{slug}", $"/artistes/{artistSlug}", "/connexion", "/profil"];
    }

    [Test]
    public async Task A_malformed_or_foreign_Host_gets_400_on_every_page_never_a_500()
    {
        var paths = await PublicPathsAsync();
        string?[] hosts = ["x:99999", "127.0.0.1:99999", "localhost:0", "evil..example", "evil.example'", "", "evil.example", "[::1", "127.0.0.1:80:80"];
        var wrong = new List<string>();
        foreach (var path in paths)
        foreach (var host in hosts)
        {
            var (status, head) = await RawAsync("GET", path, host);
            if (status != 400) wrong.Add($"Host \"{host}\" GET {path}: {head.Split('\n')[0].Trim()}");
        }
        Assert.That(wrong, Is.Empty);
        // The site's own name and loopback still work.
        Assert.That((await RawAsync("GET", "/oeuvres", "posax.test")).Status, Is.EqualTo(200));
        Assert.That((await RawAsync("GET", "/health/live", "127.0.0.1")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_login_redirect_is_relative_whatever_the_Host()
    {
        foreach (var host in new[] { "posax.test", $"127.0.0.1:{App.ServerAddress.Port}", "localhost" })
        {
            var (status, head) = await RawAsync("GET", "/profil", host);
            Assert.That(status, Is.EqualTo(302), host);
            var location = head.Split('\n').Single(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase))["Location:".Length..].Trim();
            Assert.That(location, Does.StartWith("/connexion?ReturnUrl="), $"Host {host}");
        }
        Assert.That((await RawAsync("GET", "/profil", "evil.example")).Status, Is.EqualTo(400));
    }

    /// <summary>Every page's route, filled with a real work and artist.</summary>
    private async Task<List<(string Path, string[] Handled)>> PagesAsync()
    {
        var paths = await PublicPathsAsync();
        var work = paths[3].Split('/');
        var artistSlug = paths[4].Split('/')[2];
        var loader = App.Services.GetRequiredService<PageLoader>();
        var pages = new List<(string, string[])>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                // A parameter held to a list of words (the info pages' slugs) takes the first one.
                var listed = System.Text.RegularExpressions.Regex.Match(route, "\\{" + parameter.Name + ":regex\\(\\^\\(([^|)]+)");
                var value = listed.Success ? listed.Groups[1].Value : parameter.Name switch
                {
                    "id" => work[2],
                    "slug" when route.StartsWith("/artistes") => artistSlug,
                    "slug" => work[3],
                    _ => "1",
                };
                route = System.Text.RegularExpressions.Regex.Replace(route, "\\{" + parameter.Name + "[^}]*\\}", value);
            }
            pages.Add((route.Replace("//", "/"), compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToArray()));
        }
        return pages.DistinctBy(p => p.Item1).ToList();
    }

    [Test]
    public async Task A_method_a_page_does_not_handle_gets_405_with_Allow_even_with_a_valid_token()
    {
        var pages = await PagesAsync();
        var admin = (await World.SignedInAdminAsync()).Client;
        var wrong = new List<string>();
        foreach (var (path, handled) in pages)
        foreach (var method in new[] { "POST", "PUT", "DELETE", "TRACE", "PATCH" })
        {
            if (handled.Contains(method)) continue;
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add("RequestVerificationToken", await AbuseWorld.TokenAsync(admin));
            if (method is not "TRACE") request.Content = new FormUrlEncodedContent([new("x", "1")]);
            var answer = await Answer.SendAsync(admin, request);
            var allow = answer.Response.Content.Headers.Allow.Concat(answer.Response.Headers.TryGetValues("Allow", out var a) ? a : []).ToList();
            if (answer.Status != HttpStatusCode.MethodNotAllowed || !allow.Any(v => v.Contains("GET")))
                wrong.Add($"{method} {path}: {answer.Code}, Allow \"{string.Join(",", allow)}\"");
            else if (handled.Contains("POST") && !allow.Any(v => v.Contains("POST")))
                wrong.Add($"{method} {path}: Allow lacks POST ({string.Join(",", allow)})");
        }
        Progress($"{pages.Count} pages, each sent the methods it does not handle");
        Assert.That(wrong, Is.Empty);
    }
}
