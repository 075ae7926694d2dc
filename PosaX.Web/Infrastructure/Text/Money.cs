using System.Globalization;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>Prices are whole FCFA (XAF has no minor unit): 150000 → "150 000 FCFA".</summary>
public static class Money
{
    /// <summary>French groups digits with a narrow no-break space (U+202F): a number never wraps.</summary>
    public const char GroupSeparator = '\u202F';

    /// <summary>Between the amount and "FCFA": a no-break space, so the currency never wraps alone.</summary>
    public const char CurrencySpace = '\u00A0';

    private static readonly NumberFormatInfo Format = new() { NumberGroupSeparator = GroupSeparator.ToString(), NumberGroupSizes = [3] };

    public static string Fcfa(long amount) => Number(amount) + CurrencySpace + "FCFA";

    /// <summary>A whole number grouped the French way: 12500 → "12 500".</summary>
    public static string Number(long n) => n.ToString("#,0", Format);
}
