using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Profile;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Images;

using PosaX.Web.Infrastructure;

namespace PosaX.Web.Features.Auth;

public sealed record RegisterInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }
    public string? Whatsapp { get; init; }
    public IFormFile? Photo { get; init; }
    /// <summary>The checkbox "J'accepte les conditions générales" (value "true"); absent when not ticked.</summary>
    public bool Terms { get; init; }
}

public sealed class RegisterValidator : AbstractValidator<RegisterInput>
{
    public RegisterValidator()
    {
        RuleFor(x => x.Name).ArtistName();
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => AuthTexts.EmailRequired)
            .MaximumLength(256).WithMessage(_ => AuthTexts.InvalidEmail)
            .EmailAddress().WithMessage(_ => AuthTexts.InvalidEmail);
        RuleFor(x => x.Password).Custom((password, context) =>
        {
            if (PasswordRules.Check(password, context.InstanceToValidate.Email, context.InstanceToValidate.Name) is { } problem)
                context.AddFailure(problem);
        });
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => AuthTexts.PasswordsDiffer);
        RuleFor(x => x.Whatsapp).OptionalWhatsApp();
        RuleFor(x => x.Terms).Equal(true).WithMessage(_ => AuthTexts.TermsRequired);
    }
}

public class RegisterModel(
    PosaXDbContext db, UserManager<Artist> users, IPasswordHasher<Artist> hasher, AccountMails mails,
    ImagePipeline images, AccountThrottle throttle, TimeProvider clock,
    IValidator<RegisterInput> validator, ILogger<RegisterModel> logger) : AuthPanelsPage
{
    public override AuthPanel ActivePanel => AuthPanel.Register;

    /// <summary>
    /// The version of /conditions-generales a new account accepts, stored with the time on the
    /// account: change it when the conditions change.
    /// </summary>
    public const string TermsVersion = "2026-12";

    [TempData] public string? PendingEmail { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm] RegisterInput input, CancellationToken ct)
    {
        Register = input with { Password = null, ConfirmPassword = null, Photo = null };
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);
        var email = input.Email!.Trim();

        if (throttle.TryMail("register", email) is { } wait) return Throttled(wait);

        // The photo is checked for everyone, taken address or not: the answer must not differ.
        StoredImage? photo = null;
        if (input.Photo is { Length: > 0 })
        {
            var processed = await images.ProcessAsync(input.Photo, ImageKind.ProfilePhoto, ct);
            if (!processed.Succeeded)
                return Invalid("photo", processed.Rejection);
            photo = processed.Image;
        }

        PendingEmail = email;
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (photo is not null) images.Delete(photo.Key);
            DummyPassword.Hash(hasher, input.Password!);
            // The owner of the address hears about it; the visitor sees what a new account sees.
            if (existing.EmailConfirmed) mails.QueueAlreadyRegistered(existing);
            else await mails.QueueActivationAsync(existing);
            await db.SaveChangesAsync(ct);
            return Succeeded(AuthTexts.Registered, "/inscription/confirmation");
        }

        WhatsAppNumber.TryNormalize(input.Whatsapp, out var whatsapp);
        var artist = new Artist
        {
            Id = Guid.CreateVersion7(),
            DisplayName = input.Name!.Trim(),
            Slug = await ArtistSlugs.NextFreeAsync(db, input.Name!, ct),
            Email = email,
            UserName = email,
            WhatsApp = whatsapp.Length > 0 ? whatsapp : null,
            PhotoKey = photo?.Key,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            TermsVersion = TermsVersion,
            TermsAcceptedAt = clock.GetUtcNow().UtcDateTime,
            // The language of the page the form was on: the account's mails are written in it (changed on /profil).
            Language = Languages.Current,
        };
        try
        {
            // The account and its activation mail commit together, or neither does.
            var created = await db.InOneTransactionAsync(async token =>
            {
                // A retry after a COMMIT whose reply was lost: the account (and its mail, same
                // transaction) is already there; writing it again would fail on the unique key.
                if (await db.Users.AnyAsync(u => u.Id == artist.Id, token)) return IdentityResult.Success;
                var result = await users.CreateAsync(artist, input.Password!);
                if (!result.Succeeded) return result;
                await mails.QueueActivationAsync(artist);
                await db.SaveChangesAsync(token);
                return result;
            }, ct);
            if (!created.Succeeded)
            {
                if (photo is not null) images.Delete(photo.Key);
                logger.LogWarning("Registration refused by Identity: {Errors}", string.Join(", ", created.Errors.Select(e => e.Code)));
                // Only a concurrent registration of the same address or slug gets here: same answer as a taken address.
                return Succeeded(AuthTexts.Registered, "/inscription/confirmation");
            }
        }
        catch (Exception e)
        {
            if (photo is not null) images.Delete(photo.Key);
            // A concurrent registration of the same address won the unique index: same answer as a taken address.
            db.ChangeTracker.Clear();
            if (e is DbUpdateException && await users.FindByEmailAsync(email) is not null)
                return Succeeded(AuthTexts.Registered, "/inscription/confirmation");
            throw;
        }
        return Succeeded(AuthTexts.Registered, "/inscription/confirmation");
    }
}
