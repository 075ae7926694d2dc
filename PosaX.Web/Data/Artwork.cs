namespace PosaX.Web.Data;

public enum ArtworkStatus { Available = 0, Reserved = 1, Sold = 2 }

public enum Orientation { Portrait = 0, Landscape = 1, Square = 2 }

/// <summary>S: longest side under 40 cm; M: 40 to 100 cm; L: over 100 cm.</summary>
public enum SizeClass { S = 0, M = 1, L = 2 }

/// <summary>A work an artist offers for sale.</summary>
public class Artwork
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 5000;
    public const int MediumMaxLength = 120;
    public const int SlugMaxLength = 140;
    public const int SearchTextMaxLength = 8000;
    public const int MaxImages = 8;

    public long Id { get; set; }
    public Guid ArtistId { get; set; }
    public Artist Artist { get; set; } = null!;
    public required string Title { get; set; }
    /// <summary>Derived from the title on save (<see cref="ArtworkDerivedFields"/>).</summary>
    public string Slug { get; set; } = "";
    /// <summary>Markdown, sanitised on display.</summary>
    public string? Description { get; set; }
    /// <summary>Optional English title, as the artist wrote it: English pages show it, else <see cref="Title"/> marked lang="fr".</summary>
    public string? TitleEn { get; set; }
    /// <summary>Optional English description (Markdown, same rules as <see cref="Description"/>).</summary>
    public string? DescriptionEn { get; set; }
    /// <summary>Whole FCFA (XAF has no minor unit).</summary>
    public long Price { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public string? Medium { get; set; }
    public double HeightCm { get; set; }
    public double WidthCm { get; set; }
    public double? DepthCm { get; set; }
    public int? Year { get; set; }
    /// <summary>
    /// Derived from the dimensions on save (<see cref="ArtworkDerivedFields"/>, as are the slug and
    /// search text), stored so the catalogue can filter by index.
    /// </summary>
    public Orientation Orientation { get; set; }
    public SizeClass SizeClass { get; set; }
    public ArtworkStatus Status { get; set; }
    /// <summary>
    /// Accent-free, lower-case text of the title, description, category, medium and artist name:
    /// SQLite searches it with LIKE; PostgreSQL builds its full-text vector from it.
    /// </summary>
    public string SearchText { get; set; } = "";
    /// <summary>Set by moderation: a hidden work is out of the catalogue, search and sitemap.</summary>
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
    /// <summary>Set by an admin to show the work "à la une" in the home page's hero (newest featured first).</summary>
    public DateTime? FeaturedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ArtworkImage> Images { get; set; } = [];
}
