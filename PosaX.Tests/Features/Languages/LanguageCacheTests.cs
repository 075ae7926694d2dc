using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Languages;

/// <summary>The output cache keys on the path, so each language has its entry; eviction tags are language-free.</summary>
public class LanguageCacheTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task One_change_to_a_work_evicts_its_French_and_its_English_cached_pages()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var (artist, email) = await Accounts.NewArtistAsync(App, "Cache Langues");
        using var _ = artist;
        var title = "Zebu " + word;
        var id = await SeedArtworks.CreateAsync(App, email, title, description: "Avant " + word);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        string[] urls = [$"/oeuvres/{id}/{slug}", $"/en/artworks/{id}/{slug}"];
        using var visitor = NewClient();
        async Task<string> BodyAsync(string url) => (await visitor.GetPageAsync(url)).QuerySelector("main")!.TextContent;

        foreach (var url in urls) Assert.That(await BodyAsync(url), Does.Contain("Avant " + word), url);
        // Written behind the app's back: no eviction, so both pages still show the cached text.
        await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Description, "Dans le dos " + word)));
        foreach (var url in urls) Assert.That(await BodyAsync(url), Does.Contain("Avant " + word), url + " from the cache");

        var reply = await artist.SubmitAsync($"/atelier/oeuvres/{id}/modifier", "artwork-form", new Dictionary<string, string>
        {
            ["title"] = title, ["price"] = "150000", ["category"] = "peinture", ["heightCm"] = "60", ["widthCm"] = "80",
            ["depthCm"] = "", ["year"] = "2024", ["status"] = "disponible", ["description"] = "Après " + word, ["medium"] = "",
        });
        Assert.That(reply.Success, Is.True, reply.Message);
        foreach (var url in urls) Assert.That(await BodyAsync(url), Does.Contain("Après " + word), url + " evicted by the one change");
    }
}
