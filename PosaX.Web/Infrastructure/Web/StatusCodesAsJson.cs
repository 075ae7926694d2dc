using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using PosaX.Web.Features.Shared;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// A handler that answers a bare status (<c>return NotFound()</c> for another artist's work, say)
/// gives the fetch helper an empty body; status-code pages only dress GETs. For a fetch, the
/// same status goes out with the JSON contract and the error page's words (in the page's language).
/// </summary>
public sealed class StatusCodesAsJson : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        // Antiforgery failures have their own message (AntiforgeryFailureAsJson).
        if (context.Result is not StatusCodeResult { StatusCode: >= 400 and var status }
            || context.Result is IAntiforgeryValidationFailedResult
            || !AjaxRequests.IsAjax(context.HttpContext.Request)) return;
        context.Result = new JsonResult(new AjaxResponse(false, SharedTexts.Error.Message(status), null, AjaxResponse.NoErrors))
            { StatusCode = status };
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
