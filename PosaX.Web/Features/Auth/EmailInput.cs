using FluentValidation;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>The one field of the resend-activation and forgot-password forms.</summary>
public sealed record EmailInput
{
    public string? Email { get; init; }
}

public sealed class EmailInputValidator : AbstractValidator<EmailInput>
{
    public EmailInputValidator() =>
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => AuthTexts.EmailRequired)
            .MaximumLength(256).WithMessage(_ => AuthTexts.InvalidEmail)
            .EmailAddress().WithMessage(_ => AuthTexts.InvalidEmail);
}
