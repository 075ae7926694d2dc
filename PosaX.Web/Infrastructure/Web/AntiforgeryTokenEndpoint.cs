using Microsoft.AspNetCore.Antiforgery;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// GET /antiforgery/token: a fresh antiforgery token (and its cookie) for a form on a cached page,
/// which carries none (a cached token would be bound to the first visitor's cookie). ajax-form.js
/// fetches it right before posting a form that has <c>data-token-url</c> and no hidden token.
/// </summary>
public static class AntiforgeryTokenEndpoint
{
    public const string Path = "/antiforgery/token";

    public static IEndpointRouteBuilder MapAntiforgeryToken(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new TokenAnswer(tokens.RequestToken!));
        });
        return app;
    }

    public sealed record TokenAnswer(string Token);
}
