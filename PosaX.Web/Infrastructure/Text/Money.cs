using System.Globalization;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// Prices are whole FCFA (XAF has no minor unit), in both languages, written the reader's way
/// (<see cref="Languages.Culture"/>): French 150000 → "150 000 FCFA" (narrow no-break spaces),
/// English → "150,000 FCFA"; a no-break space before FCFA in both.
/// </summary>
public static class Money
{
    /// <summary>French groups digits with a narrow no-break space (U+202F): a number never wraps.</summary>
    public const char GroupSeparator = '\u202F';

    /// <summary>Between the amount and "FCFA": a no-break space, so the currency never wraps alone.</summary>
    public const char CurrencySpace = '\u00A0';

    /// <summary>
    /// The CFA franc's fixed parity: 1 EUR = 655.957 XAF (set by treaty when the euro replaced the French
    /// franc, 1999; unchanged since). A peg, not a market rate: no exchange-rate service is needed.
    /// </summary>
    public const decimal XafPerEuro = 655.957m;

    private static readonly NumberFormatInfo French = new() { NumberGroupSeparator = GroupSeparator.ToString(), NumberGroupSizes = [3] };
    private static readonly NumberFormatInfo English = new() { NumberGroupSeparator = ",", NumberGroupSizes = [3] };

    public static string Fcfa(long amount) => Number(amount) + CurrencySpace + "FCFA";

    /// <summary>A whole number grouped the current language's way: 12500 → "12 500" (French) or "12,500" (English).</summary>
    public static string Number(long n) => n.ToString("#,0", Languages.Culture.TwoLetterISOLanguageName == Languages.English ? English : French);

    /// <summary>A price in FCFA as whole euros at the fixed parity, rounded to the nearest (half away from zero).</summary>
    public static long IndicativeEuros(long fcfa) => (long)Math.Round(fcfa / XafPerEuro, MidpointRounding.AwayFromZero);
}
