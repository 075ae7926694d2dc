using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// POST /deconnexion deletes the server-side session (see DbTicketStore): the cookie, even
/// copied elsewhere, no longer signs anyone in. The next page gets a fresh antiforgery token.
/// </summary>
public class LogoutModel(SignInManager<Artist> signIn) : AjaxPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Succeeded(AuthTexts.Logout.SignedOut, "/");
    }
}
