using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using PosaX.Web.Data;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// OWASP ASVS password rules: 8 to 128 characters, no composition rules, common passwords refused.
/// The list is the 50,000 most common 8+ character passwords (see the resource's commit).
/// </summary>
public sealed class PasswordRules : IPasswordValidator<Artist>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static string? Check(string? password, string? email = null, string? name = null)
    {
        if (string.IsNullOrEmpty(password)) return AuthTexts.Passwords.Required;
        if (password.Length < MinLength) return AuthTexts.Passwords.TooShort(MinLength);
        if (password.Length > MaxLength) return AuthTexts.Passwords.TooLong(MaxLength);
        var lowered = password.ToLowerInvariant();
        if (CommonPasswords.Value.Contains(lowered))
            return AuthTexts.Passwords.TooCommon;
        if (!string.IsNullOrEmpty(email) && lowered == email.Trim().ToLowerInvariant())
            return AuthTexts.Passwords.IsEmail;
        if (!string.IsNullOrEmpty(name) && lowered == name.Trim().ToLowerInvariant())
            return AuthTexts.Passwords.IsName;
        return null;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<Artist> manager, Artist user, string? password)
    {
        var problem = Check(password, user.Email, user.DisplayName);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRules", Description = problem }));
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var resource = typeof(PasswordRules).Assembly.GetManifestResourceStream("common-passwords.txt.gz")
            ?? throw new InvalidOperationException("common-passwords.txt.gz is not embedded.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
