using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, test 4: two instances poll one outbox; each mail is delivered once. Each instance writes
/// to its own pickup folder, so a mail both sent would be a file in each.
/// </summary>
[Category("ScaleOut")]
public sealed class OutboxAcrossInstancesTests
{
    private const int Mails = 50;

    [Test]
    public async Task Fifty_mails_queued_while_both_instances_run_are_each_delivered_exactly_once()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Due a moment from now, so that both senders (polling every 200 ms) wake to the same batch.
        var due = DateTime.UtcNow.AddSeconds(1);
        var ids = Enumerable.Range(0, Mails).Select(_ => Guid.NewGuid()).ToList();
        await cluster.A.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(ids.Select((id, n) => new OutboxMessage
            {
                Id = id, To = $"courrier-{tag}-{n}@exemple.cm", Subject = $"Courrier {n}", TextBody = $"Courrier {n}",
                HtmlBody = $"<p>Courrier {n}</p>", CreatedAt = DateTime.UtcNow, NextAttemptAt = due,
            }));
            return await db.SaveChangesAsync();
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30)
               && await cluster.A.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null)) < Mails)
            await Task.Delay(100);
        var allSentIn = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second delivery would show up by now

        var fromA = Delivered(cluster.A.DataDirectory, ids);
        var fromB = Delivered(cluster.B.DataDirectory, ids);
        TestContext.Progress.WriteLine($"[scaleout] outbox: {Mails} mails sent in {allSentIn.TotalSeconds:0.0} s after queueing, " +
                                       $"{fromA.Count} by A, {fromB.Count} by B");
        Assert.Multiple(() =>
        {
            Assert.That(fromA.Intersect(fromB), Is.Empty, "no mail delivered by both instances");
            Assert.That(fromA.Union(fromB), Is.EquivalentTo(ids), "every mail delivered");
        });
    }

    private static HashSet<Guid> Delivered(string instanceDirectory, List<Guid> ids)
    {
        var folder = Path.Combine(instanceDirectory, "mail");
        return ids.Where(id => File.Exists(Path.Combine(folder, id.ToString("N") + ".eml"))).ToHashSet();
    }
}
