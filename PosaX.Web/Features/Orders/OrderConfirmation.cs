using System.Security.Cryptography;
using System.Text;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// The buyer's own page of an order, /commandes/{reference}/{secret}. The reference alone is
/// guessable (32⁴ values), so the link carries a random 128-bit secret too; the database keeps only
/// its SHA-256, compared in constant time. A wrong or missing secret is the same 404 as an unknown
/// reference.
/// </summary>
public static class OrderConfirmation
{
    public const string PathPrefix = "/commandes/";

    /// <summary>A new secret (22 URL-safe characters) and the hash to store.</summary>
    public static (string Secret, string Hash) NewSecret()
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(16));
        return (secret, Hash(secret));
    }

    public static string Path(string reference, string secret) =>
        PathPrefix + Uri.EscapeDataString(reference) + "/" + Uri.EscapeDataString(secret);

    public static bool Matches(string? storedHash, string? secret)
    {
        if (storedHash is null || string.IsNullOrEmpty(secret) || secret.Length > 64) return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(secret)));
    }

    private static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
