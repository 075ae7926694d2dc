using System.Globalization;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// The site's two languages and which one a piece of code writes in. In a request it is the
/// page's (the UI culture set from the path); outside one (the outbox, the daily digests, a
/// command) the code that writes for a person says whose language with <see cref="Use"/>.
/// </summary>
public static class Languages
{
    public const string French = "fr";
    public const string English = "en";
    public static readonly IReadOnlyList<string> All = [French, English];

    private static readonly CultureInfo FrenchCulture = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"en" when the UI culture is English, otherwise "fr" (the invariant culture included: French is the default).</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The culture numbers and dates are written in for <see cref="Current"/>.</summary>
    public static CultureInfo Culture => For(Current);

    public static CultureInfo For(string? language) => Normalize(language) == English ? EnglishCulture : FrenchCulture;

    /// <summary>"en" for any English tag ("en", "en-GB", "EN"), "fr" for anything else or nothing.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase)
            && (language.Length == 2 || language[2] == '-') ? English : French;

    /// <summary>Writes in <paramref name="language"/> until disposed (the UI culture; numbers and dates follow
    /// through <see cref="Culture"/>), then restores. The culture stays invariant: ratios and sizes written into
    /// HTML, SVG and CSS need a dot.</summary>
    public static IDisposable Use(string? language) => new Scope(For(language));

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = _uiCulture;
    }
}
