namespace PosaX.Web.Infrastructure;

/// <summary>
/// Every text a user reads that no feature owns: the AJAX contract's own answers (unreadable or
/// incomplete forms, expired antiforgery, rate limits), the image pipeline's refusals and the
/// mails' signature. The features' texts live in their own <c>&lt;Feature&gt;Texts</c>.
/// </summary>
public static class InfrastructureTexts
{
    /// <summary>The answers of <see cref="Web.AjaxPageModel"/>, the rate limiter and the antiforgery filter.</summary>
    public static class Ajax
    {
        public const string TooLarge = "Envoi trop volumineux : réduisez la taille des fichiers.";
        public const string Unreadable = "Le formulaire envoyé est illisible. Rechargez la page et réessayez.";
        public const string Incomplete = "Le formulaire envoyé est incomplet. Rechargez la page et réessayez.";
        public const string FixFields = "Veuillez corriger les champs indiqués.";
        public const string InvalidValue = "Valeur invalide.";
        public const string Untypeable = "Ce champ contient des caractères invisibles non autorisés.";
        public const string SessionExpired = "Votre session a expiré : rechargez la page puis réessayez.";

        public static string TooManyAttempts(int seconds) => $"Trop de tentatives. Réessayez dans {Waiting(seconds)}.";

        public static string TooManyFromClient(int seconds) =>
            $"Trop de tentatives depuis votre connexion. Réessayez dans {seconds} secondes.";

        private static string Waiting(int seconds) =>
            seconds < 120 ? $"{seconds} secondes" : $"{(seconds + 59) / 60} minutes";
    }

    /// <summary>The zone every shown time is in (<see cref="Text.DoualaTime"/>), named once per page that shows times.</summary>
    public const string DoualaZone = "Heures de Douala (UTC+1).";

    /// <summary>Why the image pipeline refused an upload, shown at the file's field.</summary>
    public static class Images
    {
        public const string Empty = "Le fichier est vide.";
        public const string TooLarge = "Fichier trop volumineux : 10 Mo au maximum.";
        public const string TooManyPixels = "Image trop grande : 40 mégapixels et 12 000 pixels de côté au maximum.";
        public const string UnsupportedFormat = "Format non pris en charge : JPEG, PNG ou WebP uniquement.";
        public const string Unreadable = "Image illisible : le fichier est corrompu ou incomplet.";
        public const string StorageFull = "Le serveur n’a plus de place pour enregistrer les photos. Rien n’a été enregistré : réessayez plus tard.";
        public const string StorageUnavailable = "Le stockage des photos ne répond pas. Rien n’a été enregistré : réessayez dans un instant.";
    }

    /// <summary>The house layout of every mail (<see cref="Email.MailTemplates"/>); the words of each mail are its feature's.</summary>
    public static class Mail
    {
        public const string Signature = "L’équipe PosaX";
    }
}
