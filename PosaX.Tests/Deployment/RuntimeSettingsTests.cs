using System.Text.Json;

namespace PosaX.Tests.Deployment;

/// <summary>
/// The runtime settings the benchmarks chose (PosaX.Web.csproj) reach the app's runtime configuration: the
/// PosaX.Web.runtimeconfig.json the build writes, which `dotnet PosaX.Web.dll` reads at start (the test host runs the
/// app under its own configuration, so nothing else in the suite would notice a lost property).
/// </summary>
public class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        // Copied beside the tests with PosaX.Web.dll, from the same build.
        var path = Path.Combine(AppContext.BaseDirectory, "PosaX.Web.runtimeconfig.json");
        Assert.That(File.Exists(path), Is.True, path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Test]
    public void The_app_runs_without_dynamic_PGO_on_workstation_GC_that_conserves_memory()
    {
        var properties = ConfigProperties();
        Assert.Multiple(() =>
        {
            // docs/benchmarks.md, "Twelfth pass": dynamic PGO compiles every hot precompiled method twice after a start, and the
            // first minute's searches missed their p99 with it.
            Assert.That(properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo) && pgo.ValueKind == JsonValueKind.False, Is.True,
                "System.Runtime.TieredPGO: false");
            Assert.That(properties.TryGetProperty("System.GC.Server", out var server) && server.ValueKind == JsonValueKind.False, Is.True,
                "System.GC.Server: false");
            Assert.That(properties.TryGetProperty("System.GC.ConserveMemory", out var conserve) ? conserve.GetInt32() : 0, Is.EqualTo(7));
        });
    }
}
