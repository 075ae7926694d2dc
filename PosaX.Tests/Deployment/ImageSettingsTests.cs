using System.Diagnostics;
using System.Globalization;
using PosaX.Tests.ScaleOut;

namespace PosaX.Tests.Deployment;

/// <summary>
/// The runtime settings the image sets (PosaX.Web/Dockerfile) reach the benchmark: bench/run.sh reads them with
/// scripts/image-env.sh, run here as the bench runs it. DOTNET_GCgen0size is environment-only (no runtimeconfig
/// name): a renamed or dropped ENV line would silently leave the image and the bench on the default budget.
/// </summary>
public class ImageSettingsTests
{
    private static string Root => ScaleOutTools.RepositoryRoot;

    private static (int ExitCode, string Output, string Error) ImageEnv(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("scripts", "image-env.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim(), error.Trim());
    }

    [Test]
    public void The_image_sets_a_gen0_budget_of_at_least_32_MB_and_the_bench_reads_it_the_same_way()
    {
        var (exitCode, value, error) = ImageEnv("DOTNET_GCgen0size");
        Assert.That(exitCode, Is.Zero, error);
        // The runtime reads GC knobs as hexadecimal, with or without 0x.
        var bytes = long.Parse(value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.That(bytes, Is.GreaterThanOrEqualTo(32L * 1024 * 1024), "docs/benchmarks.md: at least 32 MB");

        // The bench takes it from that script (not a copy of its own), and exports it to the app it starts.
        var bench = File.ReadAllText(Path.Combine(Root, "bench", "run.sh"));
        Assert.That(bench, Does.Match(@"\$\(bash scripts/image-env\.sh DOTNET_GCgen0size\)"));
        Assert.That(bench, Does.Match(@"(?m)^export DOTNET_GCgen0size\b"));
        Assert.That(bench, Does.Not.Contain("s/^ENV DOTNET_GCgen0size"), "no second extraction");
    }

    [Test]
    public void A_Dockerfile_that_lost_the_line_stops_the_extraction_and_a_multi_line_ENV_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("posax-image-env-");
        try
        {
            var renamed = Path.Combine(folder.FullName, "renamed");
            File.WriteAllText(renamed, "FROM base\nENV DOTNET_GCgen0Size_old=0x2000000\n");
            var multiLine = Path.Combine(folder.FullName, "multi");
            File.WriteAllText(multiLine, "FROM base\nENV ASPNETCORE_HTTP_PORTS=8080 \\\n    DOTNET_GCgen0size=0x4000000 \\\n    Storage__Root=/data/media\n");

            var lost = ImageEnv("DOTNET_GCgen0size", renamed);
            var found = ImageEnv("DOTNET_GCgen0size", multiLine);
            Assert.Multiple(() =>
            {
                Assert.That(lost.ExitCode, Is.EqualTo(1));
                Assert.That(lost.Output, Is.Empty);
                Assert.That(lost.Error, Does.Contain("sets no DOTNET_GCgen0size"));
                Assert.That((found.ExitCode, found.Output), Is.EqualTo((0, "0x4000000")));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
