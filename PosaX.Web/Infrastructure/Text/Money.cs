using System.Globalization;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>Prices are whole FCFA (XAF has no minor unit): 150000 → "150 000 FCFA".</summary>
public static class Money
{
    // A no-break space between groups and before the currency, so a price never wraps.
    private static readonly NumberFormatInfo Format = new() { NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] };

    public static string Fcfa(long amount) => amount.ToString("#,0", Format) + "\u00A0FCFA";
}
