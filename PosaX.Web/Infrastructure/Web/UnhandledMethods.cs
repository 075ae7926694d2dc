using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Razor Pages renders a page for a method it has no handler for (a POST to a GET-only page, a
/// TRACE, a PUT) as if it were a GET, without running OnGet: at best a page that suggests it took
/// a write, at worst a 500. Such a request gets 405 with the Allow header listing GET, HEAD and the
/// methods the page does handle; a named handler the page does not have (<c>?handler=x</c>) gets 404.
/// </summary>
public sealed class UnhandledMethods : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (ResultFor(context) is { } refused) context.Result = refused;
    }

    /// <summary>Null when the request has a handler (or is a GET/HEAD); AjaxPageModel asks it first too.</summary>
    public static IActionResult? ResultFor(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return null;
        var handled = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (handled.Contains(method.ToUpperInvariant())) return new NotFoundResult();
        context.HttpContext.Response.Headers.Allow = string.Join(", ", new[] { "GET", "HEAD" }.Concat(handled.Where(m => m is not ("GET" or "HEAD")).Order()));
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
