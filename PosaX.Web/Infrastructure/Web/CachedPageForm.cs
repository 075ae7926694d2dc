namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// What a page hands the partial of a form that also appears on a cached page (the order and report
/// forms on the work page). The work page is served from the output cache to every visitor, so its
/// copy carries no antiforgery token (it would be bound to the first visitor's cookie): the fetch
/// helper asks <see cref="AntiforgeryTokenEndpoint.Path"/> for one, and visitors without JavaScript
/// follow a link to the form's own page (never cached), whose copy carries its token
/// (<see cref="WithToken"/>) and shows the posted <see cref="Values"/> and <see cref="Outcome"/>
/// again after a plain post.
/// </summary>
public abstract record CachedPageForm<TInput>(long ArtworkId)
{
    public bool WithToken { get; init; }

    public TInput? Values { get; init; }
    public AjaxResponse? Outcome { get; init; }

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}
