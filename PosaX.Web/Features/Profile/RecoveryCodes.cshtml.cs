using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Profile;

/// <summary>
/// The recovery codes, shown once: they travel from the enrol handler in TempData (an encrypted,
/// read-once cookie); the database keeps only their hashes (HashedRecoveryCodesUserStore).
/// </summary>
public class RecoveryCodesModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")] public string? ReturnUrl { get; set; }
    public string[] Codes { get; private set; } = [];
    public string Next => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : SecurityModel.Path;

    public void OnGet()
    {
        Codes = (TempData[SecurityModel.RecoveryCodesKey] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        // Never cached by the browser: the codes are secrets.
        Response.Headers.CacheControl = "no-store";
    }
}
