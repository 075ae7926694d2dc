using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.About;

/// <summary>/a-propos, /comment-acheter, /mentions-legales, /conditions-generales, /confidentialite (in English /en/about,
/// /en/how-to-buy, /en/legal-notice, /en/terms, /en/privacy): indexable, cached.</summary>
[OutputCache(PolicyName = PublicCache.Page)]
public class InfoPageModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Html { get; private set; } = "";
    public PageMeta Meta { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        // The slug of either language ("a-propos" or, on /en/…, "about"): the page's French slug is its key.
        if (InfoPages.PageOf(slug) is not { } key || !AboutTexts.Pages.TryGetValue(key, out var page) || InfoPages.HtmlOf(key) is not { } html)
            return NotFound();
        (Title, Html) = (page.Title, LocalizedPaths.InHtml(html));
        // Written as the French path, like every link: the SEO head gives each language its own.
        Meta = new PageMeta(page.Title, page.Description) { CanonicalPath = "/" + key };
        return Page();
    }
}
