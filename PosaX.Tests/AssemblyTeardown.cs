using PosaX.Tests.Infrastructure;

/// <summary>
/// Outside any namespace, so it wraps every test of the assembly, filtered runs included:
/// the shared apps, their data folders and the PostgreSQL server go at the very end.
/// </summary>
[SetUpFixture]
public sealed class AssemblyTeardown
{
    [OneTimeTearDown]
    public Task StopSharedAppsAsync() => TestApps.StopAllAsync();
}
