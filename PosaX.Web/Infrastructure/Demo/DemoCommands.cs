namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// The command-line verbs for demonstrations and measurements, run instead of the web server
/// (Program.cs dispatches to them after the database is prepared): <c>seed-demo</c>
/// (<see cref="DemoSeeding"/>) and <c>bench-image</c> (<see cref="ImageBenchmark"/>).
/// </summary>
public static class DemoCommands
{
    public static bool IsCommand(string[] args) => args is [DemoSeeding.Command, ..] or [ImageBenchmark.Command, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        try
        {
            if (args[0] != DemoSeeding.Command) return await ImageBenchmark.RunAsync(services, args, output);
            var exit = await DemoSeeding.RunAsync(services, args, output);
            // Work pages on disk would show the replaced demo for a day (PageSnapshotStore).
            if (exit == 0) Web.PageSnapshotStore.DropAll(services);
            return exit;
        }
        catch (Exception ex)
        {
            // A clear line and exit 1 rather than an unhandled-exception abort (exit 134 on Linux).
            await output.WriteLineAsync($"{args[0]}: failed: {ex}");
            return 1;
        }
    }
}
