using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Components;

/// <summary>Every text the shared Razor components write themselves (pages pass the rest as parameters).</summary>
public static class ComponentTexts
{
    private static readonly TextResources Strings = new(typeof(ComponentTexts));

    /// <summary>The badge of a sold work's price (PriceTag).</summary>
    public static string Sold => Strings["Sold"];

    /// <summary>The badge of a reserved work on its card.</summary>
    public static string Reserved => Strings["Reserved"];

    /// <summary>WhatsAppButton's label when the page gives none.</summary>
    public static string WhatsApp => Strings["WhatsApp"];

    /// <summary>"Douala · membre depuis décembre 2026" (the city only when given): an artist's card and page.</summary>
    public static string ArtistSince(string? city, DateTime memberSinceUtc) =>
        string.IsNullOrEmpty(city) ? MemberSince(memberSinceUtc) : $"{city} · {MemberSince(memberSinceUtc)}";

    /// <summary>"membre depuis décembre 2026", "member since December 2026" (the month in Douala).</summary>
    public static string MemberSince(DateTime utc) => Strings.Format("MemberSince", DoualaTime.MonthYear(utc));

    /// <summary>The number of an artist's works on the site.</summary>
    public static string Works(int count) => count switch
    {
        0 => Strings["Works.None"],
        1 => Strings["Works.One"],
        _ => Strings.Format("Works.Many", count),
    };

    /// <summary>The heart's name (FavouriteButton); aria-pressed says whether the work is a favourite.</summary>
    public static string Favourite => Strings["Favourite"];
}
