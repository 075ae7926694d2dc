using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Dom;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// The GET forms (catalogue filters, searches, admin filters), found on the pages rather than
/// listed: every field gets the hostile values in the query string. Never a 5xx, never an error
/// in the log; searches are where PostgreSQL meets raw visitor text.
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(BothProviders))]
public class QueryFuzzTests(DatabaseProvider provider) : AbuseTest(provider)
{
    private static readonly string[] PublicPages = ["/", "/oeuvres", "/artistes"];
    private static readonly string[] AdminPages = ["/admin/oeuvres", "/admin/artistes"];

    [Test]
    public async Task Hostile_values_in_every_GET_form_never_get_a_5xx()
    {
        var values = Provider == DatabaseProvider.Postgres ? HostileValues.PostgresSample : HostileValues.All;
        using var visitor = App.CreateBrowserClient();
        var admin = await World.ViewerAdminAsync();
        var log = WatchLog();
        var failures = new List<string>();
        var cases = 0;
        var watch = Stopwatch.StartNew();
        foreach (var (client, page) in PublicPages.Select(p => (visitor, p)).Concat(AdminPages.Select(p => (admin, p))))
        {
            var document = await client.GetPageAsync(page);
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "get", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") ?? page;
                var fields = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.Length > 0).Distinct().ToArray();
                foreach (var field in fields)
                {
                    var maxLength = form.QuerySelector($"[name='{field}'][maxlength]")?.GetAttribute("maxlength") is { } max
                        && int.TryParse(max, out var parsed) ? parsed : 200;
                    var fieldValues = values.Concat(HostileValues.AroundLimit(maxLength))
                        .Where(v => v.Bytes.Length <= 20_000); // a URL of 1 MB is Kestrel's 414, not the page's business
                    foreach (var value in fieldValues)
                    {
                        cases++;
                        var url = $"{action}?{Encode(field)}={Encode(value.Bytes)}";
                        using var response = await client.Http.GetAsync(url);
                        if ((int)response.StatusCode >= 500) failures.Add($"GET {action} {field} = {value.Label}: {(int)response.StatusCode}");
                        var errors = log.NewErrors();
                        if (errors.Count > 0) failures.Add($"GET {action} {field} = {value.Label}: logged {string.Join(" | ", errors)[..Math.Min(600, string.Join(" | ", errors).Length)]}");
                    }
                }
            }
        }
        Progress($"{Provider} GET forms: {cases} hostile queries in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.That(cases, Is.GreaterThan(100), "GET forms were found");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(30)));
    }

    private static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    private static string Encode(byte[] bytes)
    {
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
            encoded.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                ? ((char)b).ToString() : $"%{b:X2}");
        return encoded.ToString();
    }
}
