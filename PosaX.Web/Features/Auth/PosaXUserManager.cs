using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Identity's user manager with its lockout turned off. Identity's lockout locks an account after
/// N failures whoever made them: any stranger could lock any artist or admin at will, and the
/// lock's answer differed from an unknown address's. Failed logins and codes are counted by
/// <see cref="AccountThrottle"/> instead, identically for known and unknown addresses; with this,
/// SignInManager neither checks a lock nor calls AccessFailedAsync on a wrong two-factor code.
/// </summary>
public sealed class PosaXUserManager(
    IUserStore<Artist> store, IOptions<IdentityOptions> options, IPasswordHasher<Artist> hasher,
    IEnumerable<IUserValidator<Artist>> userValidators, IEnumerable<IPasswordValidator<Artist>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<Artist>> logger)
    : UserManager<Artist>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}
