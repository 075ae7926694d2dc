using Microsoft.AspNetCore.Mvc.RazorPages;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Orders;

/// <summary>The Orders feature: its limits and the conventions of its public order page.</summary>
public static class OrdersFeature
{
    /// <summary>The per-IP limit on order posts (RateLimits:OrdersPerIpPerHour).</summary>
    public const string OrdersRateLimit = "orders";

    public static WebApplicationBuilder AddOrdersFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OrderThrottle>();
        services.AddPerClientPostLimit(OrdersRateLimit, o => (o.OrdersPerIpPerHour, TimeSpan.FromHours(1)));
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AddPageApplicationModelConvention("/Orders/Place", model => ClientRateLimits.Limit(model, OrdersRateLimit)));
        return builder;
    }
}
