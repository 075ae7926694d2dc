using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;
using Texts = PosaX.Web.Features.Auth.AuthTexts.TwoFactorLogin;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// The login's second step for accounts with an authenticator app: the password was right
/// (Connexion put the account in Identity's short-lived two-factor cookie), now the six-digit
/// code, or one of the recovery codes given at enrolment.
/// </summary>
public class TwoFactorLoginModel(PosaXSignInManager signIn, AccountThrottle throttle) : AjaxPageModel
{
    public const string Path = "/connexion/double-authentification";

    public static string PathFor(string returnUrl, bool rememberMe) =>
        $"{Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}{(rememberMe ? "&rememberMe=true" : "")}";

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "rememberMe")] public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/connexion") : Page();

    public sealed record CodeInput
    {
        public string? Code { get; init; }
        public string? RecoveryCode { get; init; }
    }

    public async Task<IActionResult> OnPostAsync([FromForm] CodeInput input) =>
        await VerifyAsync("code", input.Code, c => signIn.TwoFactorAuthenticatorSignInAsync(c, RememberMe, rememberClient: false));

    public async Task<IActionResult> OnPostRecoveryAsync([FromForm] CodeInput input) =>
        await VerifyAsync("recoveryCode", input.RecoveryCode, signIn.TwoFactorRecoveryCodeSignInAsync);

    private async Task<IActionResult> VerifyAsync(string field, string? code, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> signInWith)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.SuspendedAt is not null) return Refused(Texts.Expired, "/connexion");
        // The same per-account budget as passwords: six digits must not be guessable by volume.
        // A wrong code counts there and locks nothing (PosaXUserManager turns Identity's lockout off).
        var client = HttpContext.Connection.RemoteIpAddress;
        if (throttle.LoginWait(user.Email!, client) is { } wait) return Throttled(wait);
        var cleaned = (code ?? "").Replace(" ", "").Replace("-", "").Trim();
        if (cleaned.Length is 0 or > 32) return Invalid(field, cleaned.Length == 0 ? Texts.CodeRequired : Texts.WrongCode);
        var result = await signInWith(cleaned);
        if (result.Succeeded)
            return Succeeded(null, !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await SignInLanding.ForAsync(signIn.UserManager, user));
        throttle.LoginFailed(user.Email!, client);
        return Invalid(field, Texts.WrongCode);
    }
}
