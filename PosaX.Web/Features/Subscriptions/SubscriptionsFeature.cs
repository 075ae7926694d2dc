using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// Follows and saved-search alerts: double opt-in, one-click unsubscribe, the daily digests
/// (<see cref="DigestJob"/>), their limits. Endpoints: its pages, and <see cref="OneClickUnsubscribe"/>
/// (mapped by Program.cs with the other endpoints).
/// </summary>
public static class SubscriptionsFeature
{
    /// <summary>The per-IP limit on this feature's posts (Digests:PostsPerIpPerHour).</summary>
    public const string RateLimit = "subscriptions";

    public static WebApplicationBuilder AddSubscriptionsFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<SubscribeThrottle>();
        services.AddScoped<SubscriptionRequests>();
        services.AddScoped<DigestBuilder>();
        services.AddSingleton<DigestJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestJob>());
        var perIp = builder.Configuration.GetValue($"{DigestOptions.Section}:{nameof(DigestOptions.PostsPerIpPerHour)}", new DigestOptions().PostsPerIpPerHour);
        services.AddPerClientPostLimit(RateLimit, _ => (perIp, TimeSpan.FromHours(1)));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddFolderApplicationModelConvention("/Subscriptions", model => ClientRateLimits.Limit(model, RateLimit));
            // The unsubscribe page's button posts here: POST /desabonnement/{token} is the one-click endpoint's.
            options.Conventions.AddPageRoute("/Subscriptions/Unsubscribe", "desabonnement/{token}/confirmer");
        });
        return builder;
    }
}
