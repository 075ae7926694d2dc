using Microsoft.Extensions.Options;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Redis;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// The strict per-buyer limit, keyed by the normalised phone (the per-IP one is generous because
/// carriers put many people behind one address).
/// </summary>
public sealed class OrderThrottle(IOptions<RateLimitOptions> options, SharedWindows? shared = null) : IDisposable
{
    private readonly KeyedThrottle _phones = new(options.Value.OrdersPerPhone, options.Value.OrdersPerPhoneWindow, shared: shared, name: "order-phone");

    /// <summary>Null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? TryOrder(string e164Phone) => _phones.TryAcquire(e164Phone);

    public void Dispose() => _phones.Dispose();
}
