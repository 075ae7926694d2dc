using PosaX.Web.Data;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// The statuses an artist moves an order through, with their French names and the form's values.
/// The graph: nouvelle → contactée → réservée → vendue, and annulée from any open status;
/// a step may be skipped (nouvelle → vendue), never taken back; vendue and annulée are final.
/// </summary>
public static class OrderPipeline
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Next = new()
    {
        [OrderStatus.New] = [OrderStatus.Contacted, OrderStatus.Reserved, OrderStatus.Sold, OrderStatus.Cancelled],
        [OrderStatus.Contacted] = [OrderStatus.Reserved, OrderStatus.Sold, OrderStatus.Cancelled],
        [OrderStatus.Reserved] = [OrderStatus.Sold, OrderStatus.Cancelled],
        [OrderStatus.Sold] = [],
        [OrderStatus.Cancelled] = [],
    };

    public static IReadOnlyList<OrderStatus> NextOf(OrderStatus status) => Next[status];

    public static bool CanMove(OrderStatus from, OrderStatus to) => Next[from].Contains(to);

    /// <summary>Open orders still wait for the artist's answer; a reserved one holds the work.</summary>
    public static readonly OrderStatus[] Open = [OrderStatus.New, OrderStatus.Contacted, OrderStatus.Reserved];

    /// <summary>The value the status forms post (accent-free French).</summary>
    public static string Value(OrderStatus status) => status switch
    {
        OrderStatus.New => "nouvelle",
        OrderStatus.Contacted => "contactee",
        OrderStatus.Reserved => "reservee",
        OrderStatus.Sold => "vendue",
        OrderStatus.Cancelled => "annulee",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? value, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
            if (string.Equals(Value(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        status = default;
        return false;
    }

    public static string Label(OrderStatus status) => OrderTexts.StatusLabel(status);

    /// <summary>The button's wording: what the artist does.</summary>
    public static string Action(OrderStatus status) => OrderTexts.StatusAction(status);
}
