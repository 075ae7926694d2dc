using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// A POST without a valid antiforgery token gets 400 and changes nothing (the framework's own
/// check); this only gives the fetch helper the project's JSON instead of an empty body.
/// </summary>
public sealed class AntiforgeryFailureAsJson : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult && AjaxRequests.IsAjax(context.HttpContext.Request))
            context.Result = new JsonResult(new AjaxResponse(false,
                InfrastructureTexts.Ajax.SessionExpired, null, AjaxResponse.NoErrors))
            { StatusCode = StatusCodes.Status400BadRequest };
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
