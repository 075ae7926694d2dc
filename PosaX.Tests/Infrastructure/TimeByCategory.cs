using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// The closing lines of a run: wall time per NUnit category, so each tier's cost shows in every
/// run's log (CI's included). A fixture's time runs from its one-time set-up to its one-time
/// tear-down (a shared app it starts first is counted there) and counts in each of its categories:
/// its own, its class's, its parents'. Every line starts with "[time]", which .ci/run's summary
/// patterns ("Passed!  - …", "Test Run …", "Passed: N" alone on a line) never match.
/// </summary>
public static class TimeByCategory
{
    private const string Prefix = "[time]";
    private const string NoCategory = "(none)";

    private sealed record Fixture(double Seconds, int Tests, string[] Categories);

    /// <summary>Call at the very end of the run, from the assembly-wide set-up fixture's tear-down.</summary>
    public static void Print(ITestResult run, TimeSpan closing)
    {
        var fixtures = new List<Fixture>();
        Collect(run, [], fixtures);
        if (fixtures.Count == 0) return;

        var rows = fixtures
            .SelectMany(f => (f.Categories.Length == 0 ? new[] { NoCategory } : f.Categories).Select(c => (Category: c, Fixture: f)))
            .GroupBy(r => r.Category, StringComparer.Ordinal)
            .Select(g => (Category: g.Key, Seconds: g.Sum(r => r.Fixture.Seconds), Tests: g.Sum(r => r.Fixture.Tests), Fixtures: g.Count()))
            .OrderByDescending(r => r.Seconds)
            .ToList();

        var output = TestContext.Progress;
        output.WriteLine($"{Prefix} time by category (a fixture counts in each of its categories; set-up included):");
        foreach (var row in rows)
            output.WriteLine($"{Prefix}   {row.Category,-10} {Format(row.Seconds),8}  {row.Tests,5} tests in {row.Fixtures,3} fixtures");
        output.WriteLine($"{Prefix}   {"all",-10} {Format(fixtures.Sum(f => f.Seconds)),8}  {fixtures.Sum(f => f.Tests),5} tests in {fixtures.Count,3} fixtures, " +
                         $"then {Format(closing.TotalSeconds)} to stop the shared apps and PostgreSQL");
    }

    private static void Collect(ITestResult result, string[] inherited, List<Fixture> into)
    {
        var categories = inherited
            .Concat(result.Test.Properties[PropertyNames.Category].OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        // Fixture instances ("TestFixture"); above them namespaces, set-up fixtures and
        // parameterized fixtures (a [TestFixtureSource] class), which only group them.
        if (result.Test.TestType == "TestFixture")
        {
            var tests = result.PassCount + result.FailCount + result.WarningCount + result.SkipCount + result.InconclusiveCount;
            into.Add(new Fixture(result.Duration, tests, categories));
            return;
        }
        foreach (var child in result.Children) Collect(child, categories, into);
    }

    private static string Format(double seconds) =>
        seconds < 60 ? $"{seconds:F1} s" : $"{(int)seconds / 60} min {(int)seconds % 60:00} s";
}
