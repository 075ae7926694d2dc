using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Tests.Faults;

/// <summary>What the exception handler answers for the server's own conditions (the fault tests see them end to end).</summary>
[Category("Faults")]
public class ServerConditionsTests
{
    [Test]
    public void A_database_out_of_reach_is_a_503_a_full_disk_a_507_anything_else_a_500()
    {
        var refused = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));
        Assert.Multiple(() =>
        {
            Assert.That(ErrorResponses.StatusFor(new RetryLimitExceededException("gave up", refused)), Is.EqualTo(503));
            Assert.That(ErrorResponses.StatusFor(refused), Is.EqualTo(503), "Npgsql marks a refused connection transient");
            Assert.That(ErrorResponses.StatusFor(new InvalidOperationException("wrapped", new TimeoutException())), Is.EqualTo(503));
            Assert.That(ErrorResponses.StatusFor(new IOException("No space left on device", 28)), Is.EqualTo(507));
            Assert.That(ErrorResponses.StatusFor(new IOException("Disk quota exceeded", 122)), Is.EqualTo(507));
            Assert.That(ErrorResponses.StatusFor(new IOException("Input/output error", 5)), Is.EqualTo(500));
            Assert.That(ErrorResponses.StatusFor(new InvalidOperationException("a bug")), Is.EqualTo(500));
            Assert.That(ErrorResponses.StatusFor(new NpgsqlException("syntax error")), Is.EqualTo(500), "not transient: a bug, not an outage");
        });
    }
}
