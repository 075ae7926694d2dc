using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Statistics;

namespace PosaX.Tests.Features.Statistics;

/// <summary>What visitors' counts look like from a test: a phone's browser, a robot, the batch written on demand.</summary>
public static class Counting
{
    public const string PhoneBrowser = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    public const string Googlebot = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    /// <summary>A visitor from an address of its own with a phone browser's user agent (or the given one).</summary>
    public static AppClient Visitor(PosaXApp app, string userAgent = PhoneBrowser)
    {
        var client = Catalogue.Reporting.VisitorFrom(app);
        if (userAgent.Length > 0) client.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return client;
    }

    public static Task FlushAsync(PosaXApp app) => app.Services.GetRequiredService<StatisticsCounter>().FlushAsync();

    public static DateOnly Today(PosaXApp app) => app.Services.GetRequiredService<StatisticsCounter>().Today();

    public static Task<ArtworkDailyStats?> TodayOfAsync(PosaXApp app, long artworkId)
    {
        var today = Today(app);
        return app.WithDbAsync(db => db.ArtworkDailyStats.AsNoTracking().FirstOrDefaultAsync(s => s.ArtworkId == artworkId && s.Day == today));
    }

    public static async Task<HttpResponseMessage> BeaconAsync(AppClient visitor, long artworkId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StatisticsFeature.ViewBeacon(artworkId)) { Content = new StringContent("") };
        return await visitor.Http.SendAsync(request);
    }

    /// <summary>The token a cached page's script fetches before posting.</summary>
    public static async Task<string> TokenAsync(AppClient visitor)
    {
        using var response = await visitor.Http.GetAsync("/antiforgery/token");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>The heart's post, as favourites.js sends it.</summary>
    public static async Task<AjaxReply> FavouriteAsync(AppClient visitor, long artworkId, string state, string? token = null)
    {
        token ??= await TokenAsync(visitor);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/oeuvres/{artworkId}/favori")
        {
            Content = new FormUrlEncodedContent([new("state", state)]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        return await AppClient.ReadAjaxAsync(await visitor.Http.SendAsync(request));
    }

    /// <summary>An order straight into the database (the order form has its own tests).</summary>
    public static Task AddOrderAsync(PosaXApp app, long artworkId, DateTime createdAt, OrderStatus status = OrderStatus.New, DateTime? updatedAt = null) =>
        app.WithDbAsync(async db =>
        {
            var artistId = await db.Artworks.Where(a => a.Id == artworkId).Select(a => a.ArtistId).SingleAsync();
            db.Orders.Add(new Order
            {
                Reference = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                ArtworkId = artworkId, ArtistId = artistId, BuyerName = "Test", BuyerPhone = "+237677000000",
                Price = 1000, Status = status, CreatedAt = createdAt, UpdatedAt = updatedAt ?? createdAt,
            });
            return await db.SaveChangesAsync();
        });

    public static Task AddCountsAsync(PosaXApp app, long artworkId, DateOnly day, int views = 0, int whatsApp = 0, int added = 0, int removed = 0) =>
        app.WithDbAsync(async db =>
        {
            db.ArtworkDailyStats.Add(new ArtworkDailyStats
            {
                ArtworkId = artworkId, Day = day, Views = views, WhatsAppClicks = whatsApp, FavouritesAdded = added, FavouritesRemoved = removed,
            });
            return await db.SaveChangesAsync();
        });
}
