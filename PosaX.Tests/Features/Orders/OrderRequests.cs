using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;

namespace PosaX.Tests.Features.Orders;

/// <summary>
/// Posts the order form as the work page would. The work page lives in the catalogue branch, so
/// the antiforgery token comes from another page of the same session (tokens are bound to the
/// cookie and the user, not to a form); the fields are the partial's (see the plain-post test,
/// which checks them on the real rendered form).
/// </summary>
public static class OrderRequests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A random Cameroonian mobile number, so tests never share the per-phone limit.</summary>
    public static string NewPhone() => "67" + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7");

    public static string E164(string phone) => "+237" + phone.Replace(" ", "");

    public static Dictionary<string, string> Fields(string? phone = null, string name = "Atangana Paul",
        string email = "", string message = "") => new()
    {
        ["name"] = name, ["phone"] = phone ?? NewPhone(), ["email"] = email, ["message"] = message,
    };

    public static async Task<string> TokenAsync(AppClient client)
    {
        using var login = await client.Http.GetAsync("/connexion");
        var html = login.StatusCode == HttpStatusCode.OK
            ? await login.Content.ReadAsStringAsync()
            : await (await client.Http.GetAsync("/profil")).Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new AssertionException("No antiforgery token on the page.");
    }

    public static async Task<HttpResponseMessage> PostAsync(AppClient client, string path, IDictionary<string, string> fields,
        bool ajax = true, bool withToken = true)
    {
        var values = fields.ToList();
        var token = withToken ? await TokenAsync(client) : null;
        if (token is not null && !ajax) values.Add(new("__RequestVerificationToken", token));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        if (ajax)
        {
            if (token is not null) request.Headers.Add("RequestVerificationToken", token);
            request.Headers.Accept.ParseAdd("application/json");
        }
        else request.Headers.Accept.ParseAdd("text/html");
        return await client.Http.SendAsync(request);
    }

    public static async Task<AjaxReply> PlaceAsync(AppClient client, long artworkId, IDictionary<string, string> fields) =>
        await AppClient.ReadAjaxAsync(await PostAsync(client, $"/oeuvres/{artworkId}/commander", fields));

    /// <summary>An anonymous buyer orders the work; the order's id.</summary>
    public static async Task<long> PlaceNewAsync(PosaXApp app, long artworkId, string name = "Atangana Paul")
    {
        using var buyer = app.CreateBrowserClient();
        var reply = await PlaceAsync(buyer, artworkId, Fields(name: name));
        Assert.That(reply.Success, Is.True, reply.Message);
        return await app.WithDbAsync(db => db.Orders.Where(o => o.ArtworkId == artworkId)
            .OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync());
    }

    public static Task<int> CountForWorkAsync(PosaXApp app, long artworkId) =>
        app.WithDbAsync(db => db.Orders.CountAsync(o => o.ArtworkId == artworkId));

    public static Task<int> QueuedOrderMailsAsync(PosaXApp app, string artistEmail) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == artistEmail && m.Subject.StartsWith("Nouvelle commande")));

    public static Task<Order> FindAsync(PosaXApp app, long orderId) =>
        app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));

    public static Task<ArtworkStatus> WorkStatusAsync(PosaXApp app, long artworkId) =>
        app.WithDbAsync(db => db.Artworks.Where(a => a.Id == artworkId).Select(a => a.Status).SingleAsync());
}
