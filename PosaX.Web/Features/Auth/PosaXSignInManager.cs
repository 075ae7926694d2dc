using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Identity's sign-in manager with one protected step made public: the login page checks the
/// password and the account state itself (in an order that does not enumerate accounts), then
/// needs "sign in, or ask for the second factor" without Identity checking the password again.
/// </summary>
public sealed class PosaXSignInManager(
    UserManager<Artist> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<Artist> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<Artist>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Artist> confirmation)
    : SignInManager<Artist>(users, context, claims, options, logger, schemes, confirmation)
{
    /// <summary>Signs in, or, for an account with two-factor enabled, starts the second step.</summary>
    public Task<SignInResult> SignInOrRequireTwoFactorAsync(Artist user, bool isPersistent) =>
        SignInOrTwoFactorAsync(user, isPersistent);
}
