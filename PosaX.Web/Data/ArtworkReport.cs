namespace PosaX.Web.Data;

/// <summary>
/// A visitor's flag on a work ("contrefaçon", "contenu choquant"…). Open until an admin closes it
/// with a decision on /admin/signalements.
/// </summary>
public class ArtworkReport
{
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }
    public long ArtworkId { get; set; }
    public Artwork Artwork { get; set; } = null!;
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Null while open.</summary>
    public DateTime? ClosedAt { get; set; }
    /// <summary>A stable code: "dismissed" (nothing to do) or "hidden" (the work was hidden).</summary>
    public string? Decision { get; set; }
    /// <summary>The closing admin's note, shown in the journal.</summary>
    public string? DecisionNote { get; set; }
    /// <summary>The closing admin's email.</summary>
    public string? ClosedBy { get; set; }
}
