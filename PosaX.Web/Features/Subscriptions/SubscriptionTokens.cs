using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>What an unsubscribe or renew link names: one subscription (address and target), or every follow of an address.</summary>
public sealed record SubscriptionRef(string Email, string? Target)
{
    public bool AllFollows => Target is null;
}

/// <summary>
/// The tokens of subscription links. A confirmation link carries a random token of which only the
/// SHA-256 is stored (a leaked database confirms nobody). Unsubscribe and renew links must be
/// written into mails the daily job builds long after the confirmation, so they cannot be random
/// tokens stored hashed: they are the address and target sealed by Data Protection (keys kept in
/// the database, shared by every instance, old keys still read), unforgeable and never stored.
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("PosaX.Subscriptions.Unsubscribe");
    private readonly IDataProtector _renew = protection.CreateProtector("PosaX.Subscriptions.Renew");

    public static (string Token, string Hash) NewConfirmToken()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public string Unsubscribe(SubscriptionRef subscription) => Seal(_unsubscribe, subscription);
    public SubscriptionRef? ReadUnsubscribe(string token) => Open(_unsubscribe, token);

    public string Renew(SubscriptionRef subscription) => Seal(_renew, subscription);
    public SubscriptionRef? ReadRenew(string token) => Open(_renew, token);

    private static string Seal(IDataProtector protector, SubscriptionRef subscription) =>
        protector.Protect(subscription.Email + "\n" + (subscription.Target ?? ""));

    private static SubscriptionRef? Open(IDataProtector protector, string token)
    {
        if (token.Length is 0 or > 1000) return null;
        try
        {
            var parts = protector.Unprotect(token).Split('\n', 2);
            return parts.Length == 2 ? new SubscriptionRef(parts[0], parts[1].Length == 0 ? null : parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
