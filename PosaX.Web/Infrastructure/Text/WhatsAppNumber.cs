using PhoneNumbers;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// WhatsApp numbers are stored in E.164. libphonenumber knows every country's numbering plan and
/// international prefixes, so "677 12 34 56", "+237 677123456" and "00237677123456" are one number.
/// </summary>
public static class WhatsAppNumber
{
    public const string DefaultRegion = "CM";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string? input, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32) return false;
        try
        {
            var number = Phones.Parse(input, DefaultRegion);
            if (!Phones.IsValidNumber(number)) return false;
            var type = Phones.GetNumberType(number);
            // WhatsApp needs a number that can receive it: refuse clearly fixed-line-only numbers.
            if (type is PhoneNumberType.FIXED_LINE or PhoneNumberType.PREMIUM_RATE or PhoneNumberType.TOLL_FREE
                or PhoneNumberType.SHARED_COST or PhoneNumberType.PAGER) return false;
            e164 = Phones.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>"+237 6 77 12 34 56" for display.</summary>
    public static string Display(string e164)
    {
        try { return Phones.Format(Phones.Parse(e164, DefaultRegion), PhoneNumberFormat.INTERNATIONAL); }
        catch (NumberParseException) { return e164; }
    }

    /// <summary>https://wa.me/237677123456?text=… (wa.me wants digits only, no plus).</summary>
    public static string ChatLink(string e164, string? text = null)
    {
        var link = "https://wa.me/" + e164.TrimStart('+');
        return string.IsNullOrEmpty(text) ? link : link + "?text=" + Uri.EscapeDataString(text);
    }

    /// <summary>https://wa.me/?text=…: no number, so WhatsApp lets the sender pick the chat.</summary>
    public static string ShareLink(string text) => "https://wa.me/?text=" + Uri.EscapeDataString(text);
}
