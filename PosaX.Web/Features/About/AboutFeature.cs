using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.About;

/// <summary>The trust and legal pages (Markdown) and /contact with its per-IP limit.</summary>
public static class AboutFeature
{
    /// <summary>The per-IP limit on contact posts (RateLimits:ContactPerIpPerHour).</summary>
    public const string ContactRateLimit = "contact";

    public static WebApplicationBuilder AddAboutFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPerClientPostLimit(ContactRateLimit, o => (o.ContactPerIpPerHour, TimeSpan.FromHours(1)));
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AddPageApplicationModelConvention("/About/Contact", model => ClientRateLimits.Limit(model, ContactRateLimit)));
        return builder;
    }
}
