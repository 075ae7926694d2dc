using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// The catalogue, /oeuvres: filters in a GET form (shareable URLs, no JavaScript), 24 works a
/// page, keyset pagination through the "Suivant" link.
/// </summary>
[OutputCache(PolicyName = PublicCache.Search)]
public class BrowseModel(PosaXDbContext db, ArtworkSearch search) : PageModel
{
    public CataloguePage Result { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? ArtistName { get; private set; }
    public PageMeta Meta { get; private set; } = null!;
    /// <summary>HTML: a category's French name on an English page is marked lang="fr" in it.</summary>
    public IHtmlContent Heading { get; private set; } = LanguageMarks.Span(CatalogueTexts.Browse.Heading, null);

    /// <summary>Categories that have works on the site, in catalogue order: the chips row.</summary>
    public IReadOnlyList<Category> CategoryChips { get; private set; } = [];

    /// <summary>Each filter in force, with the URL of the same page without it (Lang: "fr" for a category's French name on an English page).</summary>
    public IReadOnlyList<(string Label, string? Lang, string RemoveUrl)> ActiveFilters { get; private set; } = [];

    /// <summary>On an empty result: the categories with the most works.</summary>
    public IReadOnlyList<Category> PopularCategories { get; private set; } = [];

    /// <summary>On an empty search (PostgreSQL): a close category or artist name, and where it leads.</summary>
    public string? Suggestion { get; private set; }
    public string? SuggestionUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await search.SearchAsync(CatalogueQuery.Parse(Request.Query), ct: ct);
        Categories = await search.CategoriesAsync(ct);
        var applied = Result.Applied;
        if (applied.Artist is not null)
            ArtistName = await db.Users.Where(u => u.Slug == applied.Artist).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        // In the page's language (CatalogueTexts.Categories): the filter's label, and the plural over the listing.
        var chosen = Categories.FirstOrDefault(c => c.Slug == applied.Category);
        (string Text, string? Lang)? category = chosen is null ? null : CatalogueTexts.Categories.Name(chosen.Slug, chosen.Name);
        (string Text, string? Lang)? heading = chosen is null ? null : CatalogueTexts.Categories.Heading(chosen.Slug, chosen.Name);
        var counts = await search.WorksByCategoryAsync(ct);
        CategoryChips = Categories.Where(c => counts.ContainsKey(c.Id)).ToList();
        ActiveFilters = Filters(applied, category, ArtistName);
        Heading = CatalogueTexts.Browse.ListHeading(heading, ArtistName, applied.Text);
        if (Result.Works.Count == 0)
        {
            PopularCategories = CategoryChips.OrderByDescending(c => counts[c.Id]).Take(6).ToList();
            if (applied.Text is not null && await search.SpellingSuggestionAsync(applied.Text, ct) is { } suggestion)
            {
                Suggestion = suggestion;
                // An English category name leads to the category itself (its exact total, its own heading), not to a search for
                // the name: the search would find the category's works too (SearchWords), plus any work whose text says the word.
                var named = Languages.Current == Languages.English
                    ? Categories.FirstOrDefault(c => CatalogueTexts.Categories.Name(c.Slug, c.Name) == (suggestion, null)) : null;
                SuggestionUrl = (named is null ? applied with { Text = suggestion, After = null } : applied with { Text = null, Category = named.Slug, After = null }).Url();
            }
        }

        // One title per distinct listing.
        var title = CatalogueTexts.Browse.ListTitle(heading?.Text, ArtistName);
        if (applied.Text is not null) title = CatalogueTexts.Browse.SearchTitle(applied.Text, title);
        var description = category is null && ArtistName is null ? CatalogueTexts.Browse.Description : MetaText.Shorten(CatalogueTexts.Browse.ListDescription(title, Result.Total, Result.TotalIsCapped));
        // A search or a filtered view may be indexed, but points search engines (canonical) at the
        // listing it narrows; later pages (a cursor) are left out of the index and only followed.
        // A category with no work on the site is an empty page: not for search engines (nor linked by the chips).
        var noIndex = applied.After is not null || (category is not null && !CategoryChips.Any(c => c.Slug == applied.Category));
        // The canonical keeps what makes a listing distinct (its category, its artist), nothing else:
        // "/oeuvres?categorie=peinture" is a landing page of its own, not a duplicate of "/oeuvres".
        var canonicalQuery = new List<string>();
        if (applied.Category is not null) canonicalQuery.Add("categorie=" + Uri.EscapeDataString(applied.Category));
        if (applied.Artist is not null) canonicalQuery.Add("artiste=" + Uri.EscapeDataString(applied.Artist));
        Meta = new PageMeta(title, description, noIndex)
        {
            CanonicalPath = ArtworkUrls.Catalogue + (canonicalQuery.Count == 0 ? "" : "?" + string.Join('&', canonicalQuery)),
            FollowLinks = true,
        };
    }

    private static List<(string, string?, string)> Filters(CatalogueQuery q, (string Text, string? Lang)? category, string? artist)
    {
        var filters = new List<(string, string?, string)>();
        void Add(bool on, string label, CatalogueQuery without, string? lang = null) { if (on) filters.Add((label, lang, without.Url())); }
        q = q with { After = null };
        Add(q.Text is not null, CatalogueTexts.Browse.Quoted(q.Text ?? ""), q with { Text = null });
        Add(category is not null, category?.Text ?? "", q with { Category = null }, category?.Lang);
        Add(artist is not null, artist ?? "", q with { Artist = null });
        Add(q.MinPrice is not null, CatalogueTexts.Browse.PriceFrom(q.MinPrice ?? 0), q with { MinPrice = null });
        Add(q.MaxPrice is not null, CatalogueTexts.Browse.PriceUpTo(q.MaxPrice ?? 0), q with { MaxPrice = null });
        Add(q.Size is not null, q.Size switch
        {
            SizeClass.S => CatalogueTexts.Browse.SizeS, SizeClass.M => CatalogueTexts.Browse.SizeM, _ => CatalogueTexts.Browse.SizeL,
        }, q with { Size = null });
        Add(q.Orientation is not null, q.Orientation switch
        {
            Orientation.Portrait => CatalogueTexts.Browse.Portrait, Orientation.Landscape => CatalogueTexts.Browse.Landscape, _ => CatalogueTexts.Browse.Square,
        }, q with { Orientation = null });
        Add(q.AvailableOnly, CatalogueTexts.Browse.Available, q with { AvailableOnly = false });
        return filters;
    }
}
