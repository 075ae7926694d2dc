using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, the outbox's lease: a sender killed (SIGKILL) in the middle of a send leaves the mails it
/// claimed to another instance, which sends them once the lease is over, and not before; each mail is
/// delivered exactly once. Two instances of their own on a database of their own (the cluster's
/// instances would claim the mails first): C sends through a "SendGrid" that accepts the request and
/// never answers, so C is stuck mid-send holding its batch when it is killed; D writes to a pickup folder.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class OutboxLeaseTests
{
    private const int Mails = 30;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Mails_claimed_by_a_sender_killed_mid_send_are_delivered_by_the_other_instance_after_the_lease_each_exactly_once()
    {
        var postgres = await TestApps.PostgresAsync();
        var connectionString = await postgres.CreateDatabaseAsync("posax_lease_" + Guid.NewGuid().ToString("N")[..10]);
        var data = FaultWork.DataDirectory("outbox-lease");
        using var silent = new SilentApi();
        await using var c = new AppProcess(DatabaseProvider.Postgres, connectionString, Path.Combine(data, "c"), new Dictionary<string, string?>
        {
            ["SendGrid__ApiKey"] = "SG.test-key",
            ["SendGrid__BaseUrl"] = $"http://127.0.0.1:{silent.Port}/",
            ["Email__SendLease"] = Lease.ToString(),
        });
        await using var d = new AppProcess(DatabaseProvider.Postgres, connectionString, Path.Combine(data, "d"));
        Directory.CreateDirectory(Path.Combine(data, "c"));
        Directory.CreateDirectory(Path.Combine(data, "d"));
        await c.StartAsync(TimeSpan.FromSeconds(90));

        var ids = Enumerable.Range(0, Mails).Select(_ => Guid.NewGuid()).ToList();
        await c.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(ids.Select((id, n) => new OutboxMessage
            {
                Id = id, To = $"bail-{n}@exemple.cm", Subject = $"Courrier {n}", TextBody = $"Courrier {n}",
                HtmlBody = $"<p>Courrier {n}</p>", CreatedAt = DateTime.UtcNow.AddMilliseconds(n), NextAttemptAt = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });

        // C claims a batch and hangs in its first send.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (silent.Requests == 0 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.That(silent.Requests, Is.GreaterThan(0), "C never started sending:\n" + c.Tail());
        var claimed = await c.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.NextAttemptAt > DateTime.UtcNow)
            .Select(m => new { m.Id, LeaseEnd = m.NextAttemptAt }).ToListAsync());
        Assert.That(claimed, Is.Not.Empty, "C's claim is saved before it sends");
        c.Kill();

        await d.StartAsync(TimeSpan.FromSeconds(90));
        var deadline = claimed.Max(m => m.LeaseEnd) - DateTime.UtcNow + TimeSpan.FromSeconds(30);
        waited.Restart();
        while (waited.Elapsed < deadline && await d.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null)) < Mails)
            await Task.Delay(200);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second delivery would show up by now

        var rows = await d.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id));
        var files = Directory.Exists(Path.Combine(d.DataDirectory, "mail"))
            ? Directory.GetFiles(Path.Combine(d.DataDirectory, "mail"), "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)).ToList()
            : [];
        TestContext.Progress.WriteLine($"[scaleout] outbox lease: C claimed {claimed.Count} of {Mails} and hung on its first send " +
                                       $"({silent.Requests} request(s) to the silent API); killed; D delivered {files.Count} mails, " +
                                       $"C's from {rows.Where(r => claimed.Any(x => x.Id == r.Key)).Min(r => r.Value.SentAt):HH:mm:ss.fff} " +
                                       $"(lease ended {claimed.Max(x => x.LeaseEnd):HH:mm:ss.fff})");
        Assert.Multiple(() =>
        {
            Assert.That(files, Is.EquivalentTo(ids.Select(id => id.ToString("N"))), "every mail delivered by D, each once");
            Assert.That(rows.Values.Where(m => m.SentAt is null).Select(m => m.Id), Is.Empty, "every mail marked sent");
            foreach (var mail in claimed)
                Assert.That(rows[mail.Id].SentAt, Is.GreaterThanOrEqualTo(mail.LeaseEnd), $"{mail.Id}: held by C until its lease ended");
            Assert.That(rows.Values.Select(m => m.Attempts), Is.All.EqualTo(1), "C's interrupted send left no attempt behind");
        });
    }

    /// <summary>An HTTP server that reads requests and never answers: a send stuck in flight.</summary>
    private sealed class SilentApi : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _held = [];
        private int _requests;

        public SilentApi()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Requests => Volatile.Read(ref _requests);

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                lock (_held) _held.Add(client);
                _ = ReadAsync(client);
            }
        }

        private async Task ReadAsync(TcpClient client)
        {
            var buffer = new byte[8192];
            try
            {
                if (await client.GetStream().ReadAsync(buffer) > 0) Interlocked.Increment(ref _requests);
                while (await client.GetStream().ReadAsync(buffer) > 0) { }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException) { }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_held) foreach (var client in _held) client.Dispose();
        }
    }
}
