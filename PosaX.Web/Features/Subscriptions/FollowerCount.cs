using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// The signed-in artist's follower count for /atelier: how many confirmed addresses follow them,
/// never which. A view component so the atelier's page needs one line and no new dependency.
/// </summary>
public sealed class FollowerCount(PosaXDbContext db, UserManager<Artist> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = users.GetUserId(UserClaimsPrincipal);
        var count = Guid.TryParse(id, out var artistId)
            ? await db.Subscriptions.CountAsync(s => s.ArtistId == artistId && s.ConfirmedAt != null, HttpContext.RequestAborted)
            : 0;
        return new ContentViewComponentResult(SubscriptionsTexts.Atelier.Followers(count));
    }
}
