using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>"Check your mailbox", with a button that sends the activation link again.</summary>
public class RegisterConfirmationModel(
    PosaXDbContext db, UserManager<Artist> users, AccountMails mails, AccountThrottle throttle,
    IValidator<EmailInput> validator) : AjaxPageModel
{
    public string? Email { get; private set; }

    public void OnGet() => Email = TempData.Peek("PendingEmail") as string;

    public async Task<IActionResult> OnPostAsync([FromForm] EmailInput input)
    {
        Email = input.Email;
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid) return Invalid(null, validation);
        if (throttle.TryMail("activation", input.Email!) is { } wait) return Throttled(wait);

        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is { EmailConfirmed: false })
        {
            await mails.QueueActivationAsync(user);
            await db.SaveChangesAsync();
        }
        return Succeeded(AuthTexts.RegisterConfirmation.Sent);
    }
}
