using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PosaX.Tests.Abuse;

/// <summary>A POST handler the running app answers: a page handler (Name null = OnPost) or a minimal-API endpoint.</summary>
public sealed record PostHandler(string Route, string? Handler, string? Page)
{
    public string Key => HandlerKey(Route, Handler);

    public static string HandlerKey(string route, string? handler) =>
        handler is null ? $"POST {route}" : $"POST {route}?handler={handler}";

    public override string ToString() => Key;
}

/// <summary>
/// Finds every POST handler from the app's own endpoints, so a handler added later is fuzzed and
/// must be given a row in the role matrix: Razor pages through their compiled descriptors
/// (HandlerMethods with HttpMethod "Post"), minimal APIs through their HTTP method metadata.
/// </summary>
public static class PostHandlers
{
    public static async Task<IReadOnlyList<PostHandler>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<PostHandler>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
                    found.Add(new PostHandler(route, handler.Name, page.ViewEnginePath));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                     && methods.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(new PostHandler(route, null, null));
            }
        }
        return found.Distinct().OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
    }
}
