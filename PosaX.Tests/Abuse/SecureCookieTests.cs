using System.Net;
using PosaX.Tests.Features.Catalogue;
using PosaX.Tests.Features.Orders;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Issue 12, finding 3: outside Development every cookie the app sets is Secure — the TempData
/// cookie too (it never was). The main flows walked as a browser behind the TLS proxy does.
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(SqliteOnly))]
public class SecureCookieTests(DatabaseProvider provider) : AbuseTest(provider)
{
    [Test]
    public async Task Every_cookie_set_along_the_main_flows_is_Secure()
    {
        var work = await Reporting.WorkAsync(App, "Cookies");
        using var client = App.CreateBrowserClient();
        client.Http.DefaultRequestHeaders.Host = "posax.test";
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Reporting.NewIp());
        var email = AbuseWorld.NewEmail("cookies");

        Assert.That((await client.RegisterAsync(email)).Success, Is.True);
        // An unactivated account with its right password: the login writes TempData (the address to resend to).
        var notActivated = await client.LoginAsync(email);
        Assert.That(notActivated.RedirectUrl, Is.EqualTo("/inscription/confirmation"));
        await client.GetPageAsync("/inscription/confirmation");
        using (var activation = await client.ActivateAsync(App, email)) Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var profile = await client.GetPageAsync("/profil");
        Assert.That((await client.PostAjaxAsync(AppClient.Form(profile, "logout-form"), new Dictionary<string, string>())).Success, Is.True);
        Assert.That((await client.LoginAsync(email, "pas le bon mot de passe")).Success, Is.False);
        Assert.That((await client.LoginAsync(email, rememberMe: true)).Success, Is.True);
        Assert.That((await OrderRequests.PlaceAsync(client, work.Id, OrderRequests.Fields())).Success, Is.True);
        Assert.That((await Reporting.ReportAsync(client, work.Path, "Cette œuvre n'est pas de cet artiste.")).Success, Is.True);
        // Issue 18: a first visit whose browser prefers English is sent to the English page with the lang cookie.
        using (var firstVisit = App.CreateBrowserClient())
        {
            firstVisit.Http.DefaultRequestHeaders.Host = "posax.test";
            firstVisit.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            firstVisit.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Reporting.NewIp());
            using var request = new HttpRequestMessage(HttpMethod.Get, "/oeuvres");
            request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"); // none is a robot
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            request.Headers.TryAddWithoutValidation("Accept-Language", "en-GB,en;q=0.9");
            using var redirect = await firstVisit.Http.SendAsync(request);
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(firstVisit.SetCookieHeaders, Has.Some.StartsWith("lang=en"));
            Assert.That(firstVisit.SetCookieHeaders.Where(c => !c.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase))), Is.Empty);
        }

        var names = client.SetCookieHeaders.Select(c => c.Split('=')[0]).Distinct().ToList();
        Progress("cookies set: " + string.Join(", ", names));
        Assert.That(names, Does.Contain("posax.session").And.Contain("posax.af").And.Contain(".AspNetCore.Mvc.CookieTempDataProvider"));
        var notSecure = client.SetCookieHeaders.Where(c => !c.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.That(notSecure, Is.Empty);
    }
}
