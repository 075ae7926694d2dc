using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// French stays at today's URLs; English lives under <c>/en</c> with English path words. This is the
/// one table of those words. Pages get their English route from it (<see cref="EnglishPageRoutes"/>),
/// minimal endpoints through <see cref="LocalizedEndpoints"/>, and both register their route templates
/// here (<see cref="RegisterRoute"/>, said at each call site), so that <see cref="For(string, string)"/> translates a path segment by segment by position in
/// its route: literal words are translated, route values (ids, slugs, tokens) never are (an artist
/// slugged "contact" keeps the slug). A path of no known route (/media, /css, /admin…) is left as it is.
/// </summary>
public static partial class LocalizedPaths
{
    public const string EnglishPrefix = "/en";

    /// <summary>French path word → English path word. A word not listed is the same in both (confirmation, codes, whatsapp).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnglishWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["oeuvres"] = "artworks", ["artistes"] = "artists", ["connexion"] = "login", ["inscription"] = "register",
        ["favoris"] = "favourites", ["a-propos"] = "about", ["comment-acheter"] = "how-to-buy", ["contact"] = "contact",
        ["mentions-legales"] = "legal-notice", ["conditions-generales"] = "terms", ["confidentialite"] = "privacy",
        ["commander"] = "order", ["signaler"] = "report", ["suivre"] = "follow", ["alerte"] = "alert",
        ["commandes"] = "orders", ["mot-de-passe-oublie"] = "forgot-password", ["reinitialisation"] = "reset-password",
        ["activation"] = "activation", ["deconnexion"] = "logout", ["double-authentification"] = "two-factor",
        ["profil"] = "profile", ["securite"] = "security", ["atelier"] = "studio", ["statistiques"] = "statistics",
        ["nouvelle"] = "new", ["modifier"] = "edit", ["supprimer"] = "delete", ["statut"] = "status",
        ["abonnement"] = "subscription", ["confirmer"] = "confirm", ["renouveler"] = "renew",
        ["desabonnement"] = "unsubscribe", ["favori"] = "favourite", ["vue"] = "view", ["erreur"] = "error",
    };

    private static readonly Dictionary<string, string> FrenchWords =
        EnglishWords.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Folders that stay in one language (staff pages) and get no English route.</summary>
    public static bool IsFrenchOnly(string frenchTemplate) =>
        frenchTemplate.Trim('/').Split('/')[0].Equals("admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>"/en" or "/en/…": an English URL.</summary>
    public static bool IsEnglish(PathString path) => path.StartsWithSegments(EnglishPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The language a URL path is in.</summary>
    public static string LanguageOf(PathString path) => IsEnglish(path) ? Languages.English : Languages.French;

    /// <summary>The English word for a French path word (itself when the table has none).</summary>
    public static string EnglishWord(string french) => EnglishWords.GetValueOrDefault(french.ToLowerInvariant(), french);

    /// <summary>The French word for an English path word (itself when the table has none).</summary>
    public static string FrenchWord(string english) => FrenchWords.GetValueOrDefault(english.ToLowerInvariant(), english);

    private static readonly ConcurrentDictionary<string, Route> Routes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The English route template of a French one ("oeuvres/{id:long}/{slug?}" → "en/artworks/{id:long}/{slug?}",
    /// "" → "en"). Parameters and their constraints are kept; the words of a regex constraint's alternatives are
    /// translated (the information pages' slugs are path words). A translation only: it registers nothing
    /// (<see cref="RegisterRoute"/> does).
    /// </summary>
    public static string EnglishTemplate(string frenchTemplate) =>
        string.Join('/', new[] { EnglishPrefix.TrimStart('/') }.Concat(EnglishSegments(frenchTemplate.Trim('/'))));

    /// <summary>
    /// Makes a route the app answers in both languages known to <see cref="For(string, string)"/>, which translates
    /// only the paths of registered routes. Called where the route is mapped in both languages
    /// (<see cref="EnglishPageRoutes"/>, <see cref="LocalizedEndpoints"/>); registering one twice changes nothing.
    /// </summary>
    public static void RegisterRoute(string frenchTemplate) =>
        Routes.GetOrAdd(frenchTemplate.Trim('/'), french => new Route(Segments(french), EnglishSegments(french)));

    private static string[] EnglishSegments(string frenchTemplate) => Segments(frenchTemplate).Select(TranslateTemplateSegment).ToArray();

    /// <summary>The path (and query) in the request's language: <see cref="For(string, string)"/> with <see cref="Languages.Current"/>.</summary>
    public static string For(string path) => For(path, Languages.Current);

    /// <summary>
    /// The same page in <paramref name="language"/>: "/oeuvres/12/case-obus?page=2" → "/en/artworks/12/case-obus?page=2"
    /// and back. French or English paths are both accepted; the query and fragment are kept as they are. A path of no
    /// translated route, or not a local path at all ("https://…", "//…", "#…"), comes back unchanged.
    /// </summary>
    public static string For(string path, string language)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal))
            return path;
        var end = path.IndexOfAny(['?', '#']);
        var (pathOnly, rest) = end < 0 ? (path, "") : (path[..end], path[end..]);
        var english = IsEnglish(new PathString(pathOnly));
        var wantEnglish = Languages.Normalize(language) == Languages.English;
        if (english == wantEnglish) return path;

        var segments = Segments(english ? pathOnly.TrimStart('/')[(EnglishPrefix.Length - 1)..] : pathOnly);
        Route? best = null;
        var bestScore = -1;
        foreach (var route in Routes.Values)
        {
            var template = english ? route.English : route.French;
            if (!Matches(template, segments)) continue;
            var score = template.Count(s => !s.StartsWith('{'));
            if (score > bestScore) (best, bestScore) = (route, score);
        }
        if (best is null) return path;

        var from = english ? best.English : best.French;
        var translated = segments.Select((segment, i) => Translate(from[i], segment, toEnglish: !english));
        var joined = string.Join('/', translated);
        return (wantEnglish ? (joined.Length == 0 ? EnglishPrefix : EnglishPrefix + "/" + joined) : "/" + joined) + rest;
    }

    /// <summary>
    /// The site's own HTML written outside Razor (the information pages' Markdown): its <c>href="/…"</c> in the
    /// current language, as the link tag helper does for views. Not for what artists wrote.
    /// </summary>
    public static string InHtml(string html) =>
        Languages.Current == Languages.French ? html : LocalHref().Replace(html, m =>
            $"href=\"{System.Net.WebUtility.HtmlEncode(For(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)))}\"");

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex LocalHref();

    private sealed record Route(string[] French, string[] English);

    private static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string TranslateTemplateSegment(string segment) =>
        segment.StartsWith('{') ? RegexAlternative().Replace(segment, m => EnglishWord(m.Value)) : EnglishWord(segment);

    private static string Translate(string templateSegment, string value, bool toEnglish)
    {
        // A route value is kept as written, but for a regex constraint's value: one of its listed path words.
        if (templateSegment.StartsWith('{') && !templateSegment.Contains(":regex(", StringComparison.Ordinal)) return value;
        return toEnglish ? EnglishWord(value) : FrenchWord(value);
    }

    private static bool Matches(string[] template, string[] segments)
    {
        var required = template.Count(s => !s.EndsWith("?}", StringComparison.Ordinal));
        if (segments.Length < required || segments.Length > template.Length) return false;
        for (var i = 0; i < segments.Length; i++)
        {
            var t = template[i];
            if (!t.StartsWith('{'))
            {
                if (!t.Equals(segments[i], StringComparison.OrdinalIgnoreCase)) return false;
                continue;
            }
            if ((t.Contains(":long", StringComparison.Ordinal) || t.Contains(":int", StringComparison.Ordinal)) && !long.TryParse(segments[i], out _)) return false;
            var regex = t.IndexOf(":regex(", StringComparison.Ordinal);
            if (regex >= 0)
            {
                var body = t[(regex + ":regex(".Length)..t.LastIndexOf(')')];
                if (!Regex.IsMatch(segments[i], body, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))) return false;
            }
        }
        return true;
    }

    // A bare word between "(" or "|" and "|" or ")": one alternative of a regex constraint.
    [GeneratedRegex(@"(?<=[(|])[a-z][a-z-]*(?=[|)])")]
    private static partial Regex RegexAlternative();
}
