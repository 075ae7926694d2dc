using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Shared;

/// <summary>
/// Status codes of GET requests are re-executed here (a French page); exceptions and failed
/// posts are answered by <see cref="Infrastructure.Web.ErrorResponses"/>.
/// </summary>
public class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int? code)
    {
        Status = code is >= 400 and < 600 ? code.Value : 404;
        (Heading, Explanation) = SharedTexts.Error.For(Status);
        ViewData["Meta"] = new PageMeta(Heading, NoIndex: true);
        Response.StatusCode = Status;
        return Page();
    }
}
