using System.Text.RegularExpressions;

namespace PosaX.Tests.Features;

/// <summary>
/// Text a user reads lives in one texts class per feature (<c>Features/&lt;F&gt;/&lt;F&gt;Texts.cs</c>, nested classes
/// per page inside it), in <c>InfrastructureTexts</c> or in <c>ComponentTexts</c>: never in a page's own nested
/// <c>Texts</c>, so that an English version can move them all to resources in one step.
/// </summary>
public partial class TextsConventionTests
{
    private static readonly Type[] WebTypes = typeof(PosaX.Web.Infrastructure.InfrastructureTexts).Assembly.GetTypes();

    private static IEnumerable<Type> TextsClasses() =>
        WebTypes.Where(t => !t.IsNested && t.Name.EndsWith("Texts", StringComparison.Ordinal));

    [Test]
    public void No_page_model_or_view_declares_its_own_Texts_class()
    {
        // Razor views compile into the same assembly: a @functions { static class Texts } is a nested type too.
        var nested = WebTypes.Where(t => t.IsNested && t.Name == "Texts").Select(t => t.FullName).ToList();
        Assert.That(nested, Is.Empty, "Move these strings to the feature's <Feature>Texts class.");
    }

    [Test]
    public void Every_texts_class_is_static_and_lives_in_a_file_named_after_it()
    {
        var root = WebProjectDirectory();
        foreach (var type in TextsClasses())
        {
            Assert.That(type.IsAbstract && type.IsSealed, Is.True, $"{type.FullName} should be a static class.");
            var folder = type.Namespace!["PosaX.Web".Length..].TrimStart('.').Replace('.', Path.DirectorySeparatorChar);
            var file = Path.Combine(root, folder, type.Name + ".cs");
            Assert.That(File.Exists(file), Is.True, $"{type.FullName} should live in {file}.");
            Assert.That(File.ReadAllText(file), Does.Contain($"public static class {type.Name}"), file);
        }
    }

    [Test]
    public void A_feature_has_one_texts_class_at_most()
    {
        var byFeature = TextsClasses().Where(t => t.Namespace!.StartsWith("PosaX.Web.Features.", StringComparison.Ordinal))
            .GroupBy(t => t.Namespace!).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Name))}").ToList();
        Assert.That(byFeature, Is.Empty, "Merge them into the feature's one texts class (nested classes per page).");
    }

    [Test]
    public void The_known_texts_classes_are_found()
    {
        // Guards the two tests above against passing on an empty list.
        Assert.That(TextsClasses().Select(t => t.Name), Is.SupersetOf(new[]
        {
            "AdminTexts", "ArtistsTexts", "AtelierTexts", "AuthTexts", "CatalogueTexts", "OrderTexts", "ProfileTexts",
            "SeoTexts", "SharedTexts", "ComponentTexts", "InfrastructureTexts",
        }));
    }

    [Test]
    public void The_scripts_hold_no_French_string()
    {
        // Their messages come from SharedTexts.Scripts, on <body> (see ScriptTextsTests).
        var scripts = Path.Combine(WebProjectDirectory(), "wwwroot", "js");
        var found = Directory.EnumerateFiles(scripts, "*.js")
            .SelectMany(file => AccentedLiteral().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToList();
        Assert.That(found, Is.Empty, "Put the text in SharedTexts.Scripts and read it from the body's data-text-* attributes.");
    }

    /// <summary>A string literal holding a French letter (the scripts' own strings are selectors, paths and names).</summary>
    [GeneratedRegex("""(["'`])[^"'`\n]*[À-ÿŒœ][^"'`\n]*\1""")]
    private static partial Regex AccentedLiteral();

    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "PosaX.Web");
            if (File.Exists(Path.Combine(candidate, "PosaX.Web.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("PosaX.Web not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
