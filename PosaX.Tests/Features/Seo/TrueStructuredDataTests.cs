using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Seo;

/// <summary>Structured data that is true: every URL it names answers, a reserved work is not "in stock", account pages are told apart.</summary>
public class TrueStructuredDataTests(DatabaseProvider provider) : AppTest(provider)
{
    private async Task<(string Path, JsonElement Work)> WorkAsync(ArtworkStatus status, int imageWidth = 800, int imageHeight = 600)
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Données " + Guid.NewGuid().ToString("N")[..6]);
        client.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Vraie " + Guid.NewGuid().ToString("N")[..6], status: status, images: 2,
            imageWidth: imageWidth, imageHeight: imageHeight);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        using var visitor = NewClient();
        var page = await visitor.GetPageAsync($"/oeuvres/{id}/{slug}");
        return ($"/oeuvres/{id}/{slug}", Graph(page).First(n => n.GetProperty("@type").ValueKind == JsonValueKind.Array));
    }

    [TestCase(800, 600)]
    [TestCase(500, 700)]
    public async Task Every_url_in_a_work_pages_json_ld_answers_200(int width, int height)
    {
        var (path, _) = await WorkAsync(ArtworkStatus.Available, width, height);
        using var client = NewClient();
        var page = await client.GetPageAsync(path);
        var urls = Graph(page).SelectMany(Urls).Where(u => u.StartsWith(PosaXApp.BaseUrl, StringComparison.Ordinal)).Distinct().ToList();
        Assert.That(urls, Has.Some.Contains("/media/"), "the photos are named");
        foreach (var url in urls)
        {
            using var response = await client.Http.GetAsync(new Uri(url).PathAndQuery);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        }
    }

    [Test]
    public async Task A_reserved_work_is_offered_as_reserved_not_in_stock()
    {
        var (_, work) = await WorkAsync(ArtworkStatus.Reserved);
        Assert.That(work.GetProperty("offers").GetProperty("availability").GetString(), Is.EqualTo("https://schema.org/Reserved"));
    }

    [Test]
    public async Task Connexion_and_inscription_have_distinct_headings_titles_and_descriptions()
    {
        using var client = NewClient();
        var login = await client.GetPageAsync("/connexion");
        var register = await client.GetPageAsync("/inscription");
        Assert.Multiple(() =>
        {
            Assert.That(login.QuerySelector("h1")!.TextContent, Is.Not.EqualTo(register.QuerySelector("h1")!.TextContent));
            Assert.That(login.Title, Is.Not.EqualTo(register.Title));
            Assert.That(Description(login), Is.Not.EqualTo(Description(register)));
            Assert.That(Description(login)!.Length, Is.InRange(50, 160));
            Assert.That(Description(register)!.Length, Is.InRange(50, 160));
        });
    }

    private static string? Description(IHtmlDocument page) => page.QuerySelector("meta[name=description]")?.GetAttribute("content");

    private static List<JsonElement> Graph(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .SelectMany(root => root.TryGetProperty("@graph", out var graph) ? graph.EnumerateArray().ToList() : [root]).ToList();

    private static IEnumerable<string> Urls(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Urls(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Urls),
        JsonValueKind.String when element.GetString()!.StartsWith("http", StringComparison.Ordinal) => [element.GetString()!],
        _ => [],
    };
}
