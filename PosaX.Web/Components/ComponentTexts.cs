namespace PosaX.Web.Components;

/// <summary>Every text the shared Razor components write themselves (pages pass the rest as parameters).</summary>
public static class ComponentTexts
{
    /// <summary>The badge of a sold work's price (PriceTag).</summary>
    public const string Sold = "Vendue";

    /// <summary>The badge of a reserved work on its card.</summary>
    public const string Reserved = "Réservée";

    /// <summary>WhatsAppButton's label when the page gives none.</summary>
    public const string WhatsApp = "Écrire sur WhatsApp";

    /// <summary>The heart's name (FavouriteButton); aria-pressed says whether the work is a favourite.</summary>
    public const string Favourite = "Ajouter aux favoris";
}
