using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

public class ForgotPasswordModel(
    PosaXDbContext db, UserManager<Artist> users, AccountMails mails, AccountThrottle throttle,
    IValidator<EmailInput> validator) : AjaxPageModel
{
    public string? Email { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm] EmailInput input)
    {
        Email = input.Email;
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid) return Invalid(null, validation);
        if (throttle.TryMail("reset", input.Email!) is { } wait) return Throttled(wait);

        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is not null)
        {
            // An account never activated gets its activation link: that is what its owner needs.
            if (user.EmailConfirmed) await mails.QueuePasswordResetAsync(user);
            else await mails.QueueActivationAsync(user);
            await db.SaveChangesAsync();
        }
        return Succeeded(AuthTexts.ForgotPassword.Sent);
    }
}
