using System.Diagnostics;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// What the ScaleOut tests run besides the app: Debian's <c>redis-server</c> and <c>nginx</c>, and npm's
/// <c>s3rver</c> (pinned in <c>scripts/s3rver/package.json</c>, installed into that folder). Installed
/// when missing — as root through apt, as <c>scripts/test.sh</c> does too — so a fresh machine runs the
/// category without a setup step.
/// </summary>
public static class ScaleOutTools
{
    public const string RedisServer = "/usr/bin/redis-server";
    public const string Nginx = "/usr/sbin/nginx";
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string S3rverFolder => Path.Combine(RepositoryRoot, "scripts", "s3rver");
    public static string S3rverScript => Path.Combine(S3rverFolder, "node_modules", "s3rver", "bin", "s3rver.js");

    public static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            var missing = new List<string>();
            if (!File.Exists(RedisServer)) missing.Add("redis-server");
            if (!File.Exists(Nginx)) missing.Add("nginx");
            if (missing.Count > 0)
            {
                if (!Environment.IsPrivilegedProcess)
                    Assert.Fail($"Missing Debian packages: {string.Join(' ', missing)} (sudo apt-get install -y {string.Join(' ', missing)}).");
                await RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=300", "update", "-qq"], RepositoryRoot, TimeSpan.FromMinutes(5));
                await RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", .. missing], RepositoryRoot, TimeSpan.FromMinutes(10),
                    ("DEBIAN_FRONTEND", "noninteractive"));
            }
            if (!File.Exists(S3rverScript))
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], S3rverFolder, TimeSpan.FromMinutes(5));
        }
        finally { Installing.Release(); }
    }

    private static async Task RunAsync(string file, string[] arguments, string directory, TimeSpan timeout, params (string Key, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
            Assert.Fail($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PosaX.sln"))) return dir.FullName;
        throw new InvalidOperationException("PosaX.sln not found above " + AppContext.BaseDirectory);
    }
}
