using System.Diagnostics;
using NUnit.Framework.Internal;
using PosaX.Tests.Infrastructure;

/// <summary>
/// Outside any namespace, so it wraps every test of the assembly, filtered runs included:
/// the shared apps, their data folders and the PostgreSQL server go at the very end, then the
/// run's time per category is printed (see <see cref="TimeByCategory"/>).
/// </summary>
[SetUpFixture]
public sealed class AssemblyTeardown
{
    [OneTimeTearDown]
    public async Task StopSharedAppsAsync()
    {
        // Every fixture has finished: their results are this suite's children by now.
        var run = TestExecutionContext.CurrentContext.CurrentResult;
        var closing = Stopwatch.StartNew();
        try
        {
            await TestApps.StopAllAsync();
        }
        finally
        {
            TimeByCategory.Print(run, closing.Elapsed);
        }
    }
}
