using System.Globalization;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Catalogue;

/// <summary>Every text of the catalogue a user reads: home, browse and search, the work page, reports.</summary>
public static class CatalogueTexts
{
    public static class Home
    {
        public const string Title = "PosaX";
        public const string Description = "PosaX, la galerie en ligne des artistes du Cameroun : peintures, sculptures, photographies. Contactez les artistes sur WhatsApp.";
        public const string Heading = "L’art du Cameroun, de l’atelier à votre mur";
        public const string Intro = "Les artistes exposent leurs œuvres, vous les contactez directement sur WhatsApp.";
        public const string Browse = "Voir toutes les œuvres";
        public const string Join = "Je suis artiste : créer mon compte";
        public const string Latest = "Dernières œuvres";
        public const string Categories = "Catégories";
        public const string Artists = "Artistes";
        public const string AllArtists = "Tous les artistes";
        public const string NoWorks = "Les premières œuvres arrivent bientôt.";
        public const string HeroLabel = "Œuvres à la une";
        public const string HowItWorks = "Comment ça marche";

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
        public const string Title = "Œuvres d’art à vendre";
        public const string Heading = "Œuvres";
        public const string Description = "Peintures, sculptures, photographies, perlages et textiles d’artistes du Cameroun, à acheter directement auprès d’eux sur WhatsApp.";
        public const string Search = "Rechercher une œuvre, un artiste, une ville…";
        public const string SearchPlaceholder = "Œuvre, artiste, ville…";
        /// <summary>The filters' search landmark, named apart from the header's.</summary>
        public const string FiltersLandmark = "Recherche et filtres des œuvres";
        public const string SearchButton = "Rechercher";
        public const string Filters = "Filtres et tri";
        public const string Category = "Catégorie";
        public const string AnyCategory = "Toutes les catégories";
        public const string MinPrice = "Prix minimum (FCFA)";
        public const string MaxPrice = "Prix maximum (FCFA)";
        public const string Size = "Taille";
        public const string AnySize = "Toutes les tailles";
        public const string SizeS = "Petite (moins de 40 cm)";
        public const string SizeM = "Moyenne (40 à 100 cm)";
        public const string SizeL = "Grande (plus de 100 cm)";
        public const string Orientation = "Orientation";
        public const string AnyOrientation = "Toutes";
        public const string Portrait = "Portrait";
        public const string Landscape = "Paysage";
        public const string Square = "Carré";
        public const string AvailableOnly = "Disponibles uniquement";
        public const string Sort = "Trier par";
        public const string Recent = "Les plus récentes";
        public const string PriceAscending = "Prix croissant";
        public const string PriceDescending = "Prix décroissant";
        public const string Apply = "Appliquer";
        public const string Reset = "Tout effacer";
        public const string Next = "Suivant";
        public const string FirstPage = "Première page";
        public const string Results = "Résultats";
        public const string Pages = "Pages";

        public const string ActiveFilters = "Filtres actifs";
        public const string CategoriesNav = "Catégories";
        public const string AllCategories = "Toutes";
        public const string Available = "Disponibles";
        public const string PricesSwapped = "Le prix minimum dépassait le maximum : nous les avons remis dans l’ordre.";
        public const string Widen = "Élargir la recherche :";
        public const string PopularCategories = "Catégories populaires";
        public const string SeeAll = "Voir toutes les œuvres";

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
        public const string Reserved = "Réservée";
        public const string Dimensions = "Dimensions";
        public const string Medium = "Technique";
        public const string Year = "Année";
        public const string Category = "Catégorie";
        public const string Artist = "L’artiste";
        public const string ArtistPage = "Voir sa page et ses œuvres";
        public const string Similar = "Œuvres similaires";
        public const string Photos = "Photos de l’œuvre";
        public const string WhatsApp = "Écrire à l’artiste sur WhatsApp";
        public const string Breadcrumb = "Fil d’Ariane";
        public const string Home = "Accueil";
        public const string Catalogue = "Œuvres";
        public const string Order = "Commander";
        public const string WriteShort = "Écrire sur WhatsApp";
        public const string WriteToArtist = "Écrire à l’artiste";
        public const string Share = "Partager";
        public const string ShareWhatsApp = "WhatsApp";
        public const string ShareFacebook = "Facebook";
        public const string CopyLink = "Copier le lien";
        public const string ZoomHint = "Agrandir la photo";
        public const string CloseZoom = "Fermer";
        public const string PhotoNumber = "Photo";
        public const string OrderDialog = "Commander cette œuvre";
        public const string SimilarAvailable = "Œuvres disponibles du même genre";

        public static string SoldMessage(string title, string url) =>
            $"Bonjour, j’ai vu votre œuvre « {title} » sur PosaX (vendue) : {url}\nAvez-vous des œuvres semblables ?";

        public static string ShareText(string title, long price, string url) => $"« {title} », {Money.Fcfa(price)}, sur PosaX : {url}";

        public const string SoldNote = "Cette œuvre a été vendue. Découvrez les autres œuvres de l’artiste.";
        public const string ReservedNote = "Cette œuvre est réservée par un acheteur. Écrivez à l’artiste pour être prévenu si elle se libère.";

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
    }

    public static class Report
    {
        public const string Heading = "Signaler cette œuvre";
        public const string Intro = "Contrefaçon, œuvre copiée sur un autre artiste, contenu choquant… Dites-nous ce qui ne va pas : la modération examinera l’œuvre.";
        public const string Reason = "Ce qui ne va pas";
        public const string Send = "Envoyer le signalement";
        public const string NoScriptLink = "Signaler cette œuvre";
        public const string NoScriptHint = "(formulaire de signalement)";
        public const string Thanks = "Merci : votre signalement a été transmis à la modération.";
        public const string ReasonRequired = "Dites en quelques mots ce qui ne va pas.";
        public static readonly string ReasonTooShort = $"Expliquez le problème en {ReportInput.MinLength} caractères au moins.";
        public static readonly string ReasonTooLong = $"Le signalement ne peut pas dépasser {ArtworkReport.ReasonMaxLength} caractères.";
        public const string NotOnSite = "Cette œuvre n’est pas ou plus en ligne.";
        public const string BackToWork = "Revenir à l’œuvre";
        public const string BackToCatalogue = "Voir le catalogue";

        public static string PageTitle(string title) => $"Signaler « {title} »";
    }
}
