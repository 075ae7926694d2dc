using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// The request's language comes from its path (<see cref="LocalizedPaths"/>): "/en" and "/en/…" are English,
/// everything else French. It is the UI culture (resources, <see cref="Languages.Current"/>); the culture stays
/// invariant, since ratios, coordinates and sizes are written into HTML, SVG and CSS with it.
/// </summary>
public static class LanguageRegistration
{
    /// <summary>The visitor's chosen language ("fr"/"en"): set by the first-visit redirect and by the switch (language-switch.js).</summary>
    public const string Cookie = "lang";

    public static WebApplicationBuilder AddPosaXLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, new CultureInfo(Languages.French));
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [new CultureInfo(Languages.French), new CultureInfo(Languages.English)];
            // The path only: never a query string, cookie or Accept-Language (a URL always shows one language,
            // so every cache keyed on the URL stays right).
            o.RequestCultureProviders = [new CustomRequestCultureProvider(context => Task.FromResult<ProviderCultureResult?>(
                new ProviderCultureResult(CultureInfo.InvariantCulture.Name, LocalizedPaths.LanguageOf(context.Request.Path))))];
            o.ApplyCurrentCultureToResponseHeaders = false;
        });
        // After every feature's own routes (AddPageRoute): PostConfigure runs last.
        builder.Services.PostConfigure<RazorPagesOptions>(o => o.Conventions.Add(new EnglishPageRoutes()));
        return builder;
    }

    /// <summary>
    /// First of the pipeline (before the error pages and the exception handler): error pages re-executed for an
    /// English URL are English too, and so is every handler, JSON answer and rate-limit refusal. The path
    /// provider needs no routing (the route-value provider would: dotnet/aspnetcore#15313).
    /// </summary>
    public static IApplicationBuilder UsePathLanguage(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// A visitor's first request (no <see cref="Cookie"/>) for a French page, from a browser whose Accept-Language
    /// prefers English: one 302 to the same page in English, and the cookie, so it happens once. The French URL
    /// still shows French to everyone else: the choice is made by a redirect, never by what a URL shows. Before the
    /// output cache (a cached French page must not skip it); the redirect itself is never stored (no-store).
    /// Robots, posts, non-HTML requests and paths with no English page (/admin, /media…) are never redirected.
    /// </summary>
    public static IApplicationBuilder UseFirstVisitLanguage(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (EnglishRedirectFor(context) is not { } english) return next(context);
            context.Response.Cookies.Append(Cookie, Languages.English, new CookieOptions
            {
                Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true,
            });
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Vary = "Accept-Language, Cookie";
            context.Response.Redirect(english);
            return Task.CompletedTask;
        });

    private static string? EnglishRedirectFor(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || request.Cookies.ContainsKey(Cookie) || LocalizedPaths.IsEnglish(request.Path)) return null;
        // An error page re-executed for another request (a missing picture's 404) is no visit.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null) return null;
        if (!request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)) return null;
        if (PrefersEnglish(request) != true || Features.Statistics.Visitors.IsRobot(request)) return null;
        var french = request.Path.Value + request.QueryString.Value;
        var english = LocalizedPaths.For(french, Languages.English);
        return english == french ? null : english;
    }

    /// <summary>True when the first of French or English in Accept-Language (by quality, then order) is English; null without either.</summary>
    public static bool? PrefersEnglish(HttpRequest request)
    {
        var ranges = request.GetTypedHeaders().AcceptLanguage;
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase)) return true;
            if (tag.Equals("fr", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("fr-", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return null;
    }
}

/// <summary>
/// Every page but the staff's (/admin) gets a second route under /en with English path words, from <see cref="LocalizedPaths"/>,
/// and is registered there for <see cref="LocalizedPaths.For(string, string)"/>.
/// </summary>
public sealed class EnglishPageRoutes : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            if (selector.AttributeRouteModel?.Template is not { } template || LocalizedPaths.IsFrenchOnly(template)
                || LocalizedPaths.IsEnglish("/" + template.Trim('/'))) continue;
            LocalizedPaths.RegisterRoute(template);
            model.Selectors.Add(new SelectorModel(selector)
            {
                AttributeRouteModel = new AttributeRouteModel(selector.AttributeRouteModel)
                {
                    Template = LocalizedPaths.EnglishTemplate(template),
                    // Links made by Url.Page stay French, as they were; the link tag helper makes them English.
                    SuppressLinkGeneration = true,
                    Name = null,
                },
            });
        }
    }
}

/// <summary>Minimal endpoints mapped at their French pattern and at its English one (/en/…), with the same handler and conventions.</summary>
public static class LocalizedEndpoints
{
    public static RouteHandlerBuilder MapLocalizedGet(this IEndpointRouteBuilder app, string frenchPattern, Delegate handler)
    {
        LocalizedPaths.RegisterRoute(frenchPattern);
        return new([app.MapGet(frenchPattern, handler), app.MapGet("/" + LocalizedPaths.EnglishTemplate(frenchPattern), handler)]);
    }

    public static RouteHandlerBuilder MapLocalizedPost(this IEndpointRouteBuilder app, string frenchPattern, Delegate handler)
    {
        LocalizedPaths.RegisterRoute(frenchPattern);
        return new([app.MapPost(frenchPattern, handler), app.MapPost("/" + LocalizedPaths.EnglishTemplate(frenchPattern), handler)]);
    }
}

/// <summary>What the language switch and the alternates of a page point at.</summary>
public static class LanguageSwitch
{
    /// <summary>The path and query the visitor asked for: an error page re-executed for /en/oeuvres-x names /en/oeuvres-x.</summary>
    public static string PageOf(HttpContext context)
    {
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        if (reExecuted is not null) return reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString;
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is { } failed) return failed.Path;
        return context.Request.Path.Value + context.Request.QueryString.Value;
    }
}
