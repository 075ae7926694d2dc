using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Orders;

public static class OrdersRegistration
{
    /// <summary>The per-IP limit on order posts (RateLimits:OrdersPerIpPerHour).</summary>
    public const string OrdersRateLimit = "orders";

    public static WebApplicationBuilder AddPosaXOrders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OrderThrottle>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(OrdersRateLimit, context =>
        {
            // Only posts count: a GET of the order URL just redirects to the work.
            if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
            var perHour = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.OrdersPerIpPerHour;
            var ip = context.Connection.RemoteIpAddress ?? IPAddress.None;
            return RateLimitPartition.GetFixedWindowLimiter(ip.ToString(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
            });
        }));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageApplicationModelConvention("/Orders/Place",
                model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(OrdersRateLimit)));
        });
        return builder;
    }
}

/// <summary>
/// The strict per-buyer limit, keyed by the normalised phone (the per-IP one is generous because
/// carriers put many people behind one address).
/// </summary>
public sealed class OrderThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _phones;

    public OrderThrottle(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        _phones = PartitionedRateLimiter.Create<string, string>(phone => RateLimitPartition.GetFixedWindowLimiter(phone, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = o.OrdersPerPhone, Window = o.OrdersPerPhoneWindow, QueueLimit = 0 }));
    }

    /// <summary>Null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? TryOrder(string e164Phone)
    {
        using var lease = _phones.AttemptAcquire(e164Phone);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _phones.Dispose();
}
