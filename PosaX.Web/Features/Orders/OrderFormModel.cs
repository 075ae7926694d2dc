using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// What the work page hands the order form partial. <see cref="Values"/> and <see cref="Outcome"/>
/// are set only when the order page shows the form again after a plain (no-JavaScript) post.
/// </summary>
public sealed record OrderFormModel(long ArtworkId, bool CanOrder)
{
    public OrderInput? Values { get; init; }
    public AjaxResponse? Outcome { get; init; }

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}
