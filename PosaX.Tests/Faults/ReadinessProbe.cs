using System.Collections.Concurrent;
using System.Diagnostics;

namespace PosaX.Tests.Faults;

/// <summary>
/// Asks /health/ready every 100 ms as a load balancer would, without waiting for the previous
/// answer (a probe that hangs does not hide the next one) and giving each 2 s, then says when
/// readiness came back after a given moment.
/// </summary>
public sealed class ReadinessProbe : IDisposable
{
    private readonly HttpClient _http;
    private readonly Stopwatch _run;
    private readonly ConcurrentBag<Probe> _probes = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public sealed record Probe(TimeSpan Sent, TimeSpan Answered, int Status);

    public ReadinessProbe(Uri server, Stopwatch run)
    {
        _http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(2) };
        _run = run;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyCollection<Probe> Probes => _probes;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            _ = ProbeOnceAsync();
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    private async Task ProbeOnceAsync()
    {
        var sent = _run.Elapsed;
        int status;
        try
        {
            using var response = await _http.GetAsync("/health/ready");
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        _probes.Add(new Probe(sent, _run.Elapsed, status));
    }

    /// <summary>
    /// Time from <paramref name="moment"/> (the database accepting connections again) to the first
    /// 200 of a probe sent after it; null if none within 15 s.
    /// </summary>
    public async Task<TimeSpan?> RecoveryAfterAsync(TimeSpan moment)
    {
        var deadline = moment + TimeSpan.FromSeconds(15);
        while (_run.Elapsed < deadline)
        {
            var first = _probes.Where(p => p.Sent >= moment && p.Status == 200).OrderBy(p => p.Answered).FirstOrDefault();
            if (first is not null) return first.Answered - moment;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>Probes answered with anything but 200 between two moments (the outage seen from outside).</summary>
    public int NotReadyBetween(TimeSpan from, TimeSpan to) => _probes.Count(p => p.Sent >= from && p.Sent <= to && p.Status != 200);

    public void Stop() => _stop.Cancel();

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _http.Dispose();
        _stop.Dispose();
    }
}
