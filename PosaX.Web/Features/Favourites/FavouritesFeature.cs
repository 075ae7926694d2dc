using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Statistics;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Favourites;

/// <summary>
/// Favourites without an account: the hearts (button.favourite on cards and work pages) keep their
/// state on the device (localStorage, wwwroot/js/favourites.js: no cookie, no sign-up), /favoris
/// shows them, and each add or remove is counted once toward the work's daily favourite counts
/// (POST /oeuvres/{id}/favori, state=on|off; nothing about the visitor is stored).
/// </summary>
public static class FavouritesFeature
{
    public const string RateLimit = "favourites";

    /// <summary>At most this many ids are shown on /favoris (the script keeps no more either).</summary>
    public const int MaxFavourites = 100;

    public static string ToggleUrl(long id) => LocalizedPaths.For($"/oeuvres/{id}/favori");

    /// <summary>
    /// Every heart's POST in the page's language with "{id}" for the work ("/en/artworks/{id}/favourite"): written once
    /// per page (the layout's <c>body[data-favourite-url]</c>), filled in by favourites.js; not repeated on each card.
    /// </summary>
    public static string ToggleUrlTemplate() => ToggleUrl(0).Replace("/0/", "/{id}/", StringComparison.Ordinal);

    public static WebApplicationBuilder AddFavouritesFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddPerClientPostLimit(RateLimit, o => (o.FavouritesPerIpPerHour, TimeSpan.FromHours(1)));
        return builder;
    }

    public static IEndpointRouteBuilder MapFavourites(this IEndpointRouteBuilder app)
    {
        // The heart's post. Antiforgery as on every POST: cached pages fetch a token (/antiforgery/token).
        app.MapLocalizedPost("/oeuvres/{id:long}/favori", async (long id, HttpContext context, IAntiforgery antiforgery, PosaXDbContext db,
            StatisticsCounter counter, CancellationToken ct) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            // Read first: the antiforgery check then reads the same form, and a broken body is a 400, not an error.
            var (form, refusedWith) = await RequestForms.ReadAsync(context.Request, ct);
            if (form is null) return Answer(refusedWith, RequestForms.Refusal(refusedWith));
            if (!await antiforgery.IsRequestValidAsync(context))
                return Answer(StatusCodes.Status400BadRequest, new AjaxResponse(false, InfrastructureTexts.Ajax.SessionExpired, null, AjaxResponse.NoErrors));
            var state = form["state"].ToString();
            if (state is not ("on" or "off"))
                return Answer(StatusCodes.Status400BadRequest, new AjaxResponse(false, FavouritesTexts.BadState, null,
                    new Dictionary<string, string[]> { ["state"] = [FavouritesTexts.BadState] }));
            if (!await db.Artworks.AsNoTracking().OnSite().AnyAsync(a => a.Id == id, ct))
                return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, FavouritesTexts.NotOnSite, null, AjaxResponse.NoErrors));
            var on = state == "on";
            counter.Add(id, on ? Measure.FavouriteAdded : Measure.FavouriteRemoved);
            return Answer(StatusCodes.Status200OK, new AjaxResponse(true, on ? FavouritesTexts.Added : FavouritesTexts.Removed, null, AjaxResponse.NoErrors));
        }).RequireRateLimiting(RateLimit);
        return app;
    }

    private static IResult Answer(int status, AjaxResponse response) => Results.Json(response, statusCode: status);
}
