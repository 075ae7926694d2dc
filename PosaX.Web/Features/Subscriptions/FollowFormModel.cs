namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// What a page hands the follow form partial (artist page, work page, and the form's own page).
/// As with <see cref="Infrastructure.Web.CachedPageForm{TInput}"/>: on the cached pages the form has no
/// token and fetches one; its own page (no JavaScript) carries one and shows the outcome.
/// </summary>
public sealed record FollowFormModel(string ArtistSlug, string ArtistName)
{
    public bool WithToken { get; init; }
    public SubscribeInput? Values { get; init; }
    public Infrastructure.Web.AjaxResponse? Outcome { get; init; }

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}

/// <summary>What /oeuvres and the alert's own page hand the alert form partial: the search to save.</summary>
public sealed record AlertFormModel(Catalogue.CatalogueQuery Query)
{
    public bool WithToken { get; init; }
    public SubscribeInput? Values { get; init; }
    public Infrastructure.Web.AjaxResponse? Outcome { get; init; }

    /// <summary>The search as saved: its filters, newest first, no page.</summary>
    public Catalogue.CatalogueQuery Saved => Query with { Sort = Catalogue.CatalogueSort.Recent, After = null, PricesSwapped = false };

    /// <summary>The alert page of this search (the form's action and its no-JavaScript link).</summary>
    public string PageUrl => SubscriptionUrls.Alert + Saved.Url()[Catalogue.ArtworkUrls.Catalogue.Length..];

    public string? ErrorFor(string field) =>
        Outcome?.Errors.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}
