using System.Security.Cryptography;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// "PX-7K3Q": short enough to read over the phone. Crockford's base32 alphabet (no I, L, O, U)
/// so nobody confuses 1/I/L or 0/O; random, made unique by the database's unique index.
/// </summary>
public static class OrderReference
{
    public const string Prefix = "PX-";
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 4;

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, Length);
}
