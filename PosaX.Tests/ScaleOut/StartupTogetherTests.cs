using System.Text.RegularExpressions;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16: start-up work that must happen once is safe when two instances start together. The
/// shared cluster starts A and B at the same moment on an empty database; under the advisory lock
/// one migrates and the other, once let in, finds nothing left to apply.
/// </summary>
[Category("ScaleOut")]
public sealed partial class StartupTogetherTests
{
    [Test]
    public async Task Two_instances_started_together_on_an_empty_database_migrate_it_once_and_both_serve()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var logs = new[] { cluster.A.Log, cluster.B.Log };
        var applied = logs.Select(l => Applied().Match(l)).ToList();
        var waited = logs.Select(l => Waited().Match(l)).FirstOrDefault(m => m.Success);
        TestContext.Progress.WriteLine($"[scaleout] start together: {string.Join(", ", applied.Select((m, i) => $"{"AB"[i]} {(m.Success ? m.Value : "applied none")}"))}; " +
                                       (waited is null ? "neither waited" : waited.Value));
        Assert.Multiple(() =>
        {
            Assert.That(applied.Count(m => m.Success), Is.EqualTo(1), "exactly one instance applied the migrations");
            Assert.That(logs, Has.All.Contains("Start-up work done"));
        });
        using var http = new HttpClient();
        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            using var home = await http.GetAsync(new Uri(instance.Server, "/"));
            Assert.That((int)home.StatusCode, Is.EqualTo(200), $"home page of {instance.Server}");
        }
    }

    [GeneratedRegex(@"Applied \d+ migrations")]
    private static partial Regex Applied();

    [GeneratedRegex(@"Waited \d+ ms for another instance's start-up work")]
    private static partial Regex Waited();
}
