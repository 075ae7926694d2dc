using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb into a fresh temporary directory,
/// started on a free loopback port, stopped and deleted on dispose.
/// </summary>
/// <remarks>
/// Binaries: the highest <c>/usr/lib/postgresql/*/bin</c>, or the directory named by
/// <c>POSAX_PG_BIN</c>. As root (initdb refuses root) the cluster belongs to the <c>postgres</c>
/// user and every server tool runs through <c>runuser -u postgres --</c>.
/// The server is tuned for speed (fsync and full_page_writes off: only a machine crash loses data),
/// but keeps synchronous_commit on, so every acknowledged commit survives
/// <see cref="RestartAsync"/> with <c>immediate: true</c> (a simulated server crash).
/// A cluster whose test process died without disposing it is stopped and deleted by the next
/// <see cref="StartAsync"/> (each temp dir records its owner's process id).
/// </remarks>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    public const string PgBinEnvironmentVariable = "POSAX_PG_BIN";
    private const string TempDirPrefix = "posax-pg-";
    private const string InstallCommand =
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-contrib";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDir;
    private readonly string _rootDir;
    private readonly string _dataDir;
    private readonly string _logFile;
    private readonly bool _runAsPostgres;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private EventHandler? _processExitHandler;
    private int _disposed;

    private PostgresCluster(string binDir, string rootDir, bool runAsPostgres)
    {
        _binDir = binDir;
        _rootDir = rootDir;
        _dataDir = Path.Combine(rootDir, "data");
        _logFile = Path.Combine(rootDir, "postgres.log");
        _runAsPostgres = runAsPostgres;
    }

    public int Port { get; private set; }

    /// <summary>Superuser connection to the <c>postgres</c> database (no pooling).</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        Pooling = false,
        Timeout = 15,
        CommandTimeout = 120,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>The directory holding the data directory, the socket and the server log.</summary>
    public string RootDirectory => _rootDir;

    /// <summary>Server log file (useful in assertion messages).</summary>
    public string LogFile => _logFile;

    public static async Task<PostgresCluster> StartAsync(CancellationToken ct = default)
    {
        var binDir = FindBinDirectory();
        var runAsPostgres = Environment.IsPrivilegedProcess;
        CleanUpAbandonedClusters(binDir, runAsPostgres);

        var baseTemp = runAsPostgres ? "/tmp" : Path.GetTempPath();
        var rootDir = Path.Combine(baseTemp, TempDirPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(rootDir);
        await File.WriteAllTextAsync(Path.Combine(rootDir, "owner.pid"),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);

        var cluster = new PostgresCluster(binDir, rootDir, runAsPostgres);
        try
        {
            await cluster.InitializeAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a database and returns its (pooled) connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!DatabaseNameRegex().IsMatch(name))
        {
            throw new ArgumentException(
                $"Database name '{name}' must match {DatabaseNameRegex()} (letters, digits, underscores; at most 63).",
                nameof(name));
        }

        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = name,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast|immediate</c>, then waits until the server accepts connections.
    /// Pooled Npgsql connections opened before are left as they are (stale), as in production.
    /// With <paramref name="downFor"/>, the server stays stopped that long between stop and start
    /// (a machine or container restart rather than a quick process restart).
    /// </summary>
    public async Task RestartAsync(bool immediate, CancellationToken ct = default, TimeSpan? downFor = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _lifecycle.WaitAsync(ct);
        try
        {
            var mode = immediate ? "immediate" : "fast";
            if (downFor is { } pause)
            {
                var stop = await RunServerToolAsync("pg_ctl", ["stop", "-D", _dataDir, "-m", mode, "-w", "-t", "60"], ct);
                if (stop.ExitCode != 0)
                {
                    throw Failure($"pg_ctl stop failed (exit {stop.ExitCode}):\n{stop.Output}");
                }

                await Task.Delay(pause, ct);
            }

            var result = downFor is null
                ? await RunServerToolAsync("pg_ctl", ["restart", "-D", _dataDir, "-l", _logFile, "-m", mode, "-w", "-t", "60"], ct)
                : await RunServerToolAsync("pg_ctl", ["start", "-D", _dataDir, "-l", _logFile, "-w", "-t", "60"], ct);
            if (result.ExitCode != 0)
            {
                throw Failure($"pg_ctl {(downFor is null ? "restart" : "start")} failed (exit {result.ExitCode}):\n{result.Output}");
            }

            await WaitUntilReadyAsync(ct);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_processExitHandler is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= _processExitHandler;
        }

        await _lifecycle.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
            {
                await RunServerToolAsync("pg_ctl", ["stop", "-D", _dataDir, "-m", "immediate", "-w", "-t", "30"],
                    CancellationToken.None);
            }

            TryDeleteDirectory(_rootDir);
        }
        finally
        {
            _lifecycle.Release();
            _lifecycle.Dispose();
        }
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        if (_runAsPostgres)
        {
            var chown = await RunAsync("chown", ["postgres:postgres", _rootDir], asPostgres: false, ct);
            if (chown.ExitCode != 0)
            {
                throw Failure($"chown postgres {_rootDir} failed (exit {chown.ExitCode}):\n{chown.Output}");
            }
        }

        // C.UTF-8 first (sorting by code point, UTF-8 classification); plain C where that locale is missing.
        var init = await InitDbAsync("C.UTF-8", ct);
        if (init.ExitCode != 0)
        {
            TryDeleteDirectory(_dataDir);
            var fallback = await InitDbAsync("C", ct);
            if (fallback.ExitCode != 0)
            {
                throw Failure($"initdb failed (exit {fallback.ExitCode}).\nWith --locale=C.UTF-8:\n{init.Output}\n" +
                              $"With --locale=C:\n{fallback.Output}");
            }
        }

        var postgresqlConf = Path.Combine(_dataDir, "postgresql.conf");
        await File.AppendAllTextAsync(postgresqlConf, "\ninclude 'posax.conf'\n", ct);

        // The port is free when chosen but may be taken before the server binds it: retry with another.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            await File.WriteAllTextAsync(Path.Combine(_dataDir, "posax.conf"), Settings(Port, _rootDir), ct);

            var start = await RunServerToolAsync("pg_ctl",
                ["start", "-D", _dataDir, "-l", _logFile, "-w", "-t", "60"], ct);
            if (start.ExitCode == 0)
            {
                break;
            }

            var log = LogTail();
            if (attempt < attempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw Failure($"pg_ctl start failed (exit {start.ExitCode}) on port {Port}:\n{start.Output}");
        }

        _processExitHandler = (_, _) => StopForProcessExit();
        AppDomain.CurrentDomain.ProcessExit += _processExitHandler;

        await WaitUntilReadyAsync(ct);
    }

    private Task<ProcessResult> InitDbAsync(string locale, CancellationToken ct) =>
        RunServerToolAsync("initdb",
        [
            "-D", _dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", $"--locale={locale}",
            "--no-sync", "--no-instructions",
        ], ct);

    private static string Settings(int port, string socketDir) =>
        $"""
         # Written by PosaX.Tests PostgresCluster: a throwaway test server, speed over durability.
         port = {port}
         listen_addresses = '127.0.0.1'
         unix_socket_directories = '{socketDir}'
         fsync = off
         # synchronous_commit stays on: with fsync off it costs nothing measurable (pgbench single-row
         # inserts: 37.7k tps on, 38.4k off), while off loses the last acknowledged commits on every
         # immediate restart (10 of 10 tries), which would break crash/fault tests.
         synchronous_commit = on
         full_page_writes = off
         max_connections = 300
         shared_buffers = 32MB
         max_wal_size = 1GB
         jit = off
         timezone = 'UTC'
         logging_collector = off

         """;

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                last = e;
            }

            await Task.Delay(50, ct);
        }

        throw Failure($"the server on port {Port} did not accept connections within {ReadyTimeout.TotalSeconds} s: " +
                      last?.Message);
    }

    private Task<ProcessResult> RunServerToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct) =>
        RunAsync(Path.Combine(_binDir, tool), arguments, _runAsPostgres, ct, _rootDir);

    private static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres,
        CancellationToken ct, string? workingDirectory = null)
    {
        using var process = new Process { StartInfo = CreateStartInfo(file, arguments, asPostgres, workingDirectory) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            throw new PostgresClusterException($"could not run {process.StartInfo.FileName}: {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }

        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }

    private static ProcessStartInfo CreateStartInfo(string file, IReadOnlyList<string> arguments, bool asPostgres,
        string? workingDirectory)
    {
        var info = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : file,
            RedirectStandardInput = true, // the tools get an empty stdin: CI has none
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be allowed into the current directory.
            WorkingDirectory = workingDirectory ?? "/",
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LC_MESSAGES"] = "C";
        info.Environment.Remove("PGDATA");
        info.Environment.Remove("PGPORT");
        info.Environment.Remove("PGHOST");
        return info;
    }

    /// <summary>Synchronous best-effort stop when the test process exits without disposing the cluster.</summary>
    private void StopForProcessExit()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            StopSynchronously(_binDir, _dataDir, _runAsPostgres);
            TryDeleteDirectory(_rootDir);
        }
        catch (Exception)
        {
            // Process exit: nothing left to report to.
        }
    }

    private static void StopSynchronously(string binDir, string dataDir, bool asPostgres)
    {
        using var process = Process.Start(CreateStartInfo(Path.Combine(binDir, "pg_ctl"),
            ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "10"], asPostgres, "/"));
        if (process is null)
        {
            return;
        }

        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(15_000))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
    }

    /// <summary>Stops and deletes clusters left behind by test processes that no longer exist.</summary>
    private static void CleanUpAbandonedClusters(string binDir, bool asPostgres)
    {
        var baseTemp = asPostgres ? "/tmp" : Path.GetTempPath();
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(baseTemp, TempDirPrefix + "*").ToList();
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        foreach (var dir in candidates)
        {
            try
            {
                var ownerFile = Path.Combine(dir, "owner.pid");
                if (!File.Exists(ownerFile) ||
                    !int.TryParse(File.ReadAllText(ownerFile).Trim(), CultureInfo.InvariantCulture, out var owner) ||
                    owner == Environment.ProcessId || ProcessExists(owner))
                {
                    continue;
                }

                var dataDir = Path.Combine(dir, "data");
                if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
                {
                    StopSynchronously(binDir, dataDir, asPostgres);
                }

                TryDeleteDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresClusterException
                                          or System.ComponentModel.Win32Exception)
            {
                // Someone else's directory, or already gone: leave it.
            }
        }
    }

    private static bool ProcessExists(int pid)
    {
        if (Directory.Exists("/proc/1"))
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string FindBinDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable(PgBinEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            if (!File.Exists(Path.Combine(overridden, "initdb")) || !File.Exists(Path.Combine(overridden, "pg_ctl")))
            {
                throw new PostgresClusterException(
                    $"{PgBinEnvironmentVariable}={overridden} holds no initdb and pg_ctl. Unset it, or point it to a " +
                    $"PostgreSQL bin directory. To install the server: {InstallCommand}");
            }

            return overridden;
        }

        const string root = "/usr/lib/postgresql";
        var best = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(dir => (dir, version: Version.TryParse(
                    Path.GetFileName(dir).Contains('.') ? Path.GetFileName(dir) : Path.GetFileName(dir) + ".0",
                    out var v) ? v : null))
                .Where(x => x.version is not null && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault()
            : null;

        return best ?? throw new PostgresClusterException(
            "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb). The tests need a real " +
            $"PostgreSQL server with its contrib extensions. Install them with:\n  {InstallCommand}\n" +
            $"(as a non-root user: sudo {InstallCommand.Replace("&& DEBIAN", "&& sudo DEBIAN", StringComparison.Ordinal)})\n" +
            $"or run `bash scripts/test.sh`, which installs them; or set {PgBinEnvironmentVariable} to a bin directory.");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string LogTail(int lines = 40)
    {
        try
        {
            if (!File.Exists(_logFile))
            {
                return "(no server log)";
            }

            var all = File.ReadAllLines(_logFile);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(server log unreadable: {e.Message})";
        }
    }

    private PostgresClusterException Failure(string message) =>
        new($"PostgreSQL test cluster in {_rootDir}: {message}\n--- last lines of {_logFile} ---\n{LogTail()}");

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp dir is harmless.
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseNameRegex();

    private sealed record ProcessResult(int ExitCode, string Output);
}

public sealed class PostgresClusterException : Exception
{
    public PostgresClusterException(string message) : base(message)
    {
    }

    public PostgresClusterException(string message, Exception inner) : base(message, inner)
    {
    }
}
