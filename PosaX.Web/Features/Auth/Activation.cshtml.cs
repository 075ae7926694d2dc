using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// The emailed link: activates the account, signs in and lands on the atelier's checklist ("Compte activé"). The link works once
/// (the security stamp changes); opening it again, as mail scanners do, just says "already active".
/// </summary>
public class ActivationModel(UserManager<Artist> users, SignInManager<Artist> signIn) : PageModel
{
    public string Heading { get; private set; } = AuthTexts.Activation.InvalidHeading;
    public string Explanation { get; private set; } = AuthTexts.Activation.InvalidExplanation;
    public bool AlreadyActive { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountMails.DecodeToken(code);
        var user = Guid.TryParse(userId, out var id) && token is not null ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || token is null) return Answer();

        if (user.EmailConfirmed)
        {
            AlreadyActive = true;
            Heading = AuthTexts.Activation.AlreadyActiveHeading;
            Explanation = AuthTexts.Activation.AlreadyActiveExplanation;
            return Answer();
        }
        var confirmed = await users.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded) return Answer();

        await users.UpdateSecurityStampAsync(user);
        // A suspended account may confirm its address but not open a session.
        // The link of an English mail opens an English page: the artist stays in that language.
        if (user.SuspendedAt is not null) return LocalRedirect(LocalizedPaths.For("/connexion"));
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(LocalizedPaths.For(PosaX.Web.Features.Atelier.AtelierHomeModel.WelcomePath));
    }

    private PageResult Answer()
    {
        Response.StatusCode = AlreadyActive ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return Page();
    }
}
