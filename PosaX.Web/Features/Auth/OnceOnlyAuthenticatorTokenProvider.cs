using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Identity's authenticator (TOTP) provider, but a code is accepted once (RFC 6238 §5.2: "the
/// verifier MUST NOT accept the second attempt of the same OTP"): the step it belongs to must be
/// later than the last step accepted for the account, which is then recorded
/// (<see cref="Artist.LastTotpStep"/>) by one conditional UPDATE, so two requests racing with the
/// same code cannot both pass. Enrolment's check counts as a use. Identity's tolerance is kept:
/// two steps (60 s) either side of the server's clock, for phones whose clock drifts.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(PosaXDbContext db, TimeProvider time) : AuthenticatorTokenProvider<Artist>
{
    private const int StepSeconds = 30;
    private const int Tolerance = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<Artist> manager, Artist user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;
        var secret = Base32(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Tolerance; step <= now + Tolerance; step++)
        {
            if (Code(secret, step) != code) continue;
            var accepted = step;
            var claimed = await db.Users.Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < accepted))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTotpStep, accepted));
            if (claimed == 1) user.LastTotpStep = accepted;
            return claimed == 1;
        }
        return false;
    }

    /// <summary>RFC 6238 with HMAC-SHA1 and six digits, as authenticator apps compute it.</summary>
    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
