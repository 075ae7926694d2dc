using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Profile;

public sealed record ProfileInput
{
    public string? Name { get; init; }
    public string? Bio { get; init; }
    public string? Whatsapp { get; init; }
    /// <summary>Optional: where the artist works, shown on the artist page and cards.</summary>
    public string? City { get; init; }
    public string? Facebook { get; init; }
    public string? Instagram { get; init; }
    public IFormFile? Photo { get; init; }
    public bool RemovePhoto { get; init; }
    /// <summary>Optional English version of the bio, shown on English pages.</summary>
    public string? BioEn { get; init; }
    /// <summary>The language of the account's mails: "fr" or "en"; absent keeps the current one.</summary>
    public string? Language { get; init; }
}

public sealed class ProfileValidator : AbstractValidator<ProfileInput>
{
    public ProfileValidator()
    {
        RuleFor(x => x.Name).ArtistName();
        RuleFor(x => x.Bio).MaximumLength(Artist.BioMaxLength).WithMessage(_ => ProfileTexts.BioTooLong);
        RuleFor(x => x.BioEn).MaximumLength(Artist.BioMaxLength).WithMessage(_ => ProfileTexts.BioEnTooLong);
        RuleFor(x => x.Language).Must(l => l is null || Languages.All.Contains(l)).WithMessage(_ => ProfileTexts.EmailLanguageInvalid);
        RuleFor(x => x.Whatsapp).OptionalWhatsApp();
        RuleFor(x => x.City).Must(c => c is null || c.Trim().Length <= Artist.CityMaxLength).WithMessage(_ => ProfileTexts.CityTooLong);
        RuleFor(x => x.Facebook).Must(f => SocialLinks.TryNormalize(f, SocialLinks.Facebook, out _))
            .WithMessage(_ => ProfileTexts.FacebookInvalid);
        RuleFor(x => x.Instagram).Must(i => SocialLinks.TryNormalize(i, SocialLinks.Instagram, out _))
            .WithMessage(_ => ProfileTexts.InstagramInvalid);
    }
}

public class EditProfileModel(
    PosaXDbContext db, UserManager<Artist> users, ImagePipeline images, IValidator<ProfileInput> validator) : AjaxPageModel
{
    public ProfileInput Input { get; private set; } = new();
    public string Slug { get; private set; } = "";
    public string? PhotoKey { get; private set; }

    /// <summary>The mail languages offered, each named in itself (as language switches do).</summary>
    public static IReadOnlyList<(string Value, string Name)> MailLanguages =>
        [(Languages.French, ProfileTexts.LanguageFrench), (Languages.English, ProfileTexts.LanguageEnglish)];

    public async Task<IActionResult> OnGetAsync()
    {
        var artist = await CurrentArtistAsync();
        if (artist is null) return Challenge();
        Show(artist);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] ProfileInput input, CancellationToken ct)
    {
        var artist = await CurrentArtistAsync();
        if (artist is null) return Challenge();
        Show(artist);
        Input = input with { Photo = null };

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid || !ModelState.IsValid) return Invalid(null, validation);

        StoredImage? photo = null;
        if (input.Photo is { Length: > 0 })
        {
            var processed = await images.ProcessAsync(input.Photo, ImageKind.ProfilePhoto, ct);
            if (!processed.Succeeded)
                return Invalid("photo", processed.Rejection);
            photo = processed.Image;
        }

        var oldPhoto = artist.PhotoKey;
        var renamed = artist.DisplayName != input.Name!.Trim();
        artist.DisplayName = input.Name!.Trim();
        artist.Bio = string.IsNullOrWhiteSpace(input.Bio) ? null : input.Bio.Trim();
        artist.BioEn = string.IsNullOrWhiteSpace(input.BioEn) ? null : input.BioEn.Trim();
        if (input.Language is not null) artist.Language = input.Language;
        artist.WhatsApp = WhatsAppNumber.TryNormalize(input.Whatsapp, out var whatsapp) ? whatsapp : null;
        artist.City = string.IsNullOrWhiteSpace(input.City) ? null : input.City.Trim();
        artist.FacebookUrl = SocialLinks.TryNormalize(input.Facebook, SocialLinks.Facebook, out var facebook) ? facebook : null;
        artist.InstagramUrl = SocialLinks.TryNormalize(input.Instagram, SocialLinks.Instagram, out var instagram) ? instagram : null;
        if (photo is not null) artist.PhotoKey = photo.Key;
        else if (input.RemovePhoto) artist.PhotoKey = null;
        if (renamed)
        {
            // Works are found by their artist's name too (Artwork.SearchText): saved in the same transaction.
            var works = await db.Artworks.Include(a => a.Category).Where(a => a.ArtistId == artist.Id).ToListAsync(ct);
            foreach (var work in works)
                work.SearchText = ArtworkDerivedFields.SearchText(work.Title, work.Description, work.Category.Name, work.Medium, artist.DisplayName, work.TitleEn);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (photo is not null) images.Delete(photo.Key);
            throw;
        }
        // The old files go only once the row no longer points at them.
        if (oldPhoto is not null && oldPhoto != artist.PhotoKey) images.Delete(oldPhoto);
        Show(artist);
        return Succeeded(ProfileTexts.Saved, IsAjax ? null : "/profil");
    }

    private async Task<Artist?> CurrentArtistAsync()
    {
        var id = users.GetUserId(User);
        return Guid.TryParse(id, out var guid) ? await db.Users.FirstOrDefaultAsync(a => a.Id == guid) : null;
    }

    private void Show(Artist artist)
    {
        Slug = artist.Slug;
        PhotoKey = artist.PhotoKey;
        Input = new ProfileInput
        {
            Name = artist.DisplayName,
            Bio = artist.Bio,
            BioEn = artist.BioEn,
            Language = Languages.Normalize(artist.Language),
            Whatsapp = artist.WhatsApp is null ? null : WhatsAppNumber.Display(artist.WhatsApp),
            City = artist.City,
            Facebook = artist.FacebookUrl,
            Instagram = artist.InstagramUrl,
        };
    }
}
