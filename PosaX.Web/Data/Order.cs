namespace PosaX.Web.Data;

public enum OrderStatus { New = 0, Contacted = 1, Reserved = 2, Sold = 3, Cancelled = 4 }

/// <summary>A buyer's request for a work ("passer une commande"); the sale closes on WhatsApp.</summary>
public class Order
{
    public long Id { get; set; }
    /// <summary>Short and readable over the phone, e.g. PX-7K3Q.</summary>
    public required string Reference { get; set; }
    public long ArtworkId { get; set; }
    public Artwork Artwork { get; set; } = null!;
    public Guid ArtistId { get; set; }
    public required string BuyerName { get; set; }
    /// <summary>E.164.</summary>
    public required string BuyerPhone { get; set; }
    public string? BuyerEmail { get; set; }
    public string? Message { get; set; }
    /// <summary>The price when the order was placed.</summary>
    public long Price { get; set; }
    public OrderStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// SHA-256 (hex) of the secret in the buyer's confirmation link, /commandes/{reference}/{secret}:
    /// the secret itself is never stored. Null for orders placed before confirmation pages existed.
    /// </summary>
    public string? ConfirmationSecretHash { get; set; }
    /// <summary>The language of the page the order was placed on ("fr" or "en"): the buyer's mails are written in it.</summary>
    public string Language { get; set; } = Infrastructure.Text.Languages.French;
}
