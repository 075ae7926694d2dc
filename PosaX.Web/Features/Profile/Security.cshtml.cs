using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Web;
using QRCoder;

namespace PosaX.Web.Features.Profile;

/// <summary>
/// /profil/securite: two-factor authentication with an authenticator app (TOTP, Identity's own
/// provider) and ten single-use recovery codes. Open to every account; admins must enrol when
/// Admin__RequireTwoFactor is on (AdminTwoFactorFilter sends them here).
/// </summary>
public class SecurityModel(UserManager<Artist> users, PosaXSignInManager signIn, PosaXDbContext db,
    Mailer mailer, IOptions<SiteOptions> site) : AjaxPageModel
{
    public const string Path = "/profil/securite";
    public const string CodesPath = "/profil/securite/codes";
    public const int RecoveryCodeCount = 10;
    internal const string RecoveryCodesKey = "RecoveryCodes";

    public static class Texts
    {
        public const string Title = "Sécurité du compte";
        public const string Intro = "La double authentification protège votre compte même si votre mot de passe est découvert : à chaque connexion, un code à 6 chiffres de votre téléphone vous est demandé.";
        public const string Required = "Pour accéder à la modération, activez d'abord la double authentification.";
        public const string EnabledState = "La double authentification est activée.";
        public const string Step1 = "1. Installez une application d'authentification (Google Authenticator, Microsoft Authenticator, Aegis, FreeOTP…).";
        public const string Step2 = "2. Scannez ce code QR, ou saisissez la clé ci-dessous dans l'application.";
        public const string Key = "Clé";
        public const string Step3 = "3. Saisissez le code à 6 chiffres affiché par l'application.";
        public const string Code = "Code de vérification";
        public const string Enable = "Activer";
        public const string Enabled = "Double authentification activée. Notez vos codes de secours.";
        public const string WrongCode = "Code incorrect : vérifiez l'heure de votre téléphone et réessayez.";
        public const string CodeRequired = "Saisissez le code affiché par l'application.";
        public const string CodesLeft = "Codes de secours restants :";
        public const string NewCodes = "Générer de nouveaux codes de secours";
        public const string NewCodesHint = "Les anciens codes cesseront de fonctionner.";
        public const string NewCodesDone = "Nouveaux codes générés.";
        public const string Disable = "Désactiver la double authentification";
        public const string DisableHint = "Confirmez avec votre mot de passe.";
        public const string Password = "Mot de passe";
        public const string WrongPassword = "Mot de passe incorrect.";
        public const string Disabled = "Double authentification désactivée.";
        public const string NotEnabled = "La double authentification n'est pas activée.";
        public const string CodesTitle = "Vos codes de secours";
        public const string CodesIntro = "Chaque code permet une connexion sans votre téléphone, une seule fois. Gardez-les en lieu sûr : ils ne seront plus affichés.";
        public const string NoCodes = "Ces codes ne sont affichés qu'une fois. Générez-en de nouveaux depuis la page Sécurité si vous les avez perdus.";
        public const string Continue = "Continuer";
        public const string MailSubject = "Double authentification activée sur votre compte PosaX";
    }

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")] public string? ReturnUrl { get; set; }
    public bool IsEnabled { get; private set; }
    public int CodesLeft { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrSvg { get; private set; }

    public sealed record Input
    {
        public string? Code { get; init; }
        public string? Password { get; init; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync([FromForm] Input input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return Succeeded(Texts.EnabledState, Path);
        var code = (input.Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0) return Invalid("code", Texts.CodeRequired);
        if (code.Length > 10 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return Invalid("code", Texts.WrongCode);

        // If someone else enrolled with a stolen password, the owner hears of it at once. Queued
        // first, so the notice commits with the change itself (Identity's update saves the context).
        mailer.Queue(MailTemplates.Build(user.Email!, Texts.MailSubject, $"Bonjour {user.DisplayName},",
            "La double authentification vient d'être activée sur votre compte PosaX. Si ce n'est pas vous, réinitialisez votre mot de passe et répondez à ce message :",
            site.Value.Absolute("/mot-de-passe-oublie"), null));
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        // Sessions opened elsewhere with the password alone end now; this one just proved the
        // second factor and goes on.
        await db.EndOthersAsync(HttpContext, user.Id);
        return Succeeded(Texts.Enabled, CodesPath + ReturnQuery());
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return Refused(Texts.NotEnabled, Path);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        return Succeeded(Texts.NewCodesDone, CodesPath);
    }

    public async Task<IActionResult> OnPostDisableAsync([FromForm] Input input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(input.Password) || input.Password.Length > PasswordRules.MaxLength
            || !await users.CheckPasswordAsync(user, input.Password))
            return Invalid("password", Texts.WrongPassword);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later enrolment starts from a new key; the old recovery codes die with it.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        return Succeeded(Texts.Disabled, Path);
    }

    /// <summary>
    /// A post answered with the page itself (no JavaScript: a wrong code or password, an unreadable
    /// form) shows the account's state as the GET does; without it the page has no key to show.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        PageHandlerExecutedContext? executed = null;
        await base.OnPageHandlerExecutionAsync(context, async () => executed = await next());
        if ((executed?.Result ?? context.Result) is PageResult && !HttpMethods.IsGet(Request.Method)
            && await users.GetUserAsync(User) is { } user)
            await LoadAsync(user);
    }

    private string ReturnQuery() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl) : "";

    private async Task LoadAsync(Artist user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (IsEnabled)
        {
            CodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("PosaX:" + user.Email)}?secret={key}&issuer=PosaX&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        // An <svg> element in the page, not an image URL: no extra request, and nothing for the CSP to allow.
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>"ABCD EFGH …": easier to type into a phone.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) grouped.Append(' ');
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToLowerInvariant();
    }
}
