using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.About;

/// <summary>/a-propos, /comment-acheter, /mentions-legales, /conditions-generales, /confidentialite: indexable, cached.</summary>
[OutputCache(PolicyName = PublicCache.Page)]
public class InfoPageModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Html { get; private set; } = "";
    public PageMeta Meta { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        // /en/about is /a-propos: the page's key is its French path word.
        slug = LocalizedPaths.FrenchWord(slug);
        if (!AboutTexts.Pages.TryGetValue(slug, out var page) || InfoPages.HtmlOf(slug) is not { } html) return NotFound();
        (Title, Html) = (page.Title, LocalizedPaths.InHtml(html));
        Meta = new PageMeta(page.Title, page.Description) { CanonicalPath = "/" + slug };
        return Page();
    }
}
