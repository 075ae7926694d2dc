using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PosaX.Web.Features.Favourites;

/// <summary>
/// /favoris: the page is the same for everyone (the favourites are on the device, not on the
/// server); its script sends the ids to <see cref="FavouriteCardsModel"/> and shows the cards.
/// </summary>
public class FavouritesModel : PageModel
{
    public void OnGet()
    {
    }
}
