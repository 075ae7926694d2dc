using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Admin;

public class AdminAccessTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string AdminPassword = "une phrase de passe d'administration";

    private async Task<AppClient> SignedInAdminAsync(PosaXApp? app = null)
    {
        app ??= App;
        var email = NewEmail("admin");
        var output = new StringWriter();
        var code = await AdminCommands.CreateAdminAsync(app.Services, ["create-admin", "--email", email, "--password", AdminPassword], output);
        Assert.That(code, Is.Zero, output.ToString());
        var client = app.CreateBrowserClient();
        var login = await client.LoginAsync(email, AdminPassword);
        Assert.That(login.Success, Is.True, login.Message);
        return client;
    }

    [Test]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = NewClient();
        using var response = await client.Http.GetAsync("/admin");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.EndWith("/connexion?ReturnUrl=%2Fadmin"));
    }

    [Test]
    public async Task A_signed_in_artist_gets_403()
    {
        var (artist, _) = await Accounts.NewArtistAsync(App);
        using var _a = artist;
        var page = await artist.GetPageAsync("/admin", HttpStatusCode.Forbidden);
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Accès refusé"));
    }

    [Test]
    public async Task An_admin_sees_the_dashboard_with_counts()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        await SeedArtworks.CreateAsync(App, email, "Compte au tableau " + Guid.NewGuid().ToString("N")[..6]);
        using var admin = await SignedInAdminAsync();

        var page = await admin.GetPageAsync("/admin");

        Assert.That(int.Parse(page.QuerySelector("[data-count=works]")!.TextContent), Is.GreaterThanOrEqualTo(1));
        Assert.That(int.Parse(page.QuerySelector("[data-count=artists]")!.TextContent), Is.GreaterThanOrEqualTo(2));
        Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
        Assert.That(page.Body!.TextContent, Does.Contain(email));
    }

    [Test]
    public async Task The_dashboard_shows_times_in_Douala_and_says_so()
    {
        // An app of its own: the work is dated at the start of the current minute, and the dashboard lists the 10
        // newest works; on the shared app, works other tests created earlier in that minute are newer and can push
        // it off the list (seen once in a filtered run).
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?>());
        var (artist, email) = await Accounts.NewArtistAsync(app);
        artist.Dispose();
        var title = "Heure de Douala " + Guid.NewGuid().ToString("N")[..6];
        var now = DateTime.UtcNow;
        var created = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        await SeedArtworks.CreateAsync(app, email, title, createdAt: created);
        using var admin = await SignedInAdminAsync(app);

        var page = await admin.GetPageAsync("/admin");

        var line = page.QuerySelectorAll("li").Single(li => li.TextContent.Contains(title));
        var time = line.QuerySelector("time")!;
        Assert.Multiple(() =>
        {
            Assert.That(time.TextContent, Does.Match(@"^\d{1,2} \S+ \d{4} à \d{2}:\d{2}$"));
            Assert.That(time.TextContent, Does.EndWith(created.AddHours(1).ToString("HH:mm")), "UTC plus one hour");
            Assert.That(time.GetAttribute("datetime"), Is.EqualTo(created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")));
            Assert.That(page.Body!.TextContent, Does.Contain("Heures de Douala (UTC+1)"));
        });
    }

    [Test]
    public async Task Promoting_an_existing_artist_makes_them_an_admin_with_the_given_password()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        var output = new StringWriter();
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", AdminPassword], output), Is.Zero);
        Assert.That(output.ToString(), Does.Contain("is now an admin"));
        using var client = NewClient();
        Assert.That((await client.LoginAsync(email, AdminPassword)).Success, Is.True);
        await client.GetPageAsync("/admin");
    }
}

/// <summary>The real command line: <c>dotnet PosaX.Web.dll create-admin …</c> on a fresh database.</summary>
public class CreateAdminCommandTests
{
    private static async Task<(int Code, string Output)> RunAsync(string dataDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PosaX.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dataDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__PosaX"] = $"Data Source={Path.Combine(dataDirectory, "posax.db")}";
        start.Environment["Storage__Root"] = Path.Combine(dataDirectory, "media");
        start.Environment["Email__PickupDirectory"] = Path.Combine(dataDirectory, "mail");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Test]
    public async Task Creates_an_admin_then_refuses_a_bad_email_and_a_common_password()
    {
        var data = Directory.CreateTempSubdirectory("posax-cli-").FullName;
        try
        {
            var ok = await RunAsync(data, "create-admin", "--email", "chef@posax.test", "--password", "une phrase de passe d'administration");
            Assert.That(ok.Code, Is.Zero, ok.Output);
            Assert.That(ok.Output, Does.Contain("created"));

            var badEmail = await RunAsync(data, "create-admin", "--email", "pas-une-adresse", "--password", "une phrase de passe d'administration");
            Assert.That(badEmail.Code, Is.EqualTo(2), badEmail.Output);
            Assert.That(badEmail.Output, Does.Contain("--email"));

            var weak = await RunAsync(data, "create-admin", "--email", "autre@posax.test", "--password", "password123");
            Assert.That(weak.Code, Is.EqualTo(2), weak.Output);
            Assert.That(weak.Output, Does.Contain("trop courant"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
