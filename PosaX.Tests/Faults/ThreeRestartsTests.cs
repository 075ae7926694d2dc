using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Faults;

/// <summary>
/// Three app restarts in a row: what users hold from before — a session cookie, a form's
/// antiforgery token, an activation link and a password reset link from their mails — still works
/// afterwards, because the data-protection keys and the sessions live in the database.
/// </summary>
[Category("Faults")]
public class ThreeRestartsTests(DatabaseProvider provider) : AppTest(provider)
{
    private const int Restarts = 3;

    [Test]
    public async Task Sessions_antiforgery_tokens_and_mailed_links_from_before_work_after_three_restarts()
    {
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?>());
        // Signed in, with a form page open and a reset link asked for.
        var (client, email) = await Accounts.NewArtistAsync(app);
        var cookies = client.Cookies.GetAllCookies();
        var forgot = await client.SubmitAsync("/mot-de-passe-oublie", "forgot-form", new Dictionary<string, string> { ["email"] = email });
        Assert.That(forgot.Success, Is.True);
        var resetMail = await app.Mailbox.WaitForAsync(email, "Réinitialisez");
        var profilePage = await client.GetPageAsync("/profil");
        client.Dispose();
        // Registered, not yet activated: the activation link waits in the mailbox.
        var newcomer = NewEmail("nouvelle");
        using (var registering = app.CreateBrowserClient())
            Assert.That((await registering.RegisterAsync(newcomer)).Success, Is.True);
        var activationMail = await app.Mailbox.WaitForAsync(newcomer, "Activez");
        // A session that expired meanwhile is swept at start.
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.UserSessions.Add(new PosaX.Web.Data.UserSession { Id = "expire", UserId = userId, Ticket = [1], CreatedAt = DateTime.UtcNow.AddDays(-20), ExpiresAt = DateTime.UtcNow.AddDays(-6) });
            return await db.SaveChangesAsync();
        });

        var durations = new List<TimeSpan>();
        for (var i = 0; i < Restarts; i++)
        {
            var clock = Stopwatch.StartNew();
            app = await app.RestartAsync();
            TestApps.Track(app);
            durations.Add(clock.Elapsed);
        }
        FaultWork.Report($"three restarts ({Provider}): {string.Join(", ", durations.Select(d => $"{d.TotalMilliseconds:0} ms"))} each (stop + start + ready)");

        Assert.That(await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync()), Is.GreaterThan(0));
        Assert.That(await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.Id == "expire")), Is.Zero, "expired sessions are swept at start");

        using var after = app.CreateBrowserClient();
        foreach (Cookie cookie in cookies) after.Cookies.Add(new Cookie(cookie.Name, cookie.Value, "/", after.Http.BaseAddress!.Host));
        await after.GetPageAsync("/profil"); // still signed in: 200, not a redirect to /connexion
        // The form rendered before the restarts still posts: its antiforgery token is still valid.
        var saved = await after.PostAjaxAsync(AppClient.Form(profilePage, "profile-form"), new Dictionary<string, string> { ["name"] = "Après Trois Redémarrages" });
        Assert.That(saved.Success, Is.True, saved.Message);
        Assert.That(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync()),
            Is.EqualTo("Après Trois Redémarrages"));
        // Links mailed before the restarts still work.
        var reset = await after.SubmitAsync(new Uri(resetMail.Link("/reinitialisation")).PathAndQuery, "reset-form",
            new Dictionary<string, string> { ["password"] = "mot de passe d'après", ["confirmPassword"] = "mot de passe d'après" });
        Assert.That(reset.Success, Is.True, reset.Message);
        using var activating = app.CreateBrowserClient();
        using var activation = await activating.Http.GetAsync(new Uri(activationMail.Link("/activation")).PathAndQuery);
        Assert.That(activation.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(activation.Headers.Location?.OriginalString, Is.EqualTo("/atelier?bienvenue=1"), "activated and signed in");
        Assert.That(await app.WithDbAsync(db => db.Users.Where(u => u.Email == newcomer).Select(u => u.EmailConfirmed).SingleAsync()), Is.True);
    }
}
