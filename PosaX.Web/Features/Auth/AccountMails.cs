using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// The account mails and their links. Links are absolute, built from Site__BaseUrl (never from
/// the Host header, which an attacker chooses), and carry Identity's purpose-bound, expiring tokens.
/// Each is written in the account's language (<see cref="Artist.Language"/>), whatever page caused it.
/// </summary>
public sealed class AccountMails(UserManager<Artist> users, Mailer mailer, IOptions<SiteOptions> site)
{
    public async Task QueueActivationAsync(Artist user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        using (Languages.Use(user.Language))
            mailer.Queue(AuthTexts.Mails.Activation(user.Email!, user.DisplayName, Link("/activation", user.Id, token, user.Language)));
    }

    public async Task QueuePasswordResetAsync(Artist user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        using (Languages.Use(user.Language))
            mailer.Queue(AuthTexts.Mails.PasswordReset(user.Email!, user.DisplayName, Link("/reinitialisation", user.Id, token, user.Language)));
    }

    public void QueueAlreadyRegistered(Artist user)
    {
        using (Languages.Use(user.Language))
            mailer.Queue(AuthTexts.Mails.AlreadyRegistered(user.Email!, user.DisplayName,
                Page("/connexion", user.Language), Page("/mot-de-passe-oublie", user.Language)));
    }

    public void QueuePasswordChanged(Artist user)
    {
        using (Languages.Use(user.Language))
            mailer.Queue(AuthTexts.Mails.PasswordChanged(user.Email!, user.DisplayName, Page("/mot-de-passe-oublie", user.Language)));
    }

    private Uri Link(string path, Guid userId, string token, string language) =>
        Page($"{path}?userId={userId}&code={EncodeToken(token)}", language);

    private Uri Page(string pathAndQuery, string language) => site.Value.Absolute(pathAndQuery, language);

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
