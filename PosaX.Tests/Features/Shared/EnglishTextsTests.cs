using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PosaX.Web.Components;
using PosaX.Web.Features.About;
using PosaX.Web.Features.Artists;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Features.Favourites;
using PosaX.Web.Features.Seo;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Tests.Features.Shared;

using Languages = PosaX.Web.Infrastructure.Text.Languages;

/// <summary>
/// The English of the storefront's texts classes (issue 18): every French key has an English text, which is
/// not the French one left in place, holds no French and keeps the French text's placeholders; what the
/// classes build (counts, titles, messages) reads in English under <c>Languages.Use("en")</c>; and the trust
/// and legal pages have an English Markdown file each.
/// </summary>
public partial class EnglishTextsTests
{
    private static readonly Type[] Classes =
    [
        typeof(CatalogueTexts), typeof(SharedTexts), typeof(ComponentTexts), typeof(InfrastructureTexts),
        typeof(AboutTexts), typeof(ArtistsTexts), typeof(FavouritesTexts), typeof(SeoTexts),
    ];

    /// <summary>Texts English writes as French does: names, and words and formats the two languages share.</summary>
    private static readonly HashSet<string> SameInBoth =
    [
        "PosaX", "Contact", "WhatsApp", "Facebook", "Photo", "Dimensions", "Portrait", "Orientation", "Pages", "Menu",
        "{0} minutes", "{0} × {1} cm", "{0} × {1} × {2} cm", "{0}, photo {1}",
        "Sculpture", "Sculptures", "Textile", "Textiles",
    ];

    /// <summary>Members whose text is another feature's (AuthTexts: its own English is checked with it).</summary>
    private static readonly HashSet<string> Borrowed = ["SharedTexts+Scripts.ResendActivation", "SharedTexts+Scripts.SignIn"];

    /// <summary>The language switch names the other language in that language ("Français" on English pages).</summary>
    private static readonly HashSet<string> Endonyms = ["Layout.OtherLanguage"];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IEnumerable<Type> TextsClasses() => Classes;

    [TestCaseSource(nameof(TextsClasses))]
    public void Every_French_key_has_an_English_text_and_English_has_no_other(Type texts)
    {
        var resources = new TextResources(texts);
        var french = resources.Keys(CultureInfo.InvariantCulture).Order().ToList();
        Assert.That(french, Is.Not.Empty);
        Assert.That(resources.Keys(English).Order().ToList(), Is.EqualTo(french), texts.Name + ".en.resx");
    }

    [TestCaseSource(nameof(TextsClasses))]
    public void Each_English_text_is_English_and_keeps_the_French_placeholders(Type texts)
    {
        var resources = new TextResources(texts);
        var found = new List<string>();
        foreach (var key in resources.Keys(CultureInfo.InvariantCulture))
        {
            var french = resources[key];
            string english;
            using (Languages.Use(Languages.English)) english = resources[key];
            if (english == french && !SameInBoth.Contains(french)) found.Add($"{key}: still French \"{french}\"");
            if (!Endonyms.Contains(key)) found.AddRange(FrenchIn(english).Select(v => $"{key}: {v} in \"{english}\""));
            if (!Placeholders(english).SetEquals(Placeholders(french))) found.Add($"{key}: placeholders {string.Join(",", Placeholders(english))} ≠ French {string.Join(",", Placeholders(french))}");
        }
        Assert.That(found, Is.Empty);
    }

    /// <summary>
    /// FrenchTypographyInTextsTests reads fields and methods: since the texts moved to resources, the properties'
    /// French is read here, from the resources themselves (the date patterns hold .NET's quotes, not apostrophes).
    /// </summary>
    [TestCaseSource(nameof(TextsClasses))]
    public void Each_French_text_follows_French_typography(Type texts)
    {
        var resources = new TextResources(texts);
        var found = resources.Keys(CultureInfo.InvariantCulture).Where(key => !key.StartsWith("Dates.", StringComparison.Ordinal))
            .SelectMany(key => FrenchTypography.Violations(resources[key]).Select(v => $"{key}: {v} in \"{resources[key]}\"")).ToList();
        Assert.That(found, Is.Empty);
    }

