using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// /connexion and /inscription are one page holding both panels (the client's animated
/// template); each route owns the form it answers. This base carries what the shared view needs.
/// </summary>
public abstract class AuthPanelsPage : AjaxPageModel
{
    public abstract AuthPanel ActivePanel { get; }

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Values posted without JavaScript, shown again with their errors.</summary>
    public LoginInput Login { get; protected set; } = new();
    public RegisterInput Register { get; protected set; } = new();

    /// <summary>Only local paths: an open redirect would make a phishing link look like ours.</summary>
    protected string SafeReturnUrl(string fallback) =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : fallback;
}

public enum AuthPanel { Login, Register }

/// <summary>The page's French text, in one place so that an English version can follow.</summary>
public static class AuthTexts
{
    public const string PageTitleLogin = "Connexion";
    public const string PageTitleRegister = "Inscription";
    public const string Description = "Connectez-vous ou créez votre compte d'artiste PosaX pour exposer et vendre vos œuvres.";
    public const string Heading = "Espace artiste";
    public const string LoginHeading = "Connexion";
    public const string RegisterHeading = "Inscription";
    public const string NoAccount = "Vous n'avez pas de compte ?";
    public const string HaveAccount = "Vous avez un compte ?";
    public const string Email = "Adresse e-mail";
    public const string Password = "Mot de passe";
    public const string PasswordHint = "8 caractères au moins. Une phrase facile à retenir est idéale.";
    public const string ConfirmPassword = "Confirmez le mot de passe";
    public const string Name = "Nom d'artiste";
    public const string WhatsApp = "Numéro WhatsApp";
    public const string WhatsAppHint = "Les acheteurs vous contacteront sur ce numéro, par ex. 677 12 34 56.";
    public const string Photo = "Photo de profil (facultatif)";
    public const string PhotoHint = "JPEG, PNG ou WebP, 10 Mo au plus.";
    public const string RememberMe = "Se souvenir de moi";
    public const string ForgotPassword = "Mot de passe oublié ?";
    public const string SignIn = "Se connecter";
    public const string SignUp = "Créer mon compte";
    public const string WrongCredentials = "E-mail ou mot de passe incorrect.";
    public const string Suspended = "Votre compte est suspendu par la modération : le motif vous a été envoyé par e-mail.";
    public const string NotActivated = "Votre compte n'est pas encore activé : ouvrez le lien reçu par e-mail.";
    public const string ResendActivation = "Renvoyer le lien d'activation";
    public const string Registered = "Compte créé ! Consultez votre boîte mail pour l'activer.";
    public const string PasswordReset = "Votre mot de passe a été changé. Connectez-vous avec le nouveau.";
    public const string InvalidEmail = "Saisissez une adresse e-mail valide.";
    public const string EmailRequired = "Saisissez votre adresse e-mail.";
    public const string PasswordRequired = "Saisissez votre mot de passe.";
    public const string NameRequired = "Saisissez votre nom d'artiste (2 caractères au moins).";
    public const string NameTooLong = "Le nom ne peut pas dépasser 100 caractères.";
    public const string PasswordsDiffer = "Les mots de passe ne correspondent pas.";
    public const string WhatsAppInvalid = "Ce numéro WhatsApp n'est pas valide (ex. 677 12 34 56 ou +237 677 12 34 56).";
}
