using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;

namespace PosaX.Tests.Features.Subscriptions;

/// <summary>What the follow, alert and digest tests share: visitors from their own IPs, artists with works, the mails' links.</summary>
public static class Subscribing
{
    public static string NewIp() =>
        $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    /// <summary>A visitor of its own client IP (loopback is a trusted proxy): the per-IP limit counts each apart.</summary>
    public static AppClient VisitorFrom(PosaXApp app, string? ip = null)
    {
        var client = app.CreateBrowserClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip ?? NewIp());
        return client;
    }

    public static string NewAddress(string hint = "amateur") => $"{hint}-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";

    public sealed record ArtistOnSite(string Email, string Name, string Slug, Guid Id);

    /// <summary>An activated artist (signed out) with a unique name.</summary>
    public static async Task<ArtistOnSite> ArtistAsync(PosaXApp app, string name)
    {
        var unique = $"{name} {Guid.NewGuid().ToString("N")[..6]}";
        var (client, email) = await Accounts.NewArtistAsync(app, unique);
        client.Dispose();
        var row = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Slug, u.Id }).SingleAsync());
        return new ArtistOnSite(email, unique, row.Slug, row.Id);
    }

    public static async Task<AjaxReply> FollowAsync(AppClient visitor, ArtistOnSite artist, string email)
    {
        var page = await visitor.GetPageAsync("/artistes/" + artist.Slug);
        return await visitor.PostAjaxAsync(AppClient.Form(page, "follow-form"), new Dictionary<string, string> { ["email"] = email });
    }

    public static async Task<AjaxReply> AlertAsync(AppClient visitor, string catalogueUrl, string email)
    {
        var page = await visitor.GetPageAsync(catalogueUrl);
        return await visitor.PostAjaxAsync(AppClient.Form(page, "alert-form"), new Dictionary<string, string> { ["email"] = email });
    }

    /// <summary>Opens the mailed confirmation link (GET: a page, nothing confirmed) and presses its button (POST).</summary>
    public static async Task<AjaxReply> ConfirmAsync(AppClient visitor, Mailbox.Mail mail)
    {
        var link = mail.Link("/abonnement/confirmer/");
        var page = await visitor.GetPageAsync(new Uri(link).PathAndQuery);
        return await visitor.PostAjaxAsync(AppClient.Form(page, "confirm-form"), new Dictionary<string, string>());
    }

    public static Task<List<Subscription>> SubscriptionsOfAsync(PosaXApp app, string email) =>
        app.WithDbAsync(db => db.Subscriptions.AsNoTracking().Where(s => s.Email == email).ToListAsync());
}
