using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Faults;

/// <summary>
/// The published app as a real child process (<c>dotnet PosaX.Web.dll</c> from the test's output
/// folder), in the Production environment, so it can be killed with SIGKILL and started again on
/// the same database, media folder and port. Its console output goes to {data dir}/app.log.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly List<string> _arguments;
    private readonly string _log;
    private Process? _process;

    /// <param name="settings">Environment variables added to (or, with a null value, removed from) the defaults.</param>
    /// <param name="arguments">Command-line arguments after PosaX.Web.dll (e.g. --urls).</param>
    /// <param name="server">Where the app is expected to listen (a free loopback port if not given).</param>
    public AppProcess(DatabaseProvider provider, string connectionString, string dataDirectory, IDictionary<string, string?>? settings = null,
        IEnumerable<string>? arguments = null, Uri? server = null)
    {
        _arguments = arguments?.ToList() ?? [];
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _log = Path.Combine(dataDirectory, "app.log");
        Server = server ?? FreeLoopbackAddress();
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = Server.ToString().TrimEnd('/'),
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__PosaX"] = connectionString,
            ["Storage__Root"] = MediaDirectory,
            ["Email__PickupDirectory"] = Path.Combine(dataDirectory, "mail"),
            ["Email__PollInterval"] = "00:00:00.200",
            ["Site__BaseUrl"] = PosaXApp.BaseUrl,
            ["RateLimits__AuthPerIpPerMinute"] = "100000",
            ["RateLimits__OrdersPerIpPerHour"] = "100000",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            if (value is null) _environment.Remove(key);
            else _environment[key] = value;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public string MediaDirectory => Path.Combine(DataDirectory, "media");
    public Mailbox Mailbox => new(Path.Combine(DataDirectory, "mail"));
    public Uri Server { get; }
    public int Starts { get; private set; }
    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : "";

    /// <summary>Starts the process and waits until /health/ready answers 200; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("Already running.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PosaX.Web.dll"));
        foreach (var argument in _arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        Starts++;
        Append($"--- start {Starts} (pid {process.Id}) ---");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Append(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Append(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { BaseAddress = Server, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = timeout ?? TimeSpan.FromSeconds(60);
        while (clock.Elapsed < deadline)
        {
            if (process.HasExited)
                throw new AssertionException($"The app exited with code {process.ExitCode} while starting:\n{Tail()}");
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new AssertionException($"The app was not ready within {deadline.TotalSeconds} s:\n{Tail()}");
    }

    /// <summary>Runs a command of the app (e.g. <c>create-admin</c>) with this process's settings; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DataDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PosaX.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private void Append(string line)
    {
        // A process may still print while the run deletes its folder: that line is dropped (an
        // exception here, on the output reader's thread, would crash the whole test host).
        lock (_environment)
            try { File.AppendAllText(_log, line + Environment.NewLine); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no disposal runs in the app.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public PosaXDbContext NewDbContext() => Provider == DatabaseProvider.Postgres
        ? new PosaXDbContext(new DbContextOptionsBuilder<PosaXDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqlitePosaXDbContext(new DbContextOptionsBuilder<SqlitePosaXDbContext>().UseSqlite(ConnectionString).Options);

    public async Task<T> WithDbAsync<T>(Func<PosaXDbContext, Task<T>> work)
    {
        await using var db = NewDbContext();
        return await work(db);
    }

    public string Tail(int lines = 60)
    {
        var all = Log.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // A graceful stop would be nicer, but the test is over: nothing of the app is asserted any more.
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public static Uri FreeLoopbackAddress() => new($"http://127.0.0.1:{FreePort()}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
