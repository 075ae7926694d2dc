namespace PosaX.Web.Data;

/// <summary>A kind of work (peinture, sculpture…). Seeded; admins will manage the list.</summary>
public class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    /// <summary>A retired category takes no new works but keeps the ones it has.</summary>
    public bool IsRetired { get; set; }
}
