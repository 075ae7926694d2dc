using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

public sealed record ResetInput
{
    public string? UserId { get; init; }
    public string? Code { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }
}

public sealed class ResetValidator : AbstractValidator<ResetInput>
{
    public ResetValidator()
    {
        RuleFor(x => x.Password).Custom((password, context) =>
        {
            if (PasswordRules.Check(password) is { } problem) context.AddFailure(problem);
        });
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => AuthTexts.PasswordsDiffer);
    }
}

/// <summary>The emailed reset link: a new password ends every open session of the account.</summary>
public class ResetPasswordModel(
    PosaXDbContext db, UserManager<Artist> users, AccountMails mails, IValidator<ResetInput> validator) : AjaxPageModel
{
    public string? UserId { get; private set; }
    public string? Code { get; private set; }

    public void OnGet(string? userId, string? code)
    {
        UserId = userId;
        Code = code;
    }

    public async Task<IActionResult> OnPostAsync([FromForm] ResetInput input)
    {
        (UserId, Code) = (input.UserId, input.Code);
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid) return Invalid(null, validation);

        var token = AccountMails.DecodeToken(input.Code);
        var user = Guid.TryParse(input.UserId, out var id) && token is not null ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || token is null) return Refused(AuthTexts.ResetPassword.InvalidLink);

        var result = await users.ResetPasswordAsync(user, token, input.Password!);
        if (!result.Succeeded)
        {
            var passwordProblem = result.Errors.FirstOrDefault(e => e.Code.StartsWith("Password", StringComparison.Ordinal));
            return passwordProblem is null ? Refused(AuthTexts.ResetPassword.InvalidLink) : Invalid("password", passwordProblem.Description);
        }
        // Whoever knew the old password is out, everywhere.
        await db.EndAllAsync(user.Id);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true; // the link proved the mailbox is theirs
            await users.UpdateAsync(user);
        }
        mails.QueuePasswordChanged(user);
        await db.SaveChangesAsync();
        return Succeeded(AuthTexts.PasswordReset, "/connexion?reinitialise=1");
    }
}
