using Microsoft.AspNetCore.Identity;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Identity's own refusals in the site's words and the page's language. Only the password's length can reach
/// a page (ResetPassword shows an error whose code starts with "Password"); PasswordRules says everything else.
/// </summary>
public sealed class PosaXIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = AuthTexts.Passwords.TooShort(length) };
}