    [TestCaseSource(nameof(TextsClasses))]
    public void What_the_class_builds_reads_in_English(Type texts)
    {
        var found = new List<string>();
        using (Languages.Use(Languages.English))
        {
            foreach (var (where, text) in TextsOf(texts))
                found.AddRange(FrenchIn(text).Select(v => $"{where}: {v} in \"{text}\""));
        }
        Assert.That(found.Distinct().ToList(), Is.Empty);
    }

    [Test]
    public void French_stays_French_outside_an_English_scope()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CatalogueTexts.Browse.Count(2), Is.EqualTo("2 œuvres"));
            Assert.That(ComponentTexts.Works(0), Is.EqualTo("Pas encore d’œuvre"));
            Assert.That(CatalogueTexts.ArtworkPage.Size(40, 30.5, null), Is.EqualTo("40 × 30,5 cm"));
            Assert.That(Html(CatalogueTexts.Browse.ListHeading(("Sculpture", null), "Ama", null)), Is.EqualTo("Sculptures de Ama"));
            Assert.That(CatalogueTexts.Categories.Name("peinture", "Peinture (renommée)"), Is.EqualTo(("Peinture (renommée)", (string?)null)), "French: the admins' name");
            Assert.That(CatalogueTexts.Categories.Heading("peinture", "Peinture"), Is.EqualTo(("Peinture", (string?)null)));
        });
        using (Languages.Use(Languages.English))
        {
            Assert.Multiple(() =>
            {
                Assert.That(CatalogueTexts.Browse.Count(2), Is.EqualTo("2 artworks"));
                Assert.That(CatalogueTexts.Browse.Count(1), Is.EqualTo("1 artwork"));
                Assert.That(ComponentTexts.Works(0), Is.EqualTo("No artworks yet"));
                Assert.That(CatalogueTexts.ArtworkPage.Size(40, 30.5, null), Is.EqualTo("40 × 30.5 cm"), "a decimal point in English");
                Assert.That(Html(CatalogueTexts.Browse.ListHeading(("Sculpture", null), "Ama", null)), Is.EqualTo("Sculpture by Ama"), "the heading as given: no French plural");
                Assert.That(Html(CatalogueTexts.Browse.ListHeading(("Vannerie", "fr"), "Ama", null)), Is.EqualTo("<span lang=\"fr\">Vannerie</span> by Ama"), "a French name marked in an English heading");
                Assert.That(CatalogueTexts.Categories.Name("art-numerique", "Art numérique"), Is.EqualTo(("Digital art", (string?)null)));
                Assert.That(CatalogueTexts.Categories.Heading("peinture", "Peinture"), Is.EqualTo(("Paintings", (string?)null)));
                Assert.That(CatalogueTexts.Categories.Name("vannerie", "Vannerie"), Is.EqualTo(("Vannerie", "fr")), "no English name yet: as written, marked French");
                Assert.That(ComponentTexts.MemberSince(new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc)), Is.EqualTo("member since December 2026"));
                Assert.That(DoualaTime.Format(new DateTime(2026, 12, 6, 13, 5, 0, DateTimeKind.Utc)), Is.EqualTo("6 Dec 2026 at 14:05"));
            });
        }
        Assert.That(CatalogueTexts.Browse.Count(2), Is.EqualTo("2 œuvres"), "the scope ends with its using");
    }

    [Test]
    public void Each_trust_page_has_its_English_Markdown_and_English_slug()
    {
        Assert.That(InfoPages.Slugs, Has.Count.EqualTo(5));
        foreach (var slug in InfoPages.Slugs)
        {
            var french = InfoPages.HtmlOf(slug, Languages.French);
            var english = InfoPages.HtmlOf(slug, Languages.English);
            Assert.That(english, Does.Contain("<h2").Or.Contain("<p>"), slug);
            Assert.That(english, Is.Not.EqualTo(french), slug);
            Assert.That(FrenchIn(System.Net.WebUtility.HtmlDecode(Regex.Replace(english!, "<[^>]+>", ""))), Is.Empty, slug + ".en.md");
            Assert.That(InfoPages.PageOf(InfoPages.EnglishSlug(slug)), Is.EqualTo(slug));
            Assert.That(InfoPages.HtmlOf(InfoPages.EnglishSlug(slug), Languages.English), Is.EqualTo(english), "found by its English slug");
        }
        Assert.That(InfoPages.EnglishSlug("a-propos"), Is.EqualTo("about"));
        Assert.That(InfoPages.PageOf("unknown"), Is.Null);
        // English Markdown links to English pages (it is not rewritten by the link tag helper).
        Assert.That(InfoPages.HtmlOf("a-propos", Languages.English), Does.Contain("href=\"/en/register\""));
    }

    /// <summary>What makes a text French: its letters, its quotation marks, its little words, its spaces before punctuation.</summary>
    private static IEnumerable<string> FrenchIn(string text)
    {
        if (FrenchLetter().Match(text) is { Success: true } letter) yield return $"French letter « {letter.Value} »";
        if (FrenchWord().Match(text) is { Success: true } word) yield return $"French word « {word.Value} »";
        if (SpaceBeforePunctuation().Match(text) is { Success: true } space) yield return $"space before « {space.Value.Trim()} »";
    }

    [GeneratedRegex("[àâçéèêëîïôûùÿœæÀÂÇÉÈÊËÎÏÔÛÙŒ«»]")]
    private static partial Regex FrenchLetter();

    [GeneratedRegex(@"\b(le|la|les|des|une|pour|vous|votre|vos|sur|avec|est|et|du|aux|dans|ou|ne|pas|de|depuis)\b")]
    private static partial Regex FrenchWord();

    [GeneratedRegex(@"[ \u00A0\u202F][?!:;](?=\s|$)")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>Every text a class's public static members give: properties, and methods called with plain sample arguments.</summary>
    private static IEnumerable<(string Where, string Text)> TextsOf(Type texts)
    {
        foreach (var type in TextsReflection.Nested(texts))
        {
            var name = type.FullName![(type.Namespace!.Length + 1)..];
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
            {
                if (Borrowed.Contains($"{name}.{property.Name}") || Endonyms.Contains($"{name[(name.IndexOf('+') + 1)..]}.{property.Name}")) continue;
                foreach (var text in TextsReflection.StringsIn(property.GetValue(null))) yield return ($"{name}.{property.Name}", text);
            }
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => !m.IsSpecialName && m.ReturnType != typeof(PosaX.Web.Infrastructure.Email.MailMessage)))
            {
                foreach (var arguments in SampleArguments(method))
                    foreach (var text in TextsReflection.StringsIn(method.Invoke(null, arguments))) yield return ($"{name}.{method.Name}", text);
            }
        }
    }

    /// <summary>English sample words (a French one would be taken for a French text): counts 0, 1, 2 and more.</summary>
    private static IEnumerable<object?[]> SampleArguments(MethodInfo method)
    {
        var parameters = method.GetParameters();
        foreach (var variant in new[] { 0, 1, 2, 5000 })
        {
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var type = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
                arguments[i] = type switch
                {
                    _ when type == typeof(string) => "Mask",
                    _ when type == typeof(int) => variant,
                    _ when type == typeof(long) => 150_000L + variant,
                    _ when type == typeof(double) => 40.5 + variant,
                    _ when type == typeof(bool) => variant == 1,
                    _ when type == typeof(DateTime) => new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                    _ when type == typeof((string, string?)) => ("Mask", variant == 1 ? "fr" : null),
                    _ => throw new InvalidOperationException($"No sample for {type.Name} in {method.DeclaringType!.Name}.{method.Name}"),
                };
            }
            yield return arguments;
        }
    }

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
