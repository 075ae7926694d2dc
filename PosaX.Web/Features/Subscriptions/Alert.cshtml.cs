using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// /oeuvres/alerte: save a catalogue search as a daily alert. The form on /oeuvres posts here by
/// AJAX with the search's filters as hidden fields, read by the catalogue's own parser
/// (<see cref="CatalogueQuery.Parse"/>) and stored in its canonical spelling; the GET is the form's
/// page for visitors without JavaScript (the filters in its query string). Double opt-in and limits as
/// for follows.
/// </summary>
public class AlertModel(SubscriptionRequests requests, SubscribeThrottle throttle, IValidator<SubscribeInput> validator, Microsoft.Extensions.Options.IOptions<Infrastructure.SiteOptions> site) : AjaxPageModel
{
    public CatalogueQuery Query { get; private set; } = new();
    public SubscribeInput Input { get; private set; } = new();

    public void OnGet() => Query = CatalogueQuery.Parse(Request.Query);

    public async Task<IActionResult> OnPostAsync([FromForm] SubscribeInput input, CancellationToken ct)
    {
        Input = input;
        // The hidden fields carry the catalogue's query parameters: parsed exactly as /oeuvres parses its URL.
        Query = CatalogueQuery.Parse(new QueryCollection(Request.HasFormContentType
            ? (await Request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value)
            : []));
        var saved = new AlertFormModel(Query).Saved;
        if (saved.Url() == ArtworkUrls.Catalogue) return Refused(SubscriptionsTexts.Alert.NoFilters);
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        var email = SubscribeInput.Normalise(input.Email!);
        if (throttle.TryPost(email) is { } wait) return Throttled(wait);
        var target = saved.Url();
        if (target.Length > Subscription.TargetMaxLength) return Refused(SubscriptionsTexts.Alert.NoFilters);
        await requests.RequestAsync(SubscriptionKind.Alert, email, target, null,
            (confirm, unsubscribe) => SubscriptionsTexts.Mails.AlertConfirmation(email, site.Value.Absolute(target), confirm, unsubscribe), ct);
        Input = new();
        return Succeeded(SubscriptionsTexts.Alert.Answer);
    }
}
