using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PosaX.Tests.Infrastructure;
using PosaX.Tests.ScaleOut;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Shared;

/// <summary>
/// The Nu HTML Checker (npm vnu-jar, on Java; scripts/test.sh installs both) on every public page
/// type as served, in French and in English: no error. Skipped, saying why, only where no Java runtime is found.
/// </summary>
public class HtmlValidityTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly string Jar = Path.Combine(ScaleOutTools.RepositoryRoot, "scripts/vnu/node_modules/vnu-jar/build/dist/vnu.jar");

    [Test]
    public async Task Every_public_page_type_has_no_error_in_the_Nu_HTML_Checker()
    {
        var java = FindJava() ?? throw new IgnoreException("No Java runtime (java) found: the Nu HTML Checker cannot run. apt-get install default-jre-headless");
        Assert.That(File.Exists(Jar), Is.True, $"{Jar} is missing: run scripts/test.sh (it installs vnu-jar), or npm ci in scripts/vnu");

        var french = await PublicPageTypes.CreateAsync(App);
        // And each in English (/en/…: issue 18).
        var pages = french.Concat(french.Select(url => PosaX.Web.Infrastructure.Web.LocalizedPaths.For(url, "en"))).Distinct().ToList();
        var folder = Directory.CreateTempSubdirectory("posax-vnu-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            using var client = NewClient();
            foreach (var (url, i) in pages.Select((u, i) => (u, i)))
            {
                using var response = await client.Http.GetAsync(url);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
                var file = Path.Combine(folder, $"page-{i:D2}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files[Path.GetFileName(file)] = url;
            }

            var start = new ProcessStartInfo(java) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-jar", Jar, "--errors-only", "--format", "json" }) start.ArgumentList.Add(arg);
            foreach (var file in files.Keys.Order()) start.ArgumentList.Add(Path.Combine(folder, file));
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON report to stderr
            await process.WaitForExitAsync();
            await output;

            var messages = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => $"{files.GetValueOrDefault(m.GetProperty("url").GetString()!.Split('/', ':')[^1], "?")}" +
                             $" line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}" +
                             $" [{(m.TryGetProperty("extract", out var extract) ? extract.GetString() : "")}]")
                .ToList();
            TestContext.Out.WriteLine($"[vnu] {files.Count} pages checked: {string.Join(", ", files.Values)}");
            Assert.That(messages, Is.Empty, "errors from the Nu HTML Checker");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? FindJava()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "java");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
