using System.Globalization;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Catalogue;

/// <summary>Every text of the catalogue a user reads: home, browse and search, the work page, reports.</summary>
public static class CatalogueTexts
{
    private static readonly TextResources Strings = new(typeof(CatalogueTexts));

    public static class Home
    {
        public static string Title => Strings["Home.Title"];
        public static string Description => Strings["Home.Description"];
        public static string Heading => Strings["Home.Heading"];
        public static string Intro => Strings["Home.Intro"];
        public static string Browse => Strings["Home.Browse"];
        public static string Join => Strings["Home.Join"];
        public static string Latest => Strings["Home.Latest"];
        public static string Categories => Strings["Home.Categories"];
        public static string Artists => Strings["Home.Artists"];
        public static string AllArtists => Strings["Home.AllArtists"];
        public static string NoWorks => Strings["Home.NoWorks"];
        public static string HeroLabel => Strings["Home.HeroLabel"];
        public static string HowItWorks => Strings["Home.HowItWorks"];

        /// <summary>Only what is true: PosaX puts buyer and artist in touch and holds no payment.</summary>
        public static readonly (string Title, string Text)[] Steps =
        [
            ("Vous choisissez une œuvre", "Photos, dimensions, technique et prix : tout est sur la page de l’œuvre."),
            ("Vous écrivez à l’artiste sur WhatsApp", "Un bouton ouvre la conversation, avec un message qui nomme déjà l’œuvre et son prix."),
            ("Vous convenez ensemble du paiement et de la livraison", "PosaX ne prend aucun paiement : vous réglez directement avec l’artiste, comme vous en décidez."),
        ];
    }

    public static class Browse
    {
        public static string Title => Strings["Browse.Title"];
        public static string Heading => Strings["Browse.Heading"];
        public static string Description => Strings["Browse.Description"];
        public static string Search => Strings["Browse.Search"];
        public static string SearchPlaceholder => Strings["Browse.SearchPlaceholder"];
        /// <summary>The filters' search landmark, named apart from the header's.</summary>
        public static string FiltersLandmark => Strings["Browse.FiltersLandmark"];
        public static string SearchButton => Strings["Browse.SearchButton"];
        public static string Filters => Strings["Browse.Filters"];
        public static string Category => Strings["Browse.Category"];
        public static string AnyCategory => Strings["Browse.AnyCategory"];
        public static string MinPrice => Strings["Browse.MinPrice"];
        public static string MaxPrice => Strings["Browse.MaxPrice"];
        public static string Size => Strings["Browse.Size"];
        public static string AnySize => Strings["Browse.AnySize"];
        public static string SizeS => Strings["Browse.SizeS"];
        public static string SizeM => Strings["Browse.SizeM"];
        public static string SizeL => Strings["Browse.SizeL"];
        public static string Orientation => Strings["Browse.Orientation"];
        public static string AnyOrientation => Strings["Browse.AnyOrientation"];
        public static string Portrait => Strings["Browse.Portrait"];
        public static string Landscape => Strings["Browse.Landscape"];
        public static string Square => Strings["Browse.Square"];
        public static string AvailableOnly => Strings["Browse.AvailableOnly"];
        public static string Sort => Strings["Browse.Sort"];
        public static string Recent => Strings["Browse.Recent"];
        public static string PriceAscending => Strings["Browse.PriceAscending"];
        public static string PriceDescending => Strings["Browse.PriceDescending"];
        public static string Apply => Strings["Browse.Apply"];
        public static string Reset => Strings["Browse.Reset"];
        public static string Next => Strings["Browse.Next"];
        public static string FirstPage => Strings["Browse.FirstPage"];
        public static string Results => Strings["Browse.Results"];
        public static string Pages => Strings["Browse.Pages"];

