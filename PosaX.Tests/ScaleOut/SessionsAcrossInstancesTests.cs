using System.Net;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, test 7: data-protection keys and sessions live in PostgreSQL, so whatever one instance
/// issues (an activation link, a session cookie, an antiforgery token) the other accepts.
/// </summary>
[Category("ScaleOut")]
public sealed class SessionsAcrossInstancesTests
{
    [Test]
    public async Task A_session_and_an_antiforgery_token_from_one_instance_are_accepted_by_the_other()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var email = $"deux-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";

        // Registered through A, activated (and so signed in) through B.
        using var onA = new AppClient(cluster.A.Server);
        using var onB = new AppClient(cluster.B.Server, onA.Cookies);
        var registered = await onA.RegisterAsync(email, "Artiste Deux");
        Assert.That(registered.Success, Is.True, registered.Message);
        var mail = await cluster.Mailbox.WaitForAsync(email, "Activez");
        using (var activation = await onB.Http.GetAsync(new Uri(mail.Link("/activation")).PathAndQuery))
            Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "activated through B");

        // The session B opened is valid on A; a form A rendered is accepted by B.
        await onA.GetPageAsync("/profil");
        var form = AppClient.Form(await onA.GetPageAsync("/atelier/oeuvres/nouvelle"), "artwork-form");
        var published = await onB.PostAjaxAsync(form, FaultWork.ArtworkFields("Œuvre de deux instances"), FaultWork.Photo(7));
        Assert.That(published.Success, Is.True, $"{published.Status}: {published.Message}");

        // Anonymous: the login form's token (and cookie) from A, posted to B.
        using var visitorOnA = new AppClient(cluster.A.Server);
        using var visitorOnB = new AppClient(cluster.B.Server, visitorOnA.Cookies);
        var loginForm = AppClient.Form(await visitorOnA.GetPageAsync("/connexion"), "login-form");
        var login = await visitorOnB.PostAjaxAsync(loginForm, new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = Accounts.Password, ["rememberMe"] = "false",
        });
        Assert.That(login.Success, Is.True, $"{login.Status}: {login.Message}");
        await visitorOnA.GetPageAsync("/profil");
    }
}
