using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// A server the ScaleOut tests run as a child process (Redis, s3rver, nginx): started, ready once its
/// loopback port accepts connections, killable and restartable on the same port; output in a log file.
/// </summary>
public sealed class ServerProcess(string name, string file, IReadOnlyList<string> arguments, string directory, int port) : IAsyncDisposable
{
    private Process? _process;
    private readonly string _log = Path.Combine(directory, name + ".log");

    public string Name => name;
    public int Port => port;
    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : "";

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"{name} is already running.");
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            if (process.HasExited) Assert.Fail($"{name} exited with {process.ExitCode} while starting:\n{Log}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        Assert.Fail($"{name} did not listen on {port} within the time:\n{Log}");
    }

    /// <summary>SIGKILL.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>SIGSTOP: the process keeps its port (the kernel still accepts connections) but answers nothing.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        if (_process is not { HasExited: false }) throw new InvalidOperationException($"{name} is not running.");
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, $"kill {signal} {name}");
    }

    public async ValueTask DisposeAsync() => await KillAsync(); // SIGKILL ends a stopped process too

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) File.AppendAllText(_log, line + Environment.NewLine);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
