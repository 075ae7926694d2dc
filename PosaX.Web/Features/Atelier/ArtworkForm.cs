using FluentValidation;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Atelier;

/// <summary>The fields of <c>#artwork-form</c>, as posted.</summary>
public sealed record ArtworkInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Price { get; init; }
    public string? Category { get; init; }
    public string? Medium { get; init; }
    public string? WidthCm { get; init; }
    public string? HeightCm { get; init; }
    public string? DepthCm { get; init; }
    public string? Year { get; init; }
    public string? Status { get; init; }
    public List<IFormFile> Images { get; init; } = [];
    /// <summary>Edit page: ids of stored images to delete.</summary>
    public List<long> RemoveImages { get; init; } = [];
    /// <summary>Edit page: ids of stored images in their new order (first = cover).</summary>
    public List<long> ImageOrder { get; init; } = [];
}

/// <summary>
/// Numbers arrive as text so that "abc" is a field error, not a binding failure; parsed here,
/// accepting a decimal comma as French keyboards type it.
/// </summary>
public static partial class ArtworkFields
{
    public const long MaxPrice = 1_000_000_000;

    public static readonly IReadOnlyDictionary<string, ArtworkStatus> Statuses = new Dictionary<string, ArtworkStatus>
    {
        ["disponible"] = ArtworkStatus.Available,
        ["reservee"] = ArtworkStatus.Reserved,
        ["vendue"] = ArtworkStatus.Sold,
    };

    public static string StatusValue(ArtworkStatus status) => Statuses.First(s => s.Value == status).Key;

