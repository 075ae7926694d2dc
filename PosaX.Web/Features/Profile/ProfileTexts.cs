using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.Profile;

/// <summary>Every text of the Profile feature a user reads: the profile page (at the top), the security pages, their mail.</summary>
public static class ProfileTexts
{
    public const string Title = "Mon profil";
    public const string Intro = "Ces informations apparaissent sur votre page publique d’artiste.";
    public const string ViewPublic = "Voir ma page publique";
    public const string SecurityLink = "Sécurité du compte (double authentification)";
    public const string Name = "Nom d’artiste";
    public const string Bio = "Présentation";
    public const string BioHint = "Votre parcours, votre technique, vos inspirations. Mise en forme Markdown : **gras**, *italique*, listes, liens.";
    public const string WhatsApp = "Numéro WhatsApp";
    public const string WhatsAppHint = "Les acheteurs vous écrivent sur ce numéro, par ex. 677 12 34 56.";
    public const string City = "Ville";
    public const string CityHint = "Facultatif\u00A0: la ville où vous travaillez, par ex. Douala ou Foumban.";
    public const string CityTooLong = "La ville ne peut pas dépasser 80 caractères.";
    public const string Facebook = "Page Facebook";
    public const string Instagram = "Compte Instagram";
    public const string SocialHint = "Lien complet ou nom du compte.";
    public const string Photo = "Photo de profil";
    public const string PhotoHint = "JPEG, PNG ou WebP, 10 Mo au plus.";
    public const string RemovePhoto = "Retirer la photo";
    public const string Save = "Enregistrer";
    public const string Saved = "Profil enregistré.";
    public const string NameRequired = "Saisissez votre nom d’artiste (2 caractères au moins).";
    public const string NameTooLong = "Le nom ne peut pas dépasser 100 caractères.";
    public const string BioTooLong = "La présentation ne peut pas dépasser 4 000 caractères.";
    public const string WhatsAppInvalid = "Ce numéro WhatsApp n’est pas valide (ex. 677 12 34 56 ou +237 677 12 34 56).";
    public const string FacebookInvalid = "Indiquez un lien facebook.com ou le nom de votre page.";
    public const string InstagramInvalid = "Indiquez un lien instagram.com ou votre nom d’utilisateur.";

    public static class Security
    {
        public const string Title = "Sécurité du compte";
        public const string Intro = "La double authentification protège votre compte même si votre mot de passe est découvert : à chaque connexion, un code à 6 chiffres de votre téléphone vous est demandé.";
        public const string Required = "Pour accéder à la modération, activez d’abord la double authentification.";
        public const string EnabledState = "La double authentification est activée.";
        public const string Step1 = "1. Installez une application d’authentification (Google Authenticator, Microsoft Authenticator, Aegis, FreeOTP…).";
        public const string Step2 = "2. Scannez ce code QR, ou saisissez la clé ci-dessous dans l’application.";
        public const string Key = "Clé";
        public const string Step3 = "3. Saisissez le code à 6 chiffres affiché par l’application.";
        public const string Code = "Code de vérification";
        public const string Enable = "Activer";
        public const string Enabled = "Double authentification activée. Notez vos codes de secours.";
        public const string WrongCode = "Code incorrect : vérifiez l’heure de votre téléphone et réessayez.";
        public const string CodeRequired = "Saisissez le code affiché par l’application.";
        public const string CodesLeft = "Codes de secours restants :";
        public const string NewCodes = "Générer de nouveaux codes de secours";
        public const string NewCodesHint = "Les anciens codes cesseront de fonctionner.";
        public const string NewCodesDone = "Nouveaux codes générés.";
        public const string Disable = "Désactiver la double authentification";
        public const string DisableHint = "Confirmez avec votre mot de passe.";
        public const string Password = "Mot de passe";
        public const string WrongPassword = "Mot de passe incorrect.";
        public const string Disabled = "Double authentification désactivée.";
        public const string NotEnabled = "La double authentification n’est pas activée.";
        public const string CodesTitle = "Vos codes de secours";
        public const string CodesIntro = "Chaque code permet une connexion sans votre téléphone, une seule fois. Gardez-les en lieu sûr : ils ne seront plus affichés.";
        public const string NoCodes = "Ces codes ne sont affichés qu’une fois. Générez-en de nouveaux depuis la page Sécurité si vous les avez perdus.";
        public const string Continue = "Continuer";
    }

    public static class Mails
    {
        /// <summary>The notice to the owner when two-factor is turned on (someone with a stolen password may have done it).</summary>
        public static MailMessage TwoFactorEnabled(string to, string name, Uri resetLink) => MailTemplates.Build(to,
            "Double authentification activée sur votre compte PosaX",
            $"Bonjour {name},",
            "La double authentification vient d’être activée sur votre compte PosaX. Si ce n’est pas vous, réinitialisez tout de suite votre mot de passe avec ce lien, puis prévenez-nous depuis la page Contact de PosaX\u00A0:",
            resetLink, null);
    }
}
