using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Admin;

/// <summary>
/// On every /admin page (after the Admin policy has let the request in): with
/// <see cref="AdminOptions.RequireTwoFactor"/>, an admin who has not enabled an authenticator app
/// is sent to enrol first (a fetch gets a 403 whose redirect_url is the enrolment page).
/// </summary>
public sealed class AdminTwoFactorFilter(UserManager<Artist> users, IOptions<AdminOptions> options) : IAsyncPageFilter
{
    public const string EnrolPath = "/profil/securite";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (options.Value.RequireTwoFactor && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(context.HttpContext.User);
            if (user is null || !await users.GetTwoFactorEnabledAsync(user))
            {
                var request = context.HttpContext.Request;
                var enrol = $"{EnrolPath}?ReturnUrl={Uri.EscapeDataString(request.Path + request.QueryString)}";
                context.Result = AjaxRequests.IsAjax(request)
                    ? new JsonResult(new AjaxResponse(false, AdminTexts.TwoFactorRequired, enrol, AjaxResponse.NoErrors))
                        { StatusCode = StatusCodes.Status403Forbidden }
                    : new RedirectResult(enrol);
                return;
            }
        }
        await next();
    }
}
