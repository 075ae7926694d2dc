namespace PosaX.Web.Data;

/// <summary>
/// What visitors did with a work on one day (a Douala date): page views, clicks on its WhatsApp link,
/// favourites added and removed. Counts only — nothing about who (no cookie, no address, no
/// identifier). Written in batches by <see cref="Features.Statistics.StatisticsCounter"/> with an
/// upsert that adds (safe with several instances); orders and sales come from <see cref="Order"/>.
/// </summary>
public class ArtworkDailyStats
{
    public long ArtworkId { get; set; }
    public Artwork Artwork { get; set; } = null!;
    /// <summary>The day in Douala (UTC+1), not UTC.</summary>
    public DateOnly Day { get; set; }
    public int Views { get; set; }
    public int WhatsAppClicks { get; set; }
    public int FavouritesAdded { get; set; }
    public int FavouritesRemoved { get; set; }
}
