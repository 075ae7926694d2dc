using FluentValidation;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Profile;

/// <summary>
/// The rules of the fields an artist gives both at registration and on the profile form, in one
/// place: the name shown publicly and the WhatsApp number buyers write to.
/// </summary>
public static class ArtistFieldRules
{
    public static IRuleBuilderOptions<T, string?> ArtistName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n?.Trim().Length >= 2).WithMessage(_ => ProfileTexts.NameRequired)
            .MaximumLength(Artist.DisplayNameMaxLength).WithMessage(_ => ProfileTexts.NameTooLong);

    /// <summary>Optional; when given, a number <see cref="WhatsAppNumber"/> can normalise.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalWhatsApp<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(w => string.IsNullOrWhiteSpace(w) || WhatsAppNumber.TryNormalize(w, out _)).WithMessage(_ => ProfileTexts.WhatsAppInvalid);
}
