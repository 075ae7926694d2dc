using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Shared;

/// <summary>Every text of what all pages share: the layout, the scripts' own messages, the error page.</summary>
public static class SharedTexts
{
    /// <summary>The alt of the site's default preview picture (<see cref="PageMeta.DefaultImage"/>).</summary>
    public const string DefaultImageAlt = "PosaX, l’art du Cameroun";

    /// <summary>The site's header, navigation and footer (_Layout).</summary>
    public static class Layout
    {
        public const string SkipLink = "Aller au contenu";
        public const string Home = "PosaX, accueil";
        public const string SiteNav = "Site";
        public const string Artworks = "Œuvres";
        public const string Artists = "Artistes";
        public const string Atelier = "Atelier";
        public const string Orders = "Commandes";
        public const string Profile = "Profil";
        public const string Admin = "Administration";
        public const string Logout = "Déconnexion";
        public const string Login = "Connexion";
        public const string Register = "Inscription";
        public const string Menu = "Menu";
        public const string Favourites = "Mes favoris";
        public const string Search = "Rechercher une œuvre ou un artiste";
        public const string SearchShort = "Rechercher…";
        /// <summary>The header's search landmark, named apart from the catalogue's filters.</summary>
        public const string SiteSearch = "Recherche sur le site";
        public const string SearchButton = "Rechercher";
        public const string FooterNav = "Informations";
        public const string Footer = "PosaX — l’art africain, de l’atelier à votre mur.";
    }

    /// <summary>
    /// What wwwroot/js/ajax-form.js says itself (no JSON answer from the server; the link of a next
    /// step): the layout writes them once as data-text-* attributes on &lt;body&gt; (no inline script: strict CSP).
    /// </summary>
    public static class Scripts
    {
        public const string NetworkError = "Connexion impossible. Vérifiez votre réseau puis réessayez.";
        public const string ServerError = "Une erreur est survenue. Réessayez dans un instant.";
        public const string TooLarge = InfrastructureTexts.Ajax.TooLarge;
        public const string ResendActivation = AuthTexts.ResendActivation;
        public const string SignIn = AuthTexts.SignIn;
        public const string Continue = "Continuer";
        public const string LinkCopied = "Lien copié";
        public const string ChoosePhoto = "Choisir une photo";
        public const string ChoosePhotos = "Choisir des photos";
        public const string NoPhoto = "Aucune photo choisie";
        /// <summary>{n}: the number of photos (the script puts it in).</summary>
        public const string PhotosChosen = "{n}\u00A0photos choisies";
        public const string PhotoType = InfrastructureTexts.Images.UnsupportedFormat;
        public const string PhotoTooLarge = InfrastructureTexts.Images.TooLarge;
    }

    /// <summary>The error page (/erreur) and the JSON or plain answers of the same statuses.</summary>
    public static class Error
    {
        public const string BackHome = "Retour à l’accueil";

        public static (string Heading, string Explanation) For(int status) => status switch
        {
            404 => ("Page introuvable", "Cette page n’existe pas ou plus."),
            403 => ("Accès refusé", "Vous n’avez pas accès à cette page."),
            410 => ("Page retirée", "Ce contenu a été retiré."),
            413 => ("Envoi trop volumineux", "Le fichier envoyé est trop lourd."),
            429 => ("Trop de requêtes", "Patientez un instant avant de réessayer."),
            400 => ("Requête invalide", "La requête n’a pas pu être traitée. Rechargez la page et réessayez."),
            503 => ("Service momentanément indisponible", "Le site redémarre ou est surchargé. Réessayez dans quelques secondes."),
            507 => ("Espace de stockage saturé", "Le serveur ne peut pas enregistrer de fichiers pour le moment. Réessayez plus tard."),
            _ => ("Une erreur est survenue", "Nous n’avons pas pu traiter votre demande. Réessayez dans un instant."),
        };
    }
}
