using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PosaX.Web.Data;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Identity's EF store keeps two-factor recovery codes in clear in AspNetUserTokens; a database
/// dump would then hand out second factors. This store keeps their SHA-256 instead (the codes are
/// random, 50 bits each, so a fast hash suffices) and hashes what is typed before comparing.
/// </summary>
public sealed class HashedRecoveryCodesUserStore(PosaXDbContext db, IdentityErrorDescriber? describer = null)
    : UserStore<Artist, IdentityRole<Guid>, PosaXDbContext, Guid>(db, describer)
{
    public override Task ReplaceCodesAsync(Artist user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(Artist user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    // Typed by hand: case, spaces and the hyphen are not significant.
    private static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            code.Replace("-", "").Replace(" ", "").Trim().ToUpperInvariant())));
}
