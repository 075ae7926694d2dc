using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

public sealed record LoginInput
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public bool RememberMe { get; init; }
}

public sealed class LoginValidator : AbstractValidator<LoginInput>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => AuthTexts.EmailRequired)
            .MaximumLength(256).EmailAddress().WithMessage(_ => AuthTexts.InvalidEmail);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => AuthTexts.PasswordRequired)
            .MaximumLength(PasswordRules.MaxLength).WithMessage(_ => AuthTexts.WrongCredentials);
    }
}

public class LoginModel(
    UserManager<Artist> users, PosaXSignInManager signIn, IPasswordHasher<Artist> hasher,
    AccountThrottle throttle, IValidator<LoginInput> validator) : AuthPanelsPage
{
    public override AuthPanel ActivePanel => AuthPanel.Login;

    [TempData] public string? PendingEmail { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm] LoginInput input)
    {
        Login = input with { Password = null };
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);
        var email = input.Email!.Trim();

        var client = HttpContext.Connection.RemoteIpAddress;
        // Before anything is checked, and the same for an address that exists or not (AccountThrottle).
        if (throttle.LoginWait(email, client) is { } wait) return Throttled(wait);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Same work as a real check, so the answer's timing does not tell who is registered.
            DummyPassword.Verify(hasher, input.Password!);
            throttle.LoginFailed(email, client);
            return Refused(AuthTexts.WrongCredentials);
        }

        // The password first, then the account's state: the template's PasswordSignInAsync
        // checks "confirmed" before the password and so tells anyone which addresses exist.
        // A failure locks nothing (PosaXUserManager): it only counts in the throttle.
        if (!await users.CheckPasswordAsync(user, input.Password!))
        {
            throttle.LoginFailed(email, client);
            return Refused(AuthTexts.WrongCredentials);
        }
        if (!user.EmailConfirmed)
        {
            PendingEmail = user.Email;
            return Refused(AuthTexts.NotActivated, "/inscription/confirmation");
        }
        // Only after the password: telling a stranger an address is suspended would enumerate it.
        if (user.SuspendedAt is not null) return Refused(AuthTexts.Suspended);
        var result = await signIn.SignInOrRequireTwoFactorAsync(user, input.RememberMe);
        var landing = SafeReturnUrl(await SignInLanding.ForAsync(users, user));
        if (result.RequiresTwoFactor)
            return Succeeded(null, TwoFactorLoginModel.PathFor(landing, input.RememberMe));
        return Succeeded(null, landing);
    }
}

/// <summary>A password hash to verify against when no account exists (constant-time answers).</summary>
internal static class DummyPassword
{
    private static string? _hash;

    public static void Verify(IPasswordHasher<Artist> hasher, string password)
    {
        var user = new Artist { DisplayName = "", Slug = "" };
        _hash ??= hasher.HashPassword(user, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(user, _hash, password);
    }

    /// <summary>Costs what hashing a new password costs (registration with a taken address).</summary>
    public static void Hash(IPasswordHasher<Artist> hasher, string password) =>
        hasher.HashPassword(new Artist { DisplayName = "", Slug = "" }, password);
}
