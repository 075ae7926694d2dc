namespace PosaX.Web.Data;

/// <summary>
/// One act of an admin (hide a work, suspend an artist…): who, what, when, why. Append-only: the
/// application never updates or deletes these rows.
/// </summary>
public class AdminLogEntry
{
    public long Id { get; set; }
    public required string AdminEmail { get; set; }
    /// <summary>A stable code, e.g. "artwork.hide".</summary>
    public required string Action { get; set; }
    /// <summary>What it was done to, readable: "Œuvre 12 « Forêt d'ébène »".</summary>
    public required string Target { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}
