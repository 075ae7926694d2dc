using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Components;
using PosaX.Web.Features.Catalogue;

namespace PosaX.Web.Features.Favourites;

/// <summary>
/// /favoris/oeuvres?ids=3,1,2: the cards of the given works, in the given order, for /favoris's
/// script (an HTML fragment, no layout). A work no longer on the site (hidden, removed, its artist
/// suspended) comes back as such, with its heart, so the visitor can remove it; a sold one shows
/// "Vendue". At most <see cref="FavouritesFeature.MaxFavourites"/> ids; what is not an id is ignored.
/// </summary>
public class FavouriteCardsModel(ArtworkSearch search) : PageModel
{
    public const string Path = "/favoris/oeuvres";

    public IReadOnlyList<long> Ids { get; private set; } = [];
    public IReadOnlyDictionary<long, ArtworkCard.Model> Works { get; private set; } = new Dictionary<long, ArtworkCard.Model>();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ids")] string? ids, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        Ids = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Take(FavouritesFeature.MaxFavourites).ToList();
        Works = (await search.CardsAsync(Ids, ct)).ToDictionary(w => w.Id);
        return Page();
    }
}
