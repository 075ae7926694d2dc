using Microsoft.AspNetCore.Identity;

namespace PosaX.Web.Data;

/// <summary>
/// An artist's account and public profile: the client's Django <c>Artiste</c> model.
/// The login is the email (UserName mirrors it); <see cref="IdentityUser{TKey}.EmailConfirmed"/>
/// is the client's <c>email_verified</c> and also what makes the account active.
/// </summary>
public class Artist : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;
    public const int BioMaxLength = 4000;
    public const int SocialUrlMaxLength = 300;
    public const int TermsVersionMaxLength = 16;
    public const int CityMaxLength = 80;
    public const int LanguageMaxLength = 8;

    /// <summary>
    /// Shadow column: the artist's number in order of creation, given by the database (an identity on
    /// PostgreSQL, the row's rowid set by a trigger on SQLite), never by the app. The artists' sitemap
    /// children are blocks of these numbers (<c>/sitemaps/artistes-{n}.xml</c>), found by a range of an
    /// index the way work sitemaps are blocks of work ids: an artist stays in one block for good.
    /// </summary>
    public const string SitemapNumberProperty = "SitemapNumber";

    /// <summary>The client's <c>nom</c>.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Unique, accent-free, lower-case; the public URL is <c>/artistes/{Slug}</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>Markdown, rendered and sanitised on display.</summary>
    public string? Bio { get; set; }

    /// <summary>E.164, e.g. <c>+237677123456</c>.</summary>
    public string? WhatsApp { get; set; }

    /// <summary>Where the artist works ("Douala", "Foumban"), optional: shown on the artist page and cards.</summary>
    public string? City { get; set; }

    public string? FacebookUrl { get; set; }
    public string? InstagramUrl { get; set; }

    /// <summary>Key of the processed profile photo in media storage (see <c>ImagePipeline</c>).</summary>
    public string? PhotoKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Set by an admin: the artist cannot sign in, their sessions are ended, and their public page
    /// and works leave the site until reactivated (issue "Moderation").
    /// </summary>
    public DateTime? SuspendedAt { get; set; }

    /// <summary>
    /// The last authenticator time step (Unix seconds / 30) accepted for this account: a code is
    /// accepted once, and never one of an earlier step (RFC 6238 §5.2; OnceOnlyAuthenticatorTokenProvider).
    /// </summary>
    public long? LastTotpStep { get; set; }

    public string? SuspendedReason { get; set; }

    /// <summary>The version of the conditions (<c>/conditions-generales</c>) accepted at sign-up, e.g. "2026-12".</summary>
    public string? TermsVersion { get; set; }

    /// <summary>When (UTC) the conditions of <see cref="TermsVersion"/> were accepted.</summary>
    public DateTime? TermsAcceptedAt { get; set; }

    /// <summary>
    /// The language of the artist's mails ("fr" or "en", <see cref="Infrastructure.Text.Languages"/>): the page's
    /// at sign-up, then as chosen on /profil. Private: not a public column (PublicCacheEviction).
    /// </summary>
    public string Language { get; set; } = Infrastructure.Text.Languages.French;

    /// <summary>Optional English version of <see cref="Bio"/> (Markdown, same rules): English pages show it when present.</summary>
    public string? BioEn { get; set; }
}
