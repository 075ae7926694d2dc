namespace PosaX.Web.Features.Orders;

/// <summary>What the work page hands the order form partial.</summary>
public sealed record OrderFormModel(long ArtworkId, bool CanOrder);
