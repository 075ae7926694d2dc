namespace PosaX.Web.Data;

/// <summary>One picture of a work; position 0 is the cover.</summary>
public class ArtworkImage
{
    public long Id { get; set; }
    public long ArtworkId { get; set; }
    public required string Key { get; set; }
    public int Position { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>The WebP widths stored, e.g. "320,640,960".</summary>
    public required string Widths { get; set; }
}
