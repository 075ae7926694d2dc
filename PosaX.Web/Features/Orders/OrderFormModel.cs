using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Orders;

/// <summary>
/// What the work page hands the order form partial. <see cref="Values"/> and <see cref="Outcome"/>
/// are set only when the order page shows the form again after a plain (no-JavaScript) post.
/// </summary>
public sealed record OrderFormModel(long ArtworkId, bool CanOrder)
{
    /// <summary>
    /// The work page is served from the output cache to every visitor, so its form carries no
    /// antiforgery token (it would be bound to the first visitor's cookie): the fetch helper asks
    /// <see cref="AntiforgeryTokenEndpoint.Path"/> for one, and visitors without JavaScript follow
    /// a link to the order page (never cached), whose form carries its token.
    /// </summary>
    public bool WithToken { get; init; }

    public string OrderPageUrl => $"/oeuvres/{ArtworkId}/commander";

    public OrderInput? Values { get; init; }
    public AjaxResponse? Outcome { get; init; }

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}