    /// <summary>"150000", "150 000" or "150.000" (a dot only as a thousands separator: "12.5" is no price).</summary>
    public static long? Price(string? text)
    {
        var compact = (text ?? "").Trim().Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        if (GroupedWithDots().IsMatch(compact)) compact = compact.Replace(".", "");
        return long.TryParse(compact, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial System.Text.RegularExpressions.Regex GroupedWithDots();

    public static double? Centimetres(string? text) =>
        double.TryParse((text ?? "").Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? Math.Round(value, 1) : null;

    public static int? Year(string? text) => int.TryParse(text?.Trim(), out var year) ? year : null;
}

public sealed class ArtworkValidator : AbstractValidator<ArtworkInput>
{
    public ArtworkValidator(TimeProvider clock)
    {
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(ArtworkTexts.TitleRequired)
            .MaximumLength(Artwork.TitleMaxLength).WithMessage(ArtworkTexts.TitleTooLong);
        RuleFor(x => x.Description).MaximumLength(Artwork.DescriptionMaxLength).WithMessage(ArtworkTexts.DescriptionTooLong);
        RuleFor(x => x.Price).Must(p => ArtworkFields.Price(p) is > 0 and <= ArtworkFields.MaxPrice).WithMessage(ArtworkTexts.PriceInvalid);
        RuleFor(x => x.Category).NotEmpty().WithMessage(ArtworkTexts.CategoryRequired);
        RuleFor(x => x.Medium).MaximumLength(Artwork.MediumMaxLength).WithMessage(ArtworkTexts.MediumTooLong);
        RuleFor(x => x.WidthCm).Must(BeADimension).WithMessage(ArtworkTexts.DimensionInvalid);
        RuleFor(x => x.HeightCm).Must(BeADimension).WithMessage(ArtworkTexts.DimensionInvalid);
        RuleFor(x => x.DepthCm).Must(d => string.IsNullOrWhiteSpace(d) || BeADimension(d)).WithMessage(ArtworkTexts.DimensionInvalid);
        RuleFor(x => x.Year).Must(y => string.IsNullOrWhiteSpace(y) || ArtworkFields.Year(y) is { } year && year >= 1900 && year <= clock.GetUtcNow().Year)
            .WithMessage(ArtworkTexts.YearInvalid);
        RuleFor(x => x.Status).Must(s => s is not null && ArtworkFields.Statuses.ContainsKey(s)).WithMessage(ArtworkTexts.StatusInvalid);
        RuleFor(x => x.Images.Count).LessThanOrEqualTo(Artwork.MaxImages).OverridePropertyName("images").WithMessage(ArtworkTexts.TooManyImages);
    }

    private static bool BeADimension(string? text) => ArtworkFields.Centimetres(text) is > 0 and <= 5000;
}

/// <summary>The atelier's French text, in one place.</summary>
public static class ArtworkTexts
{
    public const string ListTitle = "Mes œuvres";
    public const string NewTitle = "Nouvelle œuvre";
    public const string EditTitle = "Modifier l'œuvre";
    public const string Add = "Ajouter une œuvre";
    public const string Empty = "Vous n'avez encore publié aucune œuvre.";
    public const string Edit = "Modifier";
    public const string View = "Voir";
    public const string Title = "Titre";
    public const string Description = "Description";
    public const string DescriptionHint = "Technique, histoire, inspiration. Mise en forme Markdown : **gras**, *italique*, listes.";
    public const string Price = "Prix (FCFA)";
    public const string PriceHint = "En francs CFA, sans centimes, par ex. 150 000.";
    public const string Category = "Catégorie";
    public const string ChooseCategory = "Choisissez…";
    public const string Medium = "Technique / support";
    public const string MediumHint = "Par ex. acrylique sur toile, bronze, tirage jet d'encre.";
    public const string Dimensions = "Dimensions (cm)";
    public const string Height = "Hauteur";
    public const string Width = "Largeur";
    public const string Depth = "Profondeur (facultatif)";
    public const string Year = "Année (facultatif)";
    public const string Status = "Disponibilité";
    public const string Images = "Photos";
    public const string ImagesHint = "1 à 8 photos JPEG, PNG ou WebP, 10 Mo chacune au plus. La première est la couverture.";
    public const string StoredImages = "Photos actuelles";
    public const string RemoveImage = "Retirer";
    public const string MoveUp = "Monter";
    public const string MoveDown = "Descendre";
    public const string Save = "Enregistrer";
    public const string Publish = "Publier l'œuvre";
    public const string Saved = "Œuvre enregistrée.";
    public const string Created = "Œuvre publiée.";
    public const string Delete = "Supprimer cette œuvre";
    public const string DeleteConfirm = "Supprimer définitivement cette œuvre et ses photos ?";
    public const string Deleted = "Œuvre supprimée.";
    public const string Hidden = "Masquée par la modération";
    public const string TitleRequired = "Donnez un titre à l'œuvre.";
    public const string TitleTooLong = "Le titre ne peut pas dépasser 120 caractères.";
    public const string DescriptionTooLong = "La description ne peut pas dépasser 5 000 caractères.";
    public const string PriceInvalid = "Indiquez un prix en FCFA, un nombre entier supérieur à 0.";
    public const string CategoryRequired = "Choisissez une catégorie.";
    public const string CategoryUnknown = "Cette catégorie n'existe pas.";
    public const string CategoryRetired = "Cette catégorie n'accepte plus de nouvelles œuvres : choisissez-en une autre.";
    public const string MediumTooLong = "La technique ne peut pas dépasser 120 caractères.";
    public const string DimensionInvalid = "Indiquez une dimension en centimètres (par ex. 60 ou 45,5).";
    public const string YearInvalid = "Indiquez une année entre 1900 et cette année.";
    public const string StatusInvalid = "Choisissez une disponibilité.";
    public const string TooManyImages = "8 photos au maximum par œuvre.";
    public const string NoImage = "Ajoutez au moins une photo de l'œuvre.";
    public const string StatusAvailable = "Disponible";
    public const string StatusReserved = "Réservée";
    public const string StatusSold = "Vendue";

    public static string StatusLabel(ArtworkStatus status) => status switch
    {
        ArtworkStatus.Reserved => StatusReserved,
        ArtworkStatus.Sold => StatusSold,
        _ => StatusAvailable,
    };
}
