using FluentValidation;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Atelier;

/// <summary>The fields of <c>#artwork-form</c>, as posted.</summary>
public sealed record ArtworkInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Optional: English pages show these when present (issue 18).</summary>
    public string? TitleEn { get; init; }
    public string? DescriptionEn { get; init; }
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

    /// <summary>
    /// A price as people type it: "150000", "150 000", "1.200.000" (a dot only as a thousands
    /// separator: "12.5" is no price), with or without the currency after it ("1 200 000 FCFA",
    /// "1200000 F", "150 000 F CFA", "XAF"), spaces of any kind.
    /// </summary>
    public static long? Price(string? text)
    {
        var compact = Spaces().Replace(text ?? "", "");
        compact = CurrencySuffix().Replace(compact, "");
        if (GroupedWithDots().IsMatch(compact)) compact = compact.Replace(".", "");
        return long.TryParse(compact, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial System.Text.RegularExpressions.Regex GroupedWithDots();

    /// <summary>Every kind of space people's keyboards and copied prices hold (no-break, narrow, thin…).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[\s\u00A0\u2007\u2009\u202F]+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    /// <summary>The currency written after the amount, spaces already gone: FCFA, F CFA, CFA, F, XAF, francs.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)(fcfa|cfa|f|xaf|francs?(cfa)?)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CurrencySuffix();

    public static double? Centimetres(string? text) =>
        double.TryParse((text ?? "").Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? Math.Round(value, 1) : null;

    public static int? Year(string? text) => int.TryParse(text?.Trim(), out var year) ? year : null;
}

public sealed class ArtworkValidator : AbstractValidator<ArtworkInput>
{
    public ArtworkValidator(TimeProvider clock)
    {
        RuleFor(x => x.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => AtelierTexts.Artworks.TitleRequired)
            .MaximumLength(Artwork.TitleMaxLength).WithMessage(_ => AtelierTexts.Artworks.TitleTooLong);
        RuleFor(x => x.Description).MaximumLength(Artwork.DescriptionMaxLength).WithMessage(_ => AtelierTexts.Artworks.DescriptionTooLong);
        // The same lengths as the French ones; optional (blank means none).
        RuleFor(x => x.TitleEn).Must(t => t is null || t.Trim().Length <= Artwork.TitleMaxLength).WithMessage(_ => AtelierTexts.Artworks.TitleEnTooLong);
        RuleFor(x => x.DescriptionEn).MaximumLength(Artwork.DescriptionMaxLength).WithMessage(_ => AtelierTexts.Artworks.DescriptionEnTooLong);
        RuleFor(x => x.Price).Must(p => ArtworkFields.Price(p) is > 0 and <= ArtworkFields.MaxPrice).WithMessage(_ => AtelierTexts.Artworks.PriceInvalid);
        RuleFor(x => x.Category).NotEmpty().WithMessage(_ => AtelierTexts.Artworks.CategoryRequired);
        RuleFor(x => x.Medium).MaximumLength(Artwork.MediumMaxLength).WithMessage(_ => AtelierTexts.Artworks.MediumTooLong);
        RuleFor(x => x.WidthCm).Must(BeADimension).WithMessage(_ => AtelierTexts.Artworks.DimensionInvalid);
        RuleFor(x => x.HeightCm).Must(BeADimension).WithMessage(_ => AtelierTexts.Artworks.DimensionInvalid);
        RuleFor(x => x.DepthCm).Must(d => string.IsNullOrWhiteSpace(d) || BeADimension(d)).WithMessage(_ => AtelierTexts.Artworks.DimensionInvalid);
        RuleFor(x => x.Year).Must(y => string.IsNullOrWhiteSpace(y) || ArtworkFields.Year(y) is { } year && year >= 1900 && year <= clock.GetUtcNow().Year)
            .WithMessage(_ => AtelierTexts.Artworks.YearInvalid);
        RuleFor(x => x.Status).Must(s => s is not null && ArtworkFields.Statuses.ContainsKey(s)).WithMessage(_ => AtelierTexts.Artworks.StatusInvalid);
        RuleFor(x => x.Images.Count).LessThanOrEqualTo(Artwork.MaxImages).OverridePropertyName("images").WithMessage(_ => AtelierTexts.Artworks.TooManyImages);
    }

    private static bool BeADimension(string? text) => ArtworkFields.Centimetres(text) is > 0 and <= 5000;
}
