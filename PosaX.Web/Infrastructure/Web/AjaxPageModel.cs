using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// A page whose forms post by AJAX and still work without JavaScript. Handlers say what
/// happened (<see cref="Succeeded"/>, <see cref="Invalid"/>, <see cref="Throttled"/>); this class
/// answers JSON to the fetch helper and HTML (redirect or the page again, with errors) to a plain post.
/// </summary>
public abstract class AjaxPageModel : PageModel
{
    /// <summary>What the last post answered; the page shows it when rendered without JavaScript.</summary>
    public AjaxResponse? Outcome { get; private set; }

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;

    protected bool IsAjax => AjaxRequests.IsAjax(Request);

    /// <summary>
    /// Model binding swallows a body it could not read (too large: Kestrel's 413, malformed
    /// multipart) and hands the handler a null input. Answer those here, with their real status.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // A post naming no handler of this page (?handler=Unknown: 404), or a method it does not
        // handle (405) would render the page without its GET having run (UnhandledMethods).
        if (UnhandledMethods.ResultFor(context) is { } refused)
        {
            context.Result = refused;
            return;
        }
        var (form, refusedWith) = await RequestForms.ReadAsync(Request, HttpContext.RequestAborted);
        if (form is null)
        {
            context.Result = Answer(refusedWith, RequestForms.Refusal(refusedWith));
            return;
        }
        if (form.FirstOrDefault(f => f.Value.Any(v => v is not null && !FormText.IsTypeable(v))) is { Key: not null } untypeable)
        {
            context.Result = Invalid(FieldName(untypeable.Key), FormText.Untypeable);
            return;
        }
        var formInputMissing = context.HandlerMethod?.Parameters.Any(p =>
            p.BindingInfo?.BindingSource == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Form
            && (!context.HandlerArguments.TryGetValue(p.Name, out var value) || value is null)) == true;
        if (formInputMissing)
        {
            context.Result = Refused(InfrastructureTexts.Ajax.Incomplete);
            return;
        }
        await next();
    }

    /// <summary>Handlers name French paths; on an English page the visitor goes on in English (<see cref="LocalizedPaths"/>).</summary>
    public new RedirectResult Redirect(string url) => base.Redirect(LocalizedPaths.For(url));

    public override LocalRedirectResult LocalRedirect(string localUrl) => base.LocalRedirect(LocalizedPaths.For(localUrl));

    protected IActionResult Succeeded(string? message, string? redirectUrl = null, RowState? state = null)
    {
        redirectUrl = redirectUrl is null ? null : LocalizedPaths.For(redirectUrl);
        Outcome = new AjaxResponse(true, message, redirectUrl, AjaxResponse.NoErrors) { State = state };
        if (IsAjax) return new JsonResult(Outcome);
        if (redirectUrl is not null) return Redirect(redirectUrl);
        return Page();
    }

    /// <summary>400 with field errors (validation and model-binding errors merged).</summary>
    protected IActionResult Invalid(string? message, ValidationResult? validation = null, string? redirectUrl = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, entry) in ModelState)
            foreach (var error in entry.Errors)
                Add(errors, FieldName(key), InfrastructureTexts.Ajax.InvalidValue);
        if (validation is not null)
            foreach (var failure in validation.Errors)
                Add(errors, FieldName(failure.PropertyName), failure.ErrorMessage);
        return Answer(StatusCodes.Status400BadRequest,
            new AjaxResponse(false, message ?? InfrastructureTexts.Ajax.FixFields, redirectUrl is null ? null : LocalizedPaths.For(redirectUrl),
                errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray())));
    }

    protected IActionResult Invalid(string field, string error, string? message = null) =>
        Answer(StatusCodes.Status400BadRequest, new AjaxResponse(false, message ?? error, null,
            new Dictionary<string, string[]> { [field] = [error] }));

    /// <summary>An upload the image pipeline refused: its own status (400 or 413), the message at the field.</summary>
    protected IActionResult Invalid(string field, Images.ImageRejection rejection, string? message = null) =>
        Answer(rejection.StatusCode, new AjaxResponse(false, message ?? rejection.Message, null,
            new Dictionary<string, string[]> { [field] = [message ?? rejection.Message] }));

    /// <summary>400 with a message and no field to blame (wrong credentials, expired link…).</summary>
    protected IActionResult Refused(string message, string? redirectUrl = null) =>
        Answer(StatusCodes.Status400BadRequest, new AjaxResponse(false, message, redirectUrl is null ? null : LocalizedPaths.For(redirectUrl), AjaxResponse.NoErrors));

    protected IActionResult Throttled(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Answer(StatusCodes.Status429TooManyRequests, new AjaxResponse(false,
            InfrastructureTexts.Ajax.TooManyAttempts(seconds), null, AjaxResponse.NoErrors));
    }

    protected IActionResult Answer(int status, AjaxResponse response)
    {
        Outcome = response;
        if (IsAjax) return new JsonResult(response) { StatusCode = status };
        var page = Page();
        HttpContext.Response.StatusCode = status;
        return page;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>"Input.ConfirmPassword" → "confirmPassword": the field names the forms post.</summary>
    internal static string FieldName(string key)
    {
        var last = key[(key.LastIndexOf('.') + 1)..];
        return JsonNamingPolicy.CamelCase.ConvertName(last);
    }
}
