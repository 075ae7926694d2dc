using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Features.Shared;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Tests.Features.Languages;

/// <summary>
/// Every text exists in both languages, and an English page shows no French of the site's own (what artists
/// wrote stays as written: the page marks it lang="fr"). Both need every feature's .en.resx.
/// </summary>
public class TranslationCompletenessTests(DatabaseProvider provider) : AppTest(provider)
{
    /// <summary>Every texts resource of the app: "PosaX.Web.Features.Catalogue.CatalogueTexts" and the like.</summary>
    private static IEnumerable<string> TextsResources() =>
        typeof(LocalizedPaths).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith("Texts.resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length]).Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Entries(string baseName, CultureInfo culture)
    {
        var manager = new ResourceManager(baseName, typeof(LocalizedPaths).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set?.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "") ?? [];
    }

    [Test]
    public void Every_key_of_every_texts_resource_exists_in_French_and_English_with_a_value()
    {
        Assert.That(TextsResources().ToList(), Is.Not.Empty);
        var problems = new List<string>();
        foreach (var baseName in TextsResources())
        {
            var french = Entries(baseName, CultureInfo.InvariantCulture);
            var english = Entries(baseName, CultureInfo.GetCultureInfo("en"));
            var name = baseName[(baseName.LastIndexOf('.') + 1)..];
            problems.AddRange(french.Keys.Except(english.Keys).Select(k => $"{name}: '{k}' has no English"));
            problems.AddRange(english.Keys.Except(french.Keys).Select(k => $"{name}: '{k}' has no French"));
            problems.AddRange(french.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{name}: '{e.Key}' is empty in French"));
            problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{name}: '{e.Key}' is empty in English"));
        }
        Assert.That(problems, Is.Empty);
    }

    /// <summary>Words and marks of French UI text that English UI text never has.</summary>
    private static readonly Regex FrenchUi = new(
        @"œuvre|Œuvre|\bRechercher\b|\bConnexion\b|\bArtistes\b|\bAccueil\b|\bInscription\b|\bFavoris\b|\bPrix\b|\bVoir\b|\bRetour\b|\bSuivre\b|" +
        @"\bCommander\b|\bEnvoyer\b|\bMot de passe\b|\bMentions légales\b|\bConfidentialité\b|\bDisponible\b|\bVendue?\b|\bRéservée?\b|" +
        @"\bTrier\b|\bCatégorie\b|\bTaille\b|\bartiste\b|\bœuvres\b| [:;!?]|\bà\b|\bé|\bdes\b|\bles\b|\bvotre\b|\bvos\b|\bpour\b|\bavec\b",
        RegexOptions.CultureInvariant);

    [Test]
    public async Task English_pages_of_every_public_type_show_no_French_UI_word()
    {
        var (id, slug, artistSlug) = await EnglishPages.CreateWorkAsync(App);
        // What people wrote (titles, names, categories, descriptions) is content, not the UI: left out. Every work and
        // artist of the app, since other tests' works share its pages (a work titled "Œuvre rangée…", an artist "Accueil…").
        var content = await App.WithDbAsync(async db => (await db.Categories.Select(c => c.Name).ToListAsync())
            .Concat(await db.Artworks.Select(a => a.Title).ToListAsync())
            .Concat(await db.Users.Select(u => u.DisplayName).ToListAsync())
            .Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length).ToList());
        string[] pages =
        [
            "/en", "/en/artworks", "/en/artworks?q=zzzunknown", $"/en/artworks/{id}/{slug}", "/en/artists", $"/en/artists/{artistSlug}",
            .. PublicPageTypes.InfoPages.Select(p => LocalizedPaths.For(p, "en")), "/en/contact", "/en/login", "/en/register",
            "/en/favourites", "/en/forgot-password", $"/en/artworks/{id}/order", $"/en/artworks/{id}/report", "/en/artworks/999999999/x",
        ];
        using var client = NewClient();
        var found = new List<string>();
        foreach (var url in pages)
        {
            var page = await client.GetPageAsync(url, url.EndsWith("/x", StringComparison.Ordinal) ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK);
            foreach (var marked in page.QuerySelectorAll("[lang=fr], script, style, template").ToList()) marked.Remove();
            var texts = new List<string> { page.Title ?? "", page.Body!.TextContent };
            texts.AddRange(page.QuerySelectorAll("[aria-label], [placeholder], [alt], [title], meta[name=description], [data-text-network-error]")
                .SelectMany(e => e.Attributes.Where(a => a.Name is "aria-label" or "placeholder" or "alt" or "title" or "content" || a.Name.StartsWith("data-text-", StringComparison.Ordinal)))
                .Select(a => a.Value));
            foreach (var text in texts)
            {
                var ui = content.Aggregate(text, (t, c) => t.Replace(c, " ", StringComparison.Ordinal));
                foreach (Match m in FrenchUi.Matches(ui))
                    found.Add($"{url}: «{ui.Substring(Math.Max(0, m.Index - 25), Math.Min(ui.Length - Math.Max(0, m.Index - 25), 50 + m.Length)).ReplaceLineEndings(" ").Trim()}»");
            }
        }
        Assert.That(found.Distinct().ToList(), Is.Empty, "French UI text on English pages");
    }
}
