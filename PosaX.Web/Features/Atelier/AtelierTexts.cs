using System.Globalization;
using PosaX.Web.Data;
using PosaX.Web.Features.Orders;

namespace PosaX.Web.Features.Atelier;

/// <summary>Every text of the atelier a user reads: the artist's works and their form, the orders and their status.</summary>
public static class AtelierTexts
{
    /// <summary>/atelier: the landing page after activation and sign-in, with its checklist.</summary>
    public static class Home
    {
        public const string Title = "Mon atelier";
        public static string Heading(string name) => $"Bonjour {name}";
        public const string Activated = "Compte activé\u00A0!";
        public const string ActivatedNext = "Votre page d’artiste est prête\u00A0: complétez-la, puis publiez votre première œuvre.";
        public const string ChecklistTitle = "Pour une page qui donne envie d’acheter";
        public const string Done = "(fait)";
        public const string PhotoStep = "Ajoutez votre photo";
        public const string PhotoHint = "Un visage inspire confiance aux acheteurs.";
        public const string BioStep = "Présentez-vous";
        public const string BioHint = "Quelques lignes sur votre démarche, votre ville, vos techniques.";
        public const string WhatsAppStep = "Indiquez votre numéro WhatsApp";
        public const string WhatsAppHint = "C’est là que les acheteurs vous écrivent.";
        public const string WorkStep = "Publiez votre première œuvre";
        public const string WorkHint = "Une bonne photo, un titre, un prix en FCFA.";
        public static string MyWorks(int count) => count switch
        {
            0 => "Mes œuvres",
            1 => "Mes œuvres (1)",
            _ => $"Mes œuvres ({count})",
        };
        public static string MyOrders(int newOrders) => newOrders == 0 ? "Mes commandes" : $"Mes commandes ({newOrders} nouvelle{(newOrders > 1 ? "s" : "")})";
        public const string MyProfile = "Mon profil";
        public const string MyPublicPage = "Voir ma page publique";
    }

    /// <summary>The works list, the work form (new, edit, delete) and its validation.</summary>
    public static class Artworks
    {
        public const string ListTitle = "Mes œuvres";
        public const string NewTitle = "Nouvelle œuvre";
        public const string EditTitle = "Modifier l’œuvre";
        public const string Add = "Ajouter une œuvre";
        public const string Empty = "Vous n’avez encore publié aucune œuvre.";
        public const string Edit = "Modifier";
        public const string View = "Voir";
        public const string Title = "Titre";
        public const string Description = "Description";
        public const string DescriptionHint = "Technique, histoire, inspiration. Mise en forme Markdown : **gras**, *italique*, listes.";
        public const string Price = "Prix (FCFA)";
        public const string PriceHint = "En francs CFA, sans centimes, par ex. 150\u202F000 ou 1\u202F200\u202F000\u00A0FCFA.";
        public const string Category = "Catégorie";
        public const string ChooseCategory = "Choisissez…";
        public const string Medium = "Technique / support";
        public const string MediumHint = "Par ex. acrylique sur toile, bronze, tirage jet d’encre.";
        public const string Dimensions = "Dimensions (cm)";
        public const string Height = "Hauteur";
        public const string Width = "Largeur";
        public const string Depth = "Profondeur (facultatif)";
        public const string Year = "Année (facultatif)";
        public const string Status = "Disponibilité";
        public const string Images = "Photos";
        public const string ImagesHint = "1 à 8 photos JPEG, PNG ou WebP, 10 Mo chacune au plus. La première est la couverture.";
        public const string StoredImages = "Photos actuelles";
        public const string RemoveImage = "Retirer";
        public const string MoveUp = "Monter";
        public const string MoveDown = "Descendre";
        public const string Save = "Enregistrer";
        public const string Publish = "Publier l’œuvre";
        public const string Saved = "Œuvre enregistrée.";
        public const string Created = "Œuvre publiée.";
        public const string PublishedNotice = "Œuvre publiée\u00A0: elle est en ligne.";
        public const string ViewPage = "Voir la page";
        public const string ShareOnWhatsApp = "Partager sur WhatsApp";
        public static string ShareMessage(string title, string price, Uri url) => $"{title} — {price}, sur PosaX\u00A0: {url}";
        public const string Delete = "Supprimer cette œuvre";
        public const string DeleteConfirm = "Supprimer définitivement cette œuvre et ses photos ?";
        public const string Deleted = "Œuvre supprimée.";
        public const string Hidden = "Masquée par la modération";
        public const string TitleRequired = "Donnez un titre à l’œuvre.";
        public const string TitleTooLong = "Le titre ne peut pas dépasser 120 caractères.";
        public const string DescriptionTooLong = "La description ne peut pas dépasser 5 000 caractères.";
        public const string PriceInvalid = "Indiquez un prix en FCFA, un nombre entier supérieur à 0.";
        public const string CategoryRequired = "Choisissez une catégorie.";
        public const string CategoryUnknown = "Cette catégorie n’existe pas.";
        public const string CategoryRetired = "Cette catégorie n’accepte plus de nouvelles œuvres : choisissez-en une autre.";
        public const string MediumTooLong = "La technique ne peut pas dépasser 120 caractères.";
        public const string DimensionInvalid = "Indiquez une dimension en centimètres (par ex. 60 ou 45,5).";
        public const string YearInvalid = "Indiquez une année entre 1900 et cette année.";
        public const string StatusInvalid = "Choisissez une disponibilité.";
        public const string TooManyImages = "8 photos au maximum par œuvre.";
        public const string NoImage = "Ajoutez au moins une photo de l’œuvre.";
        public const string StatusAvailable = "Disponible";
        public const string StatusReserved = "Réservée";
        public const string StatusSold = "Vendue";

