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
        if (await users.GetTwoFactorEnabledAsync(user)) return Succeeded(ProfileTexts.Security.EnabledState, Path);
        var code = (input.Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0) return Invalid("code", ProfileTexts.Security.CodeRequired);
        if (code.Length > 10 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return Invalid("code", ProfileTexts.Security.WrongCode);

        // If someone else enrolled with a stolen password, the owner hears of it at once. Queued
        // first, so the notice commits with the change itself (Identity's update saves the context).
        using (Languages.Use(user.Language))
            mailer.Queue(ProfileTexts.Mails.TwoFactorEnabled(user.Email!, user.DisplayName, site.Value.Absolute("/mot-de-passe-oublie", user.Language)));
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        // Sessions opened elsewhere with the password alone end now; this one just proved the
        // second factor and goes on.
        await db.EndOthersAsync(HttpContext, user.Id);
        return Succeeded(ProfileTexts.Security.Enabled, CodesPath + ReturnQuery());
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return Refused(ProfileTexts.Security.NotEnabled, Path);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        return Succeeded(ProfileTexts.Security.NewCodesDone, CodesPath);
    }

    public async Task<IActionResult> OnPostDisableAsync([FromForm] Input input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(input.Password) || input.Password.Length > PasswordRules.MaxLength
            || !await users.CheckPasswordAsync(user, input.Password))
            return Invalid("password", ProfileTexts.Security.WrongPassword);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later enrolment starts from a new key; the old recovery codes die with it.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        return Succeeded(ProfileTexts.Security.Disabled, Path);
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
