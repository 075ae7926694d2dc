namespace PosaX.Web.Data;

public enum SubscriptionKind { Follow = 0, Alert = 1 }

/// <summary>
/// An address that asked for mail about new works: following an artist, or a saved search (an
/// alert). Double opt-in: pending (<see cref="ConfirmedAt"/> null) until the mailed link is opened;
/// only the hash of that link's token is kept. Unsubscribing deletes the row.
/// </summary>
public class Subscription
{
    public const int EmailMaxLength = 254;
    public const int TargetMaxLength = 600;

    public long Id { get; set; }
    public SubscriptionKind Kind { get; set; }
    /// <summary>Trimmed and lower-cased: one row per address and target, however it was typed.</summary>
    public required string Email { get; set; }
    /// <summary>
    /// What is followed, unique per address: <c>artist:{id}</c>, or an alert's canonical /oeuvres URL
    /// (<see cref="Features.Catalogue.CatalogueQuery.Url"/>, newest first, no cursor).
    /// </summary>
    public required string Target { get; set; }
    /// <summary>The followed artist (follows only); the follow goes with the account.</summary>
    public Guid? ArtistId { get; set; }
    public Artist? Artist { get; set; }
    /// <summary>SHA-256 (hex) of the confirmation link's random token, while pending.</summary>
    public string? ConfirmTokenHash { get; set; }
    /// <summary>When the last confirmation mail was queued (a repeat soon after sends none).</summary>
    public DateTime? ConfirmMailedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>Alerts only: no digest after this (180 days after confirmation or renewal).</summary>
    public DateTime? ExpiresAt { get; set; }
    /// <summary>Alerts only: when the "ends soon" reminder was queued (cleared by a renewal).</summary>
    public DateTime? ReminderMailedAt { get; set; }
    /// <summary>The start of the next digest's window: new works are those published since.</summary>
    public DateTime? DigestedUntil { get; set; }
    /// <summary>The language of the page the address subscribed on ("fr" or "en"): its mails are written in it.</summary>
    public string Language { get; set; } = Infrastructure.Text.Languages.French;
}

/// <summary>
/// One row per Douala day whose digests were built: its primary key is the claim, so when several
/// instances run the digest job the same morning, one commits its mails and the others' inserts fail.
/// </summary>
public class DigestRun
{
    public DateOnly Day { get; set; }
    public DateTime RanAt { get; set; }
    public int Mails { get; set; }
}
