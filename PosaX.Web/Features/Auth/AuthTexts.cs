using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Every text of the Auth feature a user reads: the login and register panels (at the top), then one
/// class per other page, the password rules and the account mails.
/// </summary>
public static class AuthTexts
{
    public const string PageTitleLogin = "Connexion";
    public const string PageTitleRegister = "Inscription";
    public const string DescriptionLogin = "Connectez-vous à votre espace d’artiste PosaX pour publier vos œuvres et suivre les demandes d’achat.";
    public const string DescriptionRegister = "Créez gratuitement votre compte d’artiste PosaX : exposez vos œuvres et recevez les demandes des acheteurs sur WhatsApp.";
    public const string HeadingLogin = "Connexion à l’espace artiste";
    public const string HeadingRegister = "Créer un compte d’artiste";
    public const string LoginHeading = "Connexion";
    public const string RegisterHeading = "Inscription";
    public const string NoAccount = "Vous n’avez pas de compte ?";
    public const string HaveAccount = "Vous avez un compte ?";
    public const string Email = "Adresse e-mail";
    public const string Password = "Mot de passe";
    public const string PasswordHint = "8 caractères au moins. Une phrase facile à retenir est idéale.";
    public const string ConfirmPassword = "Confirmez le mot de passe";
    public const string Name = "Nom d’artiste";
    public const string WhatsApp = "Numéro WhatsApp";
    public const string WhatsAppHint = "Les acheteurs vous contacteront sur ce numéro, par ex. 677 12 34 56.";
    public const string Photo = "Photo de profil (facultatif)";
    public const string PhotoHint = "JPEG, PNG ou WebP, 10 Mo au plus.";
    public const string RememberMe = "Se souvenir de moi";
    public const string ForgotPasswordLink = "Mot de passe oublié ?";
    public const string SignIn = "Se connecter";
    public const string SignUp = "Créer mon compte";
    public const string TermsBefore = "J’accepte les";
    public const string TermsLink = "conditions générales d’utilisation";
    public const string TermsRequired = "Acceptez les conditions générales d’utilisation pour créer votre compte.";
    public const string WrongCredentials = "E-mail ou mot de passe incorrect.";
    public const string Suspended = "Votre compte est suspendu par la modération : le motif vous a été envoyé par e-mail.";
    public const string NotActivated = "Votre compte n’est pas encore activé : ouvrez le lien reçu par e-mail.";
    public const string ResendActivation = "Renvoyer le lien d’activation";
    public const string Registered = "Compte créé ! Consultez votre boîte mail pour l’activer.";
    public const string PasswordReset = "Votre mot de passe a été changé. Connectez-vous avec le nouveau.";
    public const string InvalidEmail = "Saisissez une adresse e-mail valide.";
    public const string EmailRequired = "Saisissez votre adresse e-mail.";
    public const string PasswordRequired = "Saisissez votre mot de passe.";
    public const string PasswordsDiffer = "Les mots de passe ne correspondent pas.";

    public static class ForgotPassword
    {
        public const string Title = "Mot de passe oublié";
        public const string Explanation = "Saisissez l’adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.";
        public const string Send = "Envoyer le lien";
        public const string Sent = "Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé.";
    }

    public static class ResetPassword
    {
        public const string Title = "Nouveau mot de passe";
        public const string NewPassword = "Nouveau mot de passe";
        public const string Save = "Enregistrer";
        public const string InvalidLink = "Ce lien n’est plus valable. Demandez-en un nouveau depuis « Mot de passe oublié ».";
    }

    public static class RegisterConfirmation
    {
        public const string Title = "Vérifiez votre boîte mail";
        public const string Explanation = "Nous vous avons envoyé un lien pour activer votre compte. Ouvrez-le pour accéder à votre profil.";
        public const string Spam = "Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, ou demandez un nouveau lien.";
        public const string Resend = "Renvoyer le lien";
        public const string Sent = "Si un compte en attente d’activation existe pour cette adresse, un nouveau lien vient d’être envoyé.";
    }

