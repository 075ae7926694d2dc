using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Shared;

using Languages = PosaX.Web.Infrastructure.Text.Languages;

/// <summary>
/// French typography wherever the site writes text: a no-break space before ? ! ; : and inside « »,
/// typographic apostrophes, prices that never wrap ("150 000 FCFA": narrow no-break space between groups,
/// no-break space before FCFA). Checked on every text the texts classes hold or build, and on rendered pages.
/// </summary>
public static partial class FrenchTypography
{
    /// <summary>The rule each piece of text breaks, empty when it breaks none.</summary>
    public static IEnumerable<string> Violations(string text, bool apostrophes = true)
    {
        if (apostrophes && StraightApostrophe().IsMatch(text)) yield return "straight apostrophe (’)";
        if (BreakableBeforePunctuation().Match(text) is { Success: true } m) yield return $"breakable space before « {m.Value.Trim()} »";
        if (GluedPunctuation().Match(text) is { Success: true } g) yield return $"no space before « {g.Value[^1]} »";
        if (text.Contains("« ") || text.Contains(" »")) yield return "breakable space inside « »";
        foreach (Match price in Price().Matches(text))
            if (price.Value.Contains(' ') || Regex.IsMatch(price.Value, @"\d\u00A0\d"))
                yield return $"breakable space in the price « {price.Value} »";
    }

    [GeneratedRegex(@"\p{L}'\p{L}")]
    private static partial Regex StraightApostrophe();

    /// <summary>An ordinary space before ? ! ; : that ends a phrase (not "https://", "10:30", "?q=").</summary>
    [GeneratedRegex(@"[ \t\n][?!;:](?=\s|$|[)».,])")]
    private static partial Regex BreakableBeforePunctuation();

    /// <summary>A word glued to ? ! ; that ends a phrase ("vraiment?").</summary>
    [GeneratedRegex(@"\p{L}[?!;](?=\s|$)")]
    private static partial Regex GluedPunctuation();

    /// <summary>A price: digits grouped by some space, then FCFA.</summary>
    [GeneratedRegex(@"\d[\d \u00A0\u202F]*FCFA")]
    private static partial Regex Price();
}

public class FrenchTypographyInTextsTests
{
    private static readonly Type[] TextsClasses = typeof(PosaX.Web.Infrastructure.InfrastructureTexts).Assembly.GetTypes()
        .Where(t => !t.IsNested && t.Name.EndsWith("Texts", StringComparison.Ordinal)).ToArray();

    [Test]
    public void Prices_never_wrap()
    {
        Assert.That(Money.Fcfa(150_000), Is.EqualTo("150\u202F000\u00A0FCFA"));
        Assert.That(Money.Fcfa(1_250_000), Is.EqualTo("1\u202F250\u202F000\u00A0FCFA"));
        Assert.That(Money.Fcfa(500), Is.EqualTo("500\u00A0FCFA"));
    }