        public static string ActiveFilters => Strings["Browse.ActiveFilters"];
        public static string CategoriesNav => Strings["Browse.CategoriesNav"];
        public static string AllCategories => Strings["Browse.AllCategories"];
        public static string Available => Strings["Browse.Available"];
        public static string PricesSwapped => Strings["Browse.PricesSwapped"];
        public static string Widen => Strings["Browse.Widen"];
        public static string PopularCategories => Strings["Browse.PopularCategories"];
        public static string SeeAll => Strings["Browse.SeeAll"];

        public static string RemoveFilter(string label) => $"Retirer le filtre {label}";
        public static string Quoted(string text) => $"« {text} »";
        public static string PriceFrom(long min) => "Dès " + Money.Fcfa(min);
        public static string PriceUpTo(long max) => "Jusqu’à " + Money.Fcfa(max);

        /// <summary>A category's name as a heading over its works: "Sculpture" → "Sculptures" (one-word names only).</summary>
        public static string Plural(string name) =>
            name.Contains(' ') || name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') ? name : name + "s";

        /// <summary>The &lt;h1&gt; of a listing or a search: what it shows.</summary>
        public static string ListHeading(string? category, string? artist, string? query) => (query, category, artist) switch
        {
            (not null, _, _) => $"Résultats pour {Quoted(query)}",
            (null, not null, not null) => $"{Plural(category)} de {artist}",
            (null, not null, null) => Plural(category),
            (null, null, not null) => $"Œuvres de {artist}",
            _ => Heading,
        };

        public static string ListTitle(string? category, string? artist) => (category, artist) switch
        {
            (not null, not null) => $"{Plural(category)} de {artist}",
            (not null, null) => $"{Plural(category)} à vendre",
            (null, not null) => $"Œuvres de {artist}",
            _ => Title,
        };

        public static string SearchTitle(string query, string listTitle) =>
            listTitle == Title ? $"Résultats pour {Quoted(query)}" : $"Résultats pour {Quoted(query)} · {listTitle}";

        /// <summary>The empty state's heading: the searched words are already the page's h1, said once.</summary>
        public static string EmptyFor(string? query) => query is null
            ? "Aucune œuvre ne correspond à ces filtres."
            : "Aucune œuvre ne correspond à cette recherche.";

        public static string Suggestion(string name) => $"Vouliez-vous dire {Quoted(name)} ?";

        public static string ListDescription(string title, int total, bool capped = false) =>
            $"{title} sur PosaX : {Count(total, capped).ToLowerInvariant()} d’artistes du Cameroun, à acheter directement auprès d’eux sur WhatsApp.";

        /// <param name="capped">The count stopped at <paramref name="total"/>: there are more.</param>
        public static string Count(int total, bool capped = false) => (total, capped) switch
        {
            (_, true) => "Plus de " + Number(total) + " œuvres",
            (0, _) => "Aucune œuvre",
            (1, _) => "1 œuvre",
            _ => Number(total) + " œuvres",
        };

        private static string Number(int n) => Money.Number(n);
    }

    public static class ArtworkPage
    {
        public static string Reserved => Strings["ArtworkPage.Reserved"];
        public static string Dimensions => Strings["ArtworkPage.Dimensions"];
        public static string Medium => Strings["ArtworkPage.Medium"];
        public static string Year => Strings["ArtworkPage.Year"];
        public static string Category => Strings["ArtworkPage.Category"];
        public static string Artist => Strings["ArtworkPage.Artist"];
        public static string ArtistPage => Strings["ArtworkPage.ArtistPage"];
        public static string Similar => Strings["ArtworkPage.Similar"];
        public static string Photos => Strings["ArtworkPage.Photos"];
        public static string WhatsApp => Strings["ArtworkPage.WhatsApp"];
        public static string Breadcrumb => Strings["ArtworkPage.Breadcrumb"];
        public static string Home => Strings["ArtworkPage.Home"];
        public static string Catalogue => Strings["ArtworkPage.Catalogue"];
        public static string Order => Strings["ArtworkPage.Order"];
        public static string WriteShort => Strings["ArtworkPage.WriteShort"];
        public static string WriteToArtist => Strings["ArtworkPage.WriteToArtist"];
        public static string Share => Strings["ArtworkPage.Share"];
        public static string ShareWhatsApp => Strings["ArtworkPage.ShareWhatsApp"];
        public static string ShareFacebook => Strings["ArtworkPage.ShareFacebook"];
        public static string CopyLink => Strings["ArtworkPage.CopyLink"];
        public static string ZoomHint => Strings["ArtworkPage.ZoomHint"];
        public static string CloseZoom => Strings["ArtworkPage.CloseZoom"];
        public static string PhotoNumber => Strings["ArtworkPage.PhotoNumber"];
        public static string OrderDialog => Strings["ArtworkPage.OrderDialog"];
        public static string SimilarAvailable => Strings["ArtworkPage.SimilarAvailable"];

