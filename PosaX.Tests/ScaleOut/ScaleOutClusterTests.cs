using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PosaX.Tests.ScaleOut;

/// <summary>The harness itself: every part of the topology answers, and nginx reaches both instances.</summary>
[Category("ScaleOut")]
public sealed class ScaleOutClusterTests
{
    [Test]
    public async Task Nginx_balances_requests_over_both_instances()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        using var http = new HttpClient { BaseAddress = cluster.Balancer };
        var upstreams = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync("/health/ready");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            upstreams.Add(response.Headers.GetValues("X-Upstream").Single());
        }
        Assert.That(upstreams, Is.EquivalentTo(new[] { $"127.0.0.1:{cluster.A.Server.Port}", $"127.0.0.1:{cluster.B.Server.Port}" }));
    }

    [Test]
    public async Task Redis_and_the_bucket_answer()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        using (var redis = new TcpClient())
        {
            await redis.ConnectAsync(IPAddress.Loopback, cluster.Redis.Port);
            var stream = redis.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            Assert.That(Encoding.ASCII.GetString(buffer, 0, read), Is.EqualTo("+PONG\r\n"));
        }
        using var s3 = new HttpClient();
        using var bucket = await s3.GetAsync($"http://127.0.0.1:{cluster.S3.Port}/{ScaleOutCluster.Bucket}");
        Assert.That(bucket.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bucket.Content.ReadAsStringAsync());
    }
}