    public static class TwoFactorLogin
    {
        public const string Title = "Double authentification";
        public const string Explanation = "Saisissez le code à 6 chiffres affiché par votre application d’authentification.";
        public const string Code = "Code de vérification";
        public const string Verify = "Vérifier";
        public const string LostDevice = "Vous n’avez plus votre téléphone ?";
        public const string RecoveryExplanation = "Saisissez l’un des codes de secours reçus à l’activation. Chaque code ne sert qu’une fois.";
        public const string RecoveryCode = "Code de secours";
        public const string UseRecovery = "Utiliser ce code";
        public const string WrongCode = "Code incorrect ou expiré.";
        public const string CodeRequired = "Saisissez le code.";
        public const string Expired = "Votre connexion a expiré : saisissez de nouveau votre e-mail et votre mot de passe.";
    }

    public static class Activation
    {
        public const string InvalidHeading = "Lien invalide ou expiré";
        public const string InvalidExplanation = "Ce lien d’activation n’est plus valable. Demandez-en un nouveau : il arrive en quelques secondes.";
        public const string AlreadyActiveHeading = "Compte déjà activé";
        public const string AlreadyActiveExplanation = "Votre compte est actif : connectez-vous avec votre e-mail et votre mot de passe.";
    }

    public static class Logout
    {
        public const string Title = "Déconnexion";
        public const string SignOut = "Se déconnecter";
        public const string SignedOut = "Vous êtes déconnecté.";
    }

    /// <summary>The answers of the cookie's 401 and 403 to an AJAX request.</summary>
    public static class Access
    {
        public const string SessionExpired = "Votre session a expiré : reconnectez-vous.";
        public const string Forbidden = "Vous n’avez pas accès à cette action.";
    }

    /// <summary>What <see cref="PasswordRules"/> says of a password it refuses.</summary>
    public static class Passwords
    {
        public const string Required = "Choisissez un mot de passe.";
        public static string TooShort(int min) => $"Le mot de passe doit contenir au moins {min} caractères.";
        public static string TooLong(int max) => $"Le mot de passe ne peut pas dépasser {max} caractères.";
        public const string TooCommon = "Ce mot de passe est trop courant : choisissez-en un autre (une phrase de plusieurs mots par exemple).";
        public const string IsEmail = "Le mot de passe ne doit pas être votre adresse e-mail.";
        public const string IsName = "Le mot de passe ne doit pas être votre nom.";
    }

    /// <summary>The account mails (<see cref="AccountMails"/>).</summary>
    public static class Mails
    {
        public static MailMessage Activation(string to, string name, Uri link) => MailTemplates.Build(to,
            "Activez votre compte PosaX",
            $"Bonjour {name},",
            "Bienvenue sur PosaX ! Pour activer votre compte d’artiste, ouvrez ce lien (valable 48 heures) :",
            link,
            "Si vous n’avez pas créé de compte sur PosaX, ignorez ce message.");

        public static MailMessage AlreadyRegistered(string to, string name, Uri loginLink, Uri resetLink) => MailTemplates.Build(to,
            "Votre compte PosaX existe déjà",
            $"Bonjour {name},",
            "Quelqu’un (vous, peut-être) a essayé de créer un compte PosaX avec cette adresse, qui en a déjà un. " +
            "Pour vous connecter, ouvrez ce lien :",
            loginLink,
            $"Mot de passe oublié ? Choisissez-en un nouveau ici : {resetLink}\nSi ce n’était pas vous, ignorez ce message : votre compte n’a pas changé.");

        public static MailMessage PasswordReset(string to, string name, Uri link) => MailTemplates.Build(to,
            "Réinitialisez votre mot de passe PosaX",
            $"Bonjour {name},",
            "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 48 heures) :",
            link,
            "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.");

        public static MailMessage PasswordChanged(string to, string name, Uri resetLink) => MailTemplates.Build(to,
            "Votre mot de passe PosaX a changé",
            $"Bonjour {name},",
            "Le mot de passe de votre compte vient d’être changé et toutes vos sessions ont été fermées. " +
            "Si ce n’était pas vous, réinitialisez-le tout de suite :",
            resetLink,
            null);
    }
}
