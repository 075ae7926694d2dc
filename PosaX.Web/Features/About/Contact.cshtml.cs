using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Web;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.About;

public sealed record ContactInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Message { get; init; }

    public const int NameMaxLength = 100;
    public const int MessageMinLength = 10;
    public const int MessageMaxLength = 3000;

    /// <summary>Browsers post a textarea's line breaks as CRLF; its maxlength counts them as one.</summary>
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}

public sealed class ContactValidator : AbstractValidator<ContactInput>
{
    public ContactValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => ContactInput.Clean(n).Length > 0).WithMessage(_ => AboutTexts.Contact.NameRequired)
            .Must(n => ContactInput.Clean(n).Length <= ContactInput.NameMaxLength).WithMessage(_ => AboutTexts.Contact.NameTooLong);
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .Must(e => ContactInput.Clean(e) is { Length: > 0 and <= 254 } v && !v.Any(char.IsWhiteSpace)).WithMessage(_ => AboutTexts.Contact.EmailInvalid)
            .EmailAddress().WithMessage(_ => AboutTexts.Contact.EmailInvalid);
        RuleFor(x => x.Message).Cascade(CascadeMode.Stop)
            .Must(m => ContactInput.Clean(m).Length >= ContactInput.MessageMinLength).WithMessage(_ => AboutTexts.Contact.MessageTooShort)
            .Must(m => ContactInput.Clean(m).Length <= ContactInput.MessageMaxLength).WithMessage(_ => AboutTexts.Contact.MessageTooLong);
    }
}

/// <summary>
/// /contact: a visitor writes to the team. The message is mailed (through the outbox) to
/// Site:ContactEmail; posts are limited per client IP (RateLimits:ContactPerIpPerHour). Not cached:
/// its form carries its own antiforgery token.
/// </summary>
public class ContactModel(PosaXDbContext db, Mailer mailer, IValidator<ContactInput> validator, IOptions<SiteOptions> site) : AjaxPageModel
{
    public ContactInput Input { get; private set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] ContactInput input, CancellationToken ct)
    {
        Input = input;
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        // The site's team reads French, whichever page the message was sent from.
        using (Languages.Use(Languages.French))
            mailer.Queue(AboutTexts.Contact.Mail(site.Value.ContactEmail, ContactInput.Clean(input.Name),
                ContactInput.Clean(input.Email), ContactInput.Clean(input.Message)));
        await db.SaveChangesAsync(ct);
        Input = new();
        return Succeeded(AboutTexts.Contact.Sent);
    }
}