        public static string StatusLabel(ArtworkStatus status) => status switch
        {
            ArtworkStatus.Reserved => StatusReserved,
            ArtworkStatus.Sold => StatusSold,
            _ => StatusAvailable,
        };
    }

    /// <summary>The artist's orders page.</summary>
    public static class Orders
    {
        public const string Title = "Mes commandes";
        public const string Intro = "Les demandes des acheteurs, les plus récentes d’abord. Écrivez-leur sur WhatsApp, puis suivez chaque commande jusqu’à la vente.";
        public const string Empty = "Aucune commande pour l’instant. Elles apparaîtront ici dès qu’un acheteur demandera une de vos œuvres.";
        public const string Reference = "Référence";
        public const string Work = "Œuvre";
        public const string Buyer = "Acheteur";
        public const string Phone = "Téléphone";
        public const string Email = "E-mail";
        public const string Message = "Message";
        public const string Date = "Date";
        public const string Status = "Statut";
        public const string NextStatus = "Nouveau statut";
        public const string Apply = "Valider";
        public const string Final = "Commande terminée.";
        public const string WriteOnWhatsApp = "Écrire sur WhatsApp";
        public const string Truncated = "Seules les 200 commandes les plus récentes sont affichées.";
    }

    /// <summary>Moving an order along its pipeline.</summary>
    public static class Status
    {
        public const string Title = "Statut de la commande";
        public const string NotFound = "Commande introuvable.";
        public const string UnknownStatus = "Choisissez un statut dans la liste.";
        public const string WorkSold = "Cette œuvre est déjà vendue.";
        public const string Back = "Retour à mes commandes";

        public static string CannotMove(OrderStatus from, OrderStatus to) =>
            $"Une commande « {OrderPipeline.Label(from)} » ne peut pas passer à « {OrderPipeline.Label(to)} ».";

        public static string HeldBy(string reference) =>
            $"L’œuvre est réservée pour la commande {reference} : annulez-la d’abord.";

        public static string Moved(string reference, OrderStatus to) => $"Commande {reference} : {OrderPipeline.Label(to).ToLowerInvariant()}.";

        public static string OthersCancelled(int count) =>
            count == 1 ? " L’autre demande pour cette œuvre a été annulée." : $" Les {count} autres demandes pour cette œuvre ont été annulées.";
    }

    /// <summary>/atelier/statistiques, and each work's figures on the works list.</summary>
    public static class Statistics
    {
        private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

        public const string Title = "Mes statistiques";
        public const string Link = "Statistiques";
        public const string Period = "Période";
        public static string LastDays(int days) => $"{days}\u00A0jours";
        public static string Intro(DateOnly first, DateOnly last) =>
            $"Du {first.ToString("d MMMM yyyy", French)} au {last.ToString("d MMMM yyyy", French)} (jours de Douala). Comptés sans cookie et sans savoir qui\u00A0: les robots ne comptent pas.";
        public const string Charts = "Jour après jour";
        public const string PerWork = "Par œuvre";
        public const string Work = "Œuvre";
        public const string Views = "Vues";
        public const string WhatsApp = "Clics WhatsApp";
        public const string WhatsAppColumn = "WhatsApp";
        public const string Favourites = "Favoris";
        public const string Orders = "Commandes";
        public const string Sold = "Vendues";
        public const string Conversion = "Vues → commandes";
        public const string Total = "Total";
        public const string HiddenWork = "(masquée)";
        public const string NoWorks = "Publiez une œuvre pour voir ses statistiques ici.";
        public const string PerDay = "Détail par jour";
        public const string Day = "Jour";
        public static string FavouritesRemoved(int removed) => removed == 0 ? "" : $"{Count(removed)} retiré{(removed > 1 ? "s" : "")}";
        public static string Count(int n) => n.ToString("N0", French);
        public static string Percent(double? value) => value is { } v ? v.ToString("0.#", French) + "\u00A0%" : "—";
        public static string ShortDay(DateOnly day) => day.ToString("d MMM", French);
        public static string LongDay(DateOnly day) => day.ToString("dddd d MMMM", French);

        /// <summary>The works list: each work's last 30 days.</summary>
        public static string ListFigures(int views, int orders) =>
            $"30\u00A0jours\u00A0: {Count(views)}\u00A0vue{(views > 1 ? "s" : "")}, {Count(orders)}\u00A0commande{(orders > 1 ? "s" : "")}";
    }
}
