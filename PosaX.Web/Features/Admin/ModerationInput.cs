using FluentValidation;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// The posted form of an admin act on one thing, with the reason the journal keeps (and, for hiding
/// or suspending, the mail to the artist says): hide or show a work, suspend or reactivate an artist.
/// </summary>
public sealed record ModerationInput<TId> where TId : struct
{
    public TId? Id { get; init; }
    public string? Reason { get; init; }
}

/// <summary>An act that must say why: the reason is required and fits the journal.</summary>
public abstract class ModerationReasonValidator<TId> : AbstractValidator<ModerationInput<TId>> where TId : struct
{
    protected ModerationReasonValidator(string unknownTarget)
    {
        RuleFor(x => x.Id).NotNull().WithMessage(_ => unknownTarget);
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => AdminTexts.Moderation.ReasonRequired)
            .MaximumLength(AdminJournal.ReasonMaxLength).WithMessage(_ => AdminTexts.Moderation.ReasonTooLong);
    }
}