    [Test]
    public void The_checker_sees_each_mistake()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FrenchTypography.Violations("L'œuvre"), Is.Not.Empty);
            Assert.That(FrenchTypography.Violations("Vraiment ?"), Is.Not.Empty);
            Assert.That(FrenchTypography.Violations("Vraiment?"), Is.Not.Empty);
            Assert.That(FrenchTypography.Violations("Motif : rien"), Is.Not.Empty);
            Assert.That(FrenchTypography.Violations("« forêt »"), Is.Not.Empty);
            Assert.That(FrenchTypography.Violations("150 000 FCFA"), Is.Not.Empty);
            Assert.That(FrenchTypography.Violations("L’œuvre «\u00A0forêt\u00A0» à 150\u202F000\u00A0FCFA\u202F? Motif\u00A0: https://posax.cm/oeuvres?q=x 10:30"), Is.Empty);
        });
    }

    [Test]
    public void Every_text_of_the_texts_classes_follows_French_typography()
    {
        var found = new List<string>();
        var checkedTexts = 0;
        // The texts are properties over the .resx files: read them in French whatever the thread's culture.
        using var french = Languages.Use(Languages.French);
        foreach (var type in TextsClasses.SelectMany(t => TextsReflection.Nested(t, nonPublic: true)))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                foreach (var text in TextsReflection.StringsIn(field.GetValue(null)))
                    Check($"{type.FullName}.{field.Name}", text);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(p => p.GetIndexParameters().Length == 0))
                foreach (var text in TextsReflection.StringsIn(property.GetValue(null)))
                    Check($"{type.FullName}.{property.Name}", text);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !m.IsDefined(typeof(CompilerGeneratedAttribute))))
            {
                foreach (var arguments in SampleArguments(method))
                {
                    object? result;
                    try { result = method.Invoke(null, arguments); }
                    catch (TargetInvocationException) { continue; } // a sample the method refuses: its other samples count
                    foreach (var text in TextsReflection.StringsIn(result)) Check($"{type.FullName}.{method.Name}", text);
                }
            }
        }
        Assert.That(checkedTexts, Is.GreaterThan(600), "the texts were not found: the check would pass on nothing");
        Assert.That(found.Distinct().ToList(), Is.Empty);

        void Check(string where, string text)
        {
            checkedTexts++;
            // Mails' HTML bodies: their markup is not text.
            var plain = Regex.Replace(text, "<[^>]+>", "");
            found.AddRange(FrenchTypography.Violations(plain).Select(v => $"{where}: {v} in \"{Shorten(plain)}\""));
        }
    }

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "…" : s;

    /// <summary>A few argument sets per method: counts 0, 1 and 2, enum values, plain words.</summary>
    private static IEnumerable<object?[]> SampleArguments(MethodInfo method)
    {
        var parameters = method.GetParameters();
        for (var variant = 0; variant < 3; variant++)
        {
            var arguments = new object?[parameters.Length];
            var usable = true;
            for (var i = 0; i < parameters.Length; i++)
            {
                var type = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
                arguments[i] = type switch
                {
                    _ when type == typeof(string) => variant == 1 && parameters[i].ParameterType == typeof(string) && parameters[i].HasDefaultValue ? null : "mot",
                    _ when type == typeof(int) => variant,
                    _ when type == typeof(long) => variant == 0 ? 150_000L : variant,
                    _ when type == typeof(double) => 40.0 + variant,
                    _ when type == typeof(bool) => variant == 1,
                    _ when type == typeof(DateTime) => new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                    _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(variant + 1),
                    _ when type == typeof(Uri) => new Uri("https://posax.cm/oeuvres/1/mot"),
                    _ when type.IsEnum => Enum.GetValues(type).GetValue(variant % Enum.GetValues(type).Length),
                    _ => Unusable(ref usable),
                };
            }
            if (usable) yield return arguments;
        }
    }

    private static object? Unusable(ref bool usable)
    {
        usable = false;
        return null;
    }
}

/// <summary>The same rules on pages as served (text nodes, labels, placeholders, titles, meta descriptions).</summary>
public class FrenchTypographyOnPagesTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Rendered_pages_follow_French_typography()
    {
        var word = Word();
        var (artist, email) = await Accounts.NewArtistAsync(App, "Typo " + word);
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Masque " + word, 1_250_000);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var artistSlug = await SlugOfAsync(App, email);

        using var client = NewClient();
        var found = new List<string>();
        foreach (var url in new[]
                 {
                     "/connexion", "/inscription", "/mot-de-passe-oublie", "/artistes/" + artistSlug, $"/oeuvres/{id}/{slug}",
                     $"/oeuvres/{id}/commander", "/oeuvres?q=" + word, "/oeuvres?q=rien" + word, "/page-qui-n-existe-pas",
                     "/a-propos", "/comment-acheter", "/mentions-legales", "/conditions-generales", "/confidentialite", "/contact",
                 })
        {
            var page = await client.GetPageAsync(url, url.StartsWith("/page", StringComparison.Ordinal) ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK);
            // Apostrophes are checked in the texts classes: pages also show what users typed (titles of other tests' works).
            found.AddRange(TextsOf(page).SelectMany(t => FrenchTypography.Violations(t, apostrophes: false).Select(v => $"{url}: {v} in \"{t.Trim()}\"")));
        }
        Assert.That(found.Distinct().ToList(), Is.Empty);
    }

    /// <summary>What a reader sees or hears: text nodes outside scripts and styles, and the attributes that are read out.</summary>
    public static IEnumerable<string> TextsOf(IHtmlDocument page)
    {
        foreach (var node in page.Body!.Descendants<IText>())
            if (node.ParentElement is { } parent && parent.LocalName is not ("script" or "style" or "code"))
                yield return node.Text;
        foreach (var element in page.All)
            foreach (var name in new[] { "placeholder", "aria-label", "alt", "title" })
                if (element.GetAttribute(name) is { } value) yield return value;
        yield return page.Title ?? "";
        if (page.QuerySelector("meta[name=description]")?.GetAttribute("content") is { } description) yield return description;
    }
}
