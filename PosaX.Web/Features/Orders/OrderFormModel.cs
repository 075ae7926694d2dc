using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Orders;

/// <summary>What the work page and the order page hand the order form partial.</summary>
public sealed record OrderFormModel(long ArtworkId, bool CanOrder) : CachedPageForm<OrderInput>(ArtworkId)
{
    public string OrderPageUrl => $"/oeuvres/{ArtworkId}/commander";
}
