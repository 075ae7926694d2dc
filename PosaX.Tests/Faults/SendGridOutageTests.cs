using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Faults;

/// <summary>
/// The SendGrid API out of reach for a while: first nothing listens (connection refused), then it
/// answers 503, then it accepts. Artists register all along; every registration succeeds at once,
/// and every activation mail reaches SendGrid exactly once when it is back (outbox with back-off).
/// Phases change on what the outbox did, not on a clock: three mails are refused and then get a
/// 503 on their retry, three more get a 503, and only then does the API accept.
/// </summary>
[Category("Faults")]
[NonParallelizable]
public class SendGridOutageTests
{
    private const int PerPhase = 3;

    [Test]
    public async Task Registrations_succeed_during_a_SendGrid_outage_and_each_mail_is_delivered_exactly_once_afterwards()
    {
        var port = FreePort();
        var stub = new SendGridStub();
        await using var api = stub.Build(port);

        var data = FaultWork.DataDirectory("sendgrid");
        await using var app = new PosaXApp(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "posax.db")}", data,
            new Dictionary<string, string?>
            {
                ["SendGrid:ApiKey"] = "SG.test-key",
                ["SendGrid:BaseUrl"] = $"http://127.0.0.1:{port}/",
                ["SendGrid:From"] = "PosaX <no-reply@posax.test>",
            });
        _ = app.ServerAddress;
        var run = Stopwatch.StartNew();
        stub.Run = run;

        // 1. Nothing listens: registrations go through, their mails are refused at the socket.
        var refusedPhase = await RegisterAsync(app, "refus");
        await WaitForAttemptsAsync(app, refusedPhase, 1, run);
        // 2. The API answers 503: the first mails fail again on their retry (5 s later), new ones fail once.
        await api.StartAsync();
        var failingPhase = await RegisterAsync(app, "erreur");
        await WaitForAttemptsAsync(app, refusedPhase, 2, run);
        await WaitForAttemptsAsync(app, failingPhase, 1, run);
        var outageEnded = run.Elapsed;
        // 3. The API is back.
        stub.Accepting = true;

        var registered = refusedPhase.Concat(failingPhase).ToList();
        while (run.Elapsed < outageEnded + TimeSpan.FromSeconds(40) && stub.Deliveries.Select(d => d.MessageId).Distinct().Count() < registered.Count)
            await Task.Delay(200);
        var lastDelivery = stub.Deliveries.IsEmpty ? TimeSpan.Zero : stub.Deliveries.Max(d => d.At);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would show up now

        var outbox = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Select(m => new { m.Id, m.To, m.Attempts, m.SentAt }).ToListAsync());
        var delivered = stub.Deliveries.ToList();
        var duplicates = delivered.GroupBy(d => d.MessageId).Sum(g => g.Count() - 1);

        FaultWork.Report("SendGrid outage (connection refused, then 503, then back):");
        FaultWork.Report($"  registrations during the outage: {registered.Count(r => r.Success)} of {registered.Count} succeeded; " +
                                       $"outage over at {outageEnded.TotalSeconds:0.0} s");
        FaultWork.Report($"  503 answers: {stub.Failures}; attempts per mail: {string.Join(", ", outbox.Select(m => m.Attempts))}");
        FaultWork.Report($"  delivered: {delivered.Count} ({delivered.Select(d => d.MessageId).Distinct().Count()} distinct mails of {outbox.Count}), " +
                                       $"duplicates: {duplicates}; last delivered {(lastDelivery - outageEnded).TotalSeconds:0.0} s after the API came back");

        Assert.Multiple(() =>
        {
            Assert.That(registered.Where(r => !r.Success), Is.Empty, "registrations do not wait for the mail provider");
            Assert.That(outbox.Select(m => m.To), Is.EquivalentTo(registered.Select(r => r.Email)), "one activation mail per registration");
            Assert.That(outbox.Where(m => m.SentAt is null), Is.Empty, "every mail marked sent");
            Assert.That(delivered.Select(d => d.MessageId), Is.EquivalentTo(outbox.Select(m => m.Id.ToString())), "each mail delivered exactly once");
            Assert.That(delivered.Select(d => d.To), Is.EquivalentTo(registered.Select(r => r.Email)));
            Assert.That(duplicates, Is.Zero);
        });
    }

    private static async Task<List<(string Email, bool Success)>> RegisterAsync(PosaXApp app, string phase)
    {
        var registered = new List<(string, bool)>();
        for (var i = 0; i < PerPhase; i++)
        {
            using var client = app.CreateBrowserClient();
            var email = $"sendgrid-{phase}-{i}-{Guid.NewGuid().ToString("N")[..6]}@exemple.cm";
            var reply = await client.RegisterAsync(email);
            registered.Add((email, reply.Success && reply.Status == HttpStatusCode.OK));
        }
        return registered;
    }

    /// <summary>Waits until the outbox has tried each of these mails at least that many times (none delivered yet).</summary>
    private static async Task WaitForAttemptsAsync(PosaXApp app, List<(string Email, bool Success)> mails, int attempts, Stopwatch run)
    {
        var emails = mails.Select(m => m.Email).ToList();
        var deadline = run.Elapsed + TimeSpan.FromSeconds(30);
        while (run.Elapsed < deadline)
        {
            var tried = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => emails.Contains(m.To) && m.Attempts >= attempts));
            if (tried == emails.Count) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The outbox did not try {emails.Count} mails {attempts} times within 30 s.");
    }

    /// <summary>SendGrid's v3 send endpoint on loopback: 503 until told to accept, then 202, recording each message.</summary>
    private sealed class SendGridStub
    {
        private int _failures;

        public volatile bool Accepting;
        public Stopwatch Run { get; set; } = new();
        public ConcurrentBag<(string MessageId, string To, TimeSpan At)> Deliveries { get; } = [];
        public int Failures => Volatile.Read(ref _failures);

        public WebApplication Build(int port)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            var stub = builder.Build();
            stub.MapPost("/v3/mail/send", async (HttpContext context) =>
            {
                if (context.Request.Headers.Authorization != "Bearer SG.test-key") return Results.Unauthorized();
                if (!Accepting)
                {
                    Interlocked.Increment(ref _failures);
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
                using var json = await JsonDocument.ParseAsync(context.Request.Body);
                var personalization = json.RootElement.GetProperty("personalizations")[0];
                var to = personalization.GetProperty("to")[0].GetProperty("email").GetString()!;
                var id = CustomArg(json.RootElement) ?? CustomArg(personalization) ?? "(none)";
                Deliveries.Add((id, to, Run.Elapsed));
                return Results.Accepted();
            });
            return stub;
        }

        private static string? CustomArg(JsonElement element) =>
            element.TryGetProperty("custom_args", out var args) && args.TryGetProperty("posax_message_id", out var id) ? id.GetString() : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
