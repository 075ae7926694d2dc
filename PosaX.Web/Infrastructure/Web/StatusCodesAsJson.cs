using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using PosaX.Web.Features.Shared;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// A handler that answers a bare status (<c>return NotFound()</c> for another artist's work, say)
/// gives the fetch helper an empty body; status-code pages only dress GETs. For a fetch, the
/// same status goes out with the JSON contract and the error page's French words.
/// </summary>
public sealed class StatusCodesAsJson : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        // Antiforgery failures have their own message (AntiforgeryFailureAsJson).
        if (context.Result is not StatusCodeResult { StatusCode: >= 400 and var status }
            || context.Result is IAntiforgeryValidationFailedResult
            || !AjaxRequests.IsAjax(context.HttpContext.Request)) return;
        var (heading, explanation) = SharedTexts.Error.For(status);
        context.Result = new JsonResult(new AjaxResponse(false, $"{heading} : {explanation}", null, AjaxResponse.NoErrors))
            { StatusCode = status };
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
