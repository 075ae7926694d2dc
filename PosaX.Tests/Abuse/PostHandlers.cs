using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PosaX.Tests.Abuse;

/// <summary>A POST handler the running app answers: a page handler (Name null = OnPost) or a minimal-API endpoint.</summary>
public sealed record PostHandler(string Route, string? Handler, string? Page)
{
    /// <summary>
    /// The form names the handler binds (its parameters, the properties of its input records, the
    /// page's bound properties), as posted: camelCase. A field the form does not show is still read.
    /// </summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

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
                var pageBinds = compiled.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name);
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
                {
                    var binds = handler.Parameters.SelectMany(p => Names(p.Name, p.ParameterType)).Concat(pageBinds)
                        .Select(CamelCase).Distinct(StringComparer.Ordinal).ToList();
                    found.Add(new PostHandler(route, handler.Name, page.ViewEnginePath) { Binds = binds });
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                     && methods.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(new PostHandler(route, null, null));
            }
        }
        return found.DistinctBy(h => h.Key).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>A simple parameter is one name; an input record, its settable properties (files aside).</summary>
    private static IEnumerable<string> Names(string name, Type type)
    {
        if (type == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(type)) return [];
        var simple = Nullable.GetUnderlyingType(type) ?? type;
        if (simple.IsPrimitive || simple.IsEnum || simple == typeof(string) || simple == typeof(Guid) || simple == typeof(decimal) || simple == typeof(DateTime))
            return [name];
        return type.GetProperties().Where(p => p.CanWrite || p.SetMethod is not null)
            .Where(p => !typeof(IFormFile).IsAssignableFrom(p.PropertyType) && !typeof(IEnumerable<IFormFile>).IsAssignableFrom(p.PropertyType))
            .Select(p => p.Name);
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
