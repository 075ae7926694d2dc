using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>
/// /artistes/{slug}/suivre: follow an artist. The artist and work pages' forms post here by AJAX
/// (token fetched: those pages are cached); without JavaScript their noscript link leads to this
/// page's GET. Double opt-in, the same answer for every address (<see cref="SubscriptionRequests"/>);
/// limited per client IP (feature policy) and per address (<see cref="SubscribeThrottle"/>).
/// </summary>
public class FollowModel(PosaXDbContext db, SubscriptionRequests requests, SubscribeThrottle throttle, IValidator<SubscribeInput> validator) : AjaxPageModel
{
    public sealed record ArtistToFollow(Guid Id, string Name, string Slug);

    public ArtistToFollow? Artist { get; private set; }
    public SubscribeInput Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Artist = await FindAsync(slug, ct);
        return Artist is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromForm] SubscribeInput input, CancellationToken ct)
    {
        Input = input;
        Artist = await FindAsync(slug, ct);
        if (Artist is null) return Answer(StatusCodes.Status404NotFound, new AjaxResponse(false, SubscriptionsTexts.NotOnSite, null, AjaxResponse.NoErrors));
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        var email = SubscribeInput.Normalise(input.Email!);
        if (throttle.TryPost(email) is { } wait) return Throttled(wait);
        var artist = Artist;
        await requests.RequestAsync(SubscriptionKind.Follow, email, SubscriptionUrls.ArtistTarget(artist.Id), artist.Id,
            (confirm, unsubscribe) => SubscriptionsTexts.Mails.FollowConfirmation(email, artist.Name, confirm, unsubscribe), ct);
        Input = new();
        return Succeeded(SubscriptionsTexts.Follow.Answer(artist.Name));
    }

    private Task<ArtistToFollow?> FindAsync(string slug, CancellationToken ct) =>
        db.Users.OnSite().Where(a => a.Slug == slug).Select(a => new ArtistToFollow(a.Id, a.DisplayName, a.Slug)).FirstOrDefaultAsync(ct);
}
