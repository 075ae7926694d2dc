using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Faults;

/// <summary>
/// A newcomer's first run, as the real process in Development with the README's defaults (SQLite,
/// mails as files, demo data): the address given with --urls or ASPNETCORE_URLS is where it listens,
/// the links it mails follow that address when Site__BaseUrl is not set, and its start-up output is
/// one short block (address, where mails go, how to create an admin) that no per-image line buries.
/// </summary>
[Category("Faults")]
[NonParallelizable]
public class FirstRunTests
{
    private static AppProcess Development(string data, IDictionary<string, string?> settings, IEnumerable<string>? arguments = null, Uri? server = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Site__BaseUrl"] = null,
            ["Demo__SeedWhenEmpty"] = "true",
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new AppProcess(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "posax.db")}", data, all, arguments, server);
    }

    private static async Task AssertMailedLinksFollowAsync(AppProcess app)
    {
        using var client = new AppClient(app.Server);
        var email = $"premiere-{Guid.NewGuid().ToString("N")[..8]}@exemple.cm";
        Assert.That((await client.RegisterAsync(email, "Première Visite")).Success, Is.True);
        var link = (await app.Mailbox.WaitForAsync(email, "Activez")).Link("/activation");
        Assert.That(link, Does.StartWith(app.Server.ToString().TrimEnd('/') + "/activation?"), "the mailed link reaches this address");
    }

    [Test]
    public async Task ASPNETCORE_URLS_is_where_it_listens_and_what_its_mails_link_to_with_one_short_start_up_block()
    {
        var data = FaultWork.DataDirectory("first-run");
        await using var app = Development(data, new Dictionary<string, string?>());
        var ready = await app.StartAsync();
        FaultWork.Report($"first run (Development, SQLite, demo data): ready in {ready.TotalMilliseconds:0} ms");

        await AssertMailedLinksFollowAsync(app);
        var log = app.Log;
        Assert.Multiple(() =>
        {
            Assert.That(log, Does.Contain($"is listening on {app.Server.ToString().TrimEnd('/')}"));
            Assert.That(log, Does.Contain("Mails are written as files to " + Path.Combine(data, "mail")));
            Assert.That(log, Does.Contain("create-admin --email"));
            Assert.That(log, Does.Contain("Demo data:"), "one summary line for the demo data");
            Assert.That(log, Does.Not.Contain("Image stored as"), "no line per demo picture");
        });
    }

    [Test]
    public async Task The_urls_argument_is_where_it_listens_and_what_its_mails_link_to()
    {
        var data = FaultWork.DataDirectory("first-run-urls");
        var server = AppProcess.FreeLoopbackAddress();
        // No ASPNETCORE_URLS: only the argument can bring the app to that port.
        await using var app = Development(data, new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = null },
            ["--urls", server.ToString().TrimEnd('/')], server);
        await app.StartAsync();
        await AssertMailedLinksFollowAsync(app);
    }
}
