using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Orders;

public sealed record OrderInput
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Message { get; init; }

    /// <summary>Browsers post a textarea's line breaks as CRLF; its maxlength counts them as one.</summary>
    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();
}

public sealed class OrderValidator : AbstractValidator<OrderInput>
{
    public OrderValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => OrderTexts.NameRequired)
            .Must(n => n is null || n.Trim().Length <= 100).WithMessage(_ => OrderTexts.NameTooLong);
        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage(_ => OrderTexts.PhoneRequired)
            .Must(p => WhatsAppNumber.TryNormalize(p, out _)).WithMessage(_ => OrderTexts.PhoneInvalid);
        RuleFor(x => x.Email).Must(e => string.IsNullOrWhiteSpace(e) || e.Trim().Length <= 256).WithMessage(_ => OrderTexts.EmailInvalid)
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(_ => OrderTexts.EmailInvalid);
        RuleFor(x => x.Message).Must(m => (OrderInput.Clean(m)?.Length ?? 0) <= 1000).WithMessage(_ => OrderTexts.MessageTooLong);
    }
}

/// <summary>
/// POST /oeuvres/{id}/commander: records the buyer's request, mails the artist (and the buyer, when
/// an address was given) and sends the buyer to the order's confirmation page (/commandes/…), whose
/// button opens the artist's WhatsApp with the reference, title, price and link already written.
/// </summary>
public class PlaceModel(
    PosaXDbContext db, Mailer mailer, OrderThrottle throttle, IValidator<OrderInput> validator,
    UserManager<Artist> users, IOptions<SiteOptions> site, TimeProvider clock, ILogger<PlaceModel> logger) : AjaxPageModel
{
    public sealed record WorkOnOffer(
        long Id, string Title, string Slug, long Price, ArtworkStatus Status, bool Hidden,
        Guid ArtistId, string ArtistName, string? ArtistEmail, bool ArtistActive, string? ArtistWhatsApp,
        string? TitleEn = null, string ArtistLanguage = Languages.French);

    public WorkOnOffer? Work { get; private set; }
    public OrderInput Input { get; private set; } = new();

    /// <summary>
    /// The order form for visitors without JavaScript (the work page's noscript link leads here):
    /// never cached, so its form carries the visitor's own antiforgery token. A work that cannot
    /// be ordered sends the visitor to its page, which says why; one not on the site is 404.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Work = await FindAsync(id, ct);
        if (Work is null || Work.Hidden || !Work.ArtistActive || Work.ArtistEmail is null)
        {
            Work = null;
            return NotFound();
        }
        return Work.Status == ArtworkStatus.Available ? Page() : Redirect(ArtworkUrls.Page(Work.Id, Work.Slug));
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] OrderInput input, CancellationToken ct)
    {
        Input = input;
        Work = await FindAsync(id, ct);

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        // Hidden works and works of unactivated accounts are not on the site: same answer as unknown.
        if (Work is null || Work.Hidden || !Work.ArtistActive || Work.ArtistEmail is null)
        {
            Work = null;
            return Refused(OrderTexts.NotOffered);
        }
        if (Work.Status == ArtworkStatus.Sold) return Refused(OrderTexts.AlreadySold);
        if (Work.Status == ArtworkStatus.Reserved) return Refused(OrderTexts.AlreadyReserved);
        if (Guid.TryParse(users.GetUserId(User), out var me) && me == Work.ArtistId) return Refused(OrderTexts.OwnWork);

        WhatsAppNumber.TryNormalize(input.Phone, out var phone);
        if (throttle.TryOrder(phone) is { } wait) return Throttled(wait);

        var now = clock.GetUtcNow().UtcDateTime;
        var (secret, secretHash) = OrderConfirmation.NewSecret();
        var order = new Order
        {
            Reference = OrderReference.New(),
            ArtworkId = Work.Id,
            ArtistId = Work.ArtistId,
            BuyerName = input.Name!.Trim(),
            BuyerPhone = phone,
            BuyerEmail = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            Message = OrderInput.Clean(input.Message),
            Price = Work.Price,
            Status = OrderStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            ConfirmationSecretHash = secretHash,
            // The buyer's mails are written in the language of the page they ordered on.
            Language = Languages.Current,
        };
        db.Orders.Add(order);
        await SaveWithUniqueReferenceAsync(order, secret, ct);

        // The buyer lands on the order's own page (reference, what happens next, the WhatsApp button),
        // with or without JavaScript.
        var confirmation = OrderConfirmation.Path(order.Reference, secret);
        return Work.ArtistWhatsApp is null
            ? Succeeded(OrderTexts.PlacedWithoutWhatsApp(order.Reference, phone), confirmation)
            : Succeeded(OrderTexts.Placed(order.Reference), confirmation);
    }

    private Task<WorkOnOffer?> FindAsync(long id, CancellationToken ct) =>
        db.Artworks.Where(a => a.Id == id)
            .Select(a => new WorkOnOffer(a.Id, a.Title, a.Slug, a.Price, a.Status, a.HiddenAt != null,
                a.ArtistId, a.Artist.DisplayName, a.Artist.Email, a.Artist.EmailConfirmed && a.Artist.SuspendedAt == null, a.Artist.WhatsApp,
                a.TitleEn, a.Artist.Language))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The order, the artist's mail and the buyer's (when an address was given) commit together.
    /// 32⁴ references: a collision is rare but possible, and the unique index is the judge; a new
    /// reference is drawn, the mails written again with it, and the save retried.
    /// </summary>
    private async Task SaveWithUniqueReferenceAsync(Order order, string secret, CancellationToken ct)
    {
        List<OutboxMessage> queued = [];
        for (var attempt = 1; ; attempt++)
        {
            // The work as each reader knows it: its title in their language when the artist wrote one, its page in their language.
            OrderSummary SummaryIn(string language) => new(order.Reference,
                language == Languages.English && !string.IsNullOrWhiteSpace(Work!.TitleEn) ? Work.TitleEn : Work!.Title, order.Price,
                site.Value.Absolute(ArtworkUrls.Page(Work.Id, Work.Slug), language),
                order.BuyerName, order.BuyerPhone, order.BuyerEmail, order.Message);
            db.OutboxMessages.RemoveRange(queued);
            var before = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet();
            // The artist reads the language of their account; the buyer, the language of the page they ordered on.
            using (Languages.Use(Work!.ArtistLanguage))
                mailer.Queue(OrderTexts.ArtistMail(Work.ArtistEmail!, Work.ArtistName, SummaryIn(Work.ArtistLanguage),
                    site.Value.Absolute(Atelier.AtelierOrdersModel.Path, Work.ArtistLanguage)));
            if (order.BuyerEmail is not null)
                using (Languages.Use(order.Language))
                {
                    var summary = SummaryIn(order.Language);
                    mailer.Queue(OrderTexts.BuyerMail(order.BuyerEmail, Work.ArtistName, summary,
                        site.Value.Absolute(OrderConfirmation.Path(order.Reference, secret), order.Language),
                        Work.ArtistWhatsApp is null ? null : new Uri(WhatsAppNumber.ChatLink(Work.ArtistWhatsApp, OrderTexts.WhatsAppMessage(summary)))));
                }
            queued = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added && !before.Contains(e.Entity)).Select(e => e.Entity).ToList();
            try
            {
                await SaveOnceAsync(order, ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 5)
            {
                var reference = order.Reference;
                if (!await db.Orders.AsNoTracking().AnyAsync(o => o.Reference == reference, ct)) throw;
                logger.LogInformation(e, "Order reference {Reference} already taken; drawing another.", reference);
                order.Reference = OrderReference.New();
            }
        }
    }

    /// <summary>
    /// One transaction under the retrying strategy. A connection broken while committing (the
    /// database restarting) leaves the commit unknown: retrying blindly would record the order
    /// twice (or hit our own reference and draw another), so the order is looked for first.
    /// </summary>
    private async Task SaveOnceAsync(Order order, CancellationToken ct)
    {
        await db.SaveOnceAsync(
            token => db.Orders.AnyAsync(o => o.Reference == order.Reference && o.ArtworkId == order.ArtworkId
                                            && o.BuyerPhone == order.BuyerPhone && o.BuyerName == order.BuyerName, token),
            ct);
    }
}
