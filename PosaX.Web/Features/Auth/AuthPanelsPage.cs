using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// /connexion and /inscription are one page holding both panels (the client's animated
/// template); each route owns the form it answers. This base carries what the shared view needs.
/// </summary>
public abstract class AuthPanelsPage : AjaxPageModel
{
    public abstract AuthPanel ActivePanel { get; }

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Values posted without JavaScript, shown again with their errors.</summary>
    public LoginInput Login { get; protected set; } = new();
    public RegisterInput Register { get; protected set; } = new();

    /// <summary>Only local paths: an open redirect would make a phishing link look like ours.</summary>
    protected string SafeReturnUrl(string fallback) =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : fallback;
}

public enum AuthPanel { Login, Register }
