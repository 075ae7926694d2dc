namespace PosaX.Web.Data;

/// <summary>
/// A mail waiting to be delivered. Written in the same transaction as what caused it, so a
/// registration never exists without its activation mail, and a rolled-back one sends nothing.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    /// <summary>Extra headers (e.g. List-Unsubscribe), as a JSON object; null for none.</summary>
    public string? Headers { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
