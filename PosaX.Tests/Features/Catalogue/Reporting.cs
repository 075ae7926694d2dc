using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>
/// Visitors reporting works, as the work page's form does. Every visitor comes from an address of
/// its own (X-Forwarded-For, trusted from loopback as from the app's reverse proxy), so tests
/// never share the per-IP limit or the "already reported" memory unless they mean to.
/// </summary>
public static class Reporting
{
    public sealed record Work(long Id, string Path, string Title, string ArtistEmail, string ArtistName);

    public static string NewIp() =>
        $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    public static AppClient VisitorFrom(PosaXApp app, string? ip = null)
    {
        var client = app.CreateBrowserClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip ?? NewIp());
        return client;
    }

    public static async Task<Work> WorkAsync(PosaXApp app, string titleHint = "Signalée", bool hidden = false)
    {
        const string artistName = "Essomba Rose";
        var (artist, email) = await Accounts.NewArtistAsync(app, artistName);
        artist.Dispose();
        var title = $"{titleHint} {Guid.NewGuid().ToString("N")[..8]}";
        var id = await SeedArtworks.CreateAsync(app, email, title, hidden: hidden);
        var slug = await app.WithDbAsync(db => db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        return new Work(id, $"/oeuvres/{id}/{slug}", title, email, artistName);
    }

    /// <summary>Opens the work page and posts its report form the AJAX way.</summary>
    public static async Task<AjaxReply> ReportAsync(AppClient visitor, string workPath, string reason)
    {
        var page = await visitor.GetPageAsync(workPath);
        return await visitor.PostAjaxAsync(AppClient.Form(page, "report-form"), new Dictionary<string, string> { ["reason"] = reason });
    }

    /// <summary>A new visitor reports the work; the report's id.</summary>
    public static async Task<long> ReportNewAsync(PosaXApp app, string workPath, string reason)
    {
        using var visitor = VisitorFrom(app);
        var reply = await ReportAsync(visitor, workPath, reason);
        Assert.That(reply.Success, Is.True, reply.Message);
        var id = long.Parse(workPath.Split('/')[2]);
        return await app.WithDbAsync(db => db.ArtworkReports.Where(r => r.ArtworkId == id)
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
    }

    public static Task<List<ArtworkReport>> ReportsOnAsync(PosaXApp app, long workId) =>
        app.WithDbAsync(db => db.ArtworkReports.AsNoTracking().Where(r => r.ArtworkId == workId).OrderBy(r => r.Id).ToListAsync());
}