        public static string SoldMessage(string title, string url) =>
            $"Bonjour, j’ai vu votre œuvre « {title} » sur PosaX (vendue) : {url}\nAvez-vous des œuvres semblables ?";

        public static string ShareText(string title, long price, string url) => $"« {title} », {Money.Fcfa(price)}, sur PosaX : {url}";

        public static string SoldNote => Strings["ArtworkPage.SoldNote"];
        public static string ReservedNote => Strings["ArtworkPage.ReservedNote"];

        public static string PageTitle(string title, string category, string artist) => $"{title}, {category.ToLowerInvariant()} de {artist}";
        public static string PhotoAlt(string title, int number) => $"{title}, photo {number}";

        public static string WhatsAppMessage(string title, long price, string url) =>
            $"Bonjour, je suis intéressé(e) par votre œuvre « {title} » à {Money.Fcfa(price)} vue sur PosaX : {url}";

        public static string Size(double height, double width, double? depth)
        {
            static string N(double v) => v.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));
            return depth is { } d && d > 0 ? $"{N(height)} × {N(width)} × {N(d)} cm" : $"{N(height)} × {N(width)} cm";
        }

        /// <summary>What the work is, by whom and for how much, then the start of its description: 50 to 160 characters.</summary>
        public static string MetaDescription(string title, string artist, string category, long price, string? plain)
        {
            var text = $"« {title} », {category.ToLowerInvariant()} de {artist} à {Money.Fcfa(price)}.";
            text += string.IsNullOrWhiteSpace(plain) ? " Contactez l’artiste sur WhatsApp." : " " + plain;
            if (text.Length < 60) text += " Une œuvre à découvrir sur PosaX.";
            return MetaText.Shorten(text);
        }

        // Issue 18 (L2): the indicative price in euros under the FCFA price (Money.IndicativeEuros).
        public static string IndicativeEuros(long euros) => Strings.Format("ArtworkPage.IndicativeEuros", Money.Number(euros));
    }

    public static class Report
    {
        public static string Heading => Strings["Report.Heading"];
        public static string Intro => Strings["Report.Intro"];
        public static string Reason => Strings["Report.Reason"];
        public static string Send => Strings["Report.Send"];
        public static string NoScriptLink => Strings["Report.NoScriptLink"];
        public static string NoScriptHint => Strings["Report.NoScriptHint"];
        public static string Thanks => Strings["Report.Thanks"];
        public static string ReasonRequired => Strings["Report.ReasonRequired"];
        public static readonly string ReasonTooShort = $"Expliquez le problème en {ReportInput.MinLength} caractères au moins.";
        public static readonly string ReasonTooLong = $"Le signalement ne peut pas dépasser {ArtworkReport.ReasonMaxLength} caractères.";
        public static string NotOnSite => Strings["Report.NotOnSite"];
        public static string BackToWork => Strings["Report.BackToWork"];
        public static string BackToCatalogue => Strings["Report.BackToCatalogue"];

        public static string PageTitle(string title) => $"Signaler « {title} »";
    }
}
