namespace PosaX.Web.Data;

/// <summary>
/// A signed-in browser. The auth cookie only carries this row's id, so signing out (or an admin
/// ending every session of an artist) makes a copied cookie worthless at once.
/// </summary>
public class UserSession
{
    public required string Id { get; set; }
    public Guid UserId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}
