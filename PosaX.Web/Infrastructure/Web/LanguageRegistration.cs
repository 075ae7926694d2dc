using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
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
}

/// <summary>Every page but the staff's (/admin) gets a second route under /en with English path words, from <see cref="LocalizedPaths"/>.</summary>
public sealed class EnglishPageRoutes : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            if (selector.AttributeRouteModel?.Template is not { } template || LocalizedPaths.IsFrenchOnly(template)
                || LocalizedPaths.IsEnglish("/" + template.Trim('/'))) continue;
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
    public static RouteHandlerBuilder MapLocalizedGet(this IEndpointRouteBuilder app, string frenchPattern, Delegate handler) =>
        new([app.MapGet(frenchPattern, handler), app.MapGet("/" + LocalizedPaths.EnglishTemplate(frenchPattern), handler)]);

    public static RouteHandlerBuilder MapLocalizedPost(this IEndpointRouteBuilder app, string frenchPattern, Delegate handler) =>
        new([app.MapPost(frenchPattern, handler), app.MapPost("/" + LocalizedPaths.EnglishTemplate(frenchPattern), handler)]);
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
