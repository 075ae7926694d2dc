using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Faults;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.ScaleOut;

/// <summary>
/// Issue 16, test 2: with Storage__Provider=S3 a photo uploaded through one instance is served by the
/// other, deleting the work removes its objects, and no object is left without a row.
/// </summary>
[Category("ScaleOut")]
public sealed class MediaInTheBucketTests
{
    [Test]
    public async Task A_photo_uploaded_through_A_is_served_through_B_and_deleting_the_work_removes_its_objects()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        using var bucket = cluster.NewBucketClient();
        var (artistA, artistB) = await cluster.NewArtistAsync();
        using var _a = artistA;
        using var _b = artistB;

        var title = "Photo partagée " + Guid.NewGuid().ToString("N")[..6];
        var published = await FaultWork.TryPublishAsync(artistA.Http, title, [FaultWork.Photo(11), FaultWork.Photo(12)], Stopwatch.StartNew());
        Assert.That(published.Acknowledged, Is.True, published.Detail);
        var work = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == title)
            .Select(a => new { a.Id, Images = a.Images.Select(i => new { i.Key, i.Widths }).ToList() }).SingleAsync());
        Assert.That(work.Images, Has.Count.EqualTo(2));

        using var visitor = new HttpClient();
        foreach (var image in work.Images)
        {
            var width = image.Widths.Split(',')[0];
            foreach (var server in new[] { cluster.B.Server, cluster.Balancer })
            {
                using var served = await visitor.GetAsync(new Uri(server, $"/media/{image.Key}/{width}.webp"));
                Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{image.Key} through {server}");
                Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
                Assert.That(served.Headers.CacheControl?.ToString(), Does.Contain("immutable"));
                Assert.That((await served.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(100));
            }
            using var og = await visitor.GetAsync(new Uri(cluster.B.Server, $"/media/{image.Key}/og.jpg"));
            Assert.That(og.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        }
        Assert.That(await cluster.A.WithDbAsync(db => BucketInvariants.ProblemsAsync(db, bucket)), Is.Empty, "after the upload");

        // Bad paths under /media answer 404, never a 500.
        foreach (var bad in new[] { $"/media/{work.Images[0].Key}/x.png", "/media/../etc/passwd", "/media/a/2026/zz/320.webp", $"/media/{work.Images[0].Key}/99999.webp" })
        {
            using var refused = await visitor.GetAsync(new Uri(cluster.B.Server, bad));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), bad);
        }

        // Deleted through B: its objects are gone from the bucket, and from /media on A.
        var form = AppClient.Form(await artistB.GetPageAsync($"/atelier/oeuvres/{work.Id}/supprimer"), "artwork-delete-form");
        var deleted = await artistB.PostAjaxAsync(form, new Dictionary<string, string>());
        Assert.That(deleted.Success, Is.True, deleted.Message);
        foreach (var image in work.Images)
        {
            Assert.That(await bucket.ListAsync(image.Key + "/"), Is.Empty, $"objects of {image.Key}");
            using var gone = await visitor.GetAsync(new Uri(cluster.A.Server, $"/media/{image.Key}/{image.Widths.Split(',')[0]}.webp"));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
        Assert.That(await cluster.A.WithDbAsync(db => BucketInvariants.ProblemsAsync(db, bucket)), Is.Empty, "after the delete");
    }

    [Test]
    [NonParallelizable]
    public async Task Deleting_a_work_while_the_bucket_does_not_answer_succeeds_within_seconds_and_its_objects_go_once_the_bucket_is_back()
    {
        var cluster = await ScaleOutCluster.SharedAsync();
        using var bucket = cluster.NewBucketClient();
        var (artist, _) = await cluster.NewArtistAsync();
        using var _a = artist;
        var title = "Supprimée sans le seau " + Guid.NewGuid().ToString("N")[..6];
        var published = await FaultWork.TryPublishAsync(artist.Http, title, [FaultWork.Photo(31)], Stopwatch.StartNew());
        Assert.That(published.Acknowledged, Is.True, published.Detail);
        var work = await cluster.A.WithDbAsync(db => db.Artworks.Where(a => a.Title == title)
            .Select(a => new { a.Id, Key = a.Images.Select(i => i.Key).Single() }).SingleAsync());
        var form = AppClient.Form(await artist.GetPageAsync($"/atelier/oeuvres/{work.Id}/supprimer"), "artwork-delete-form");

        // SIGSTOP: connections are accepted, nothing is answered (the worst an unreachable store does).
        await cluster.S3.PauseAsync();
        var clock = Stopwatch.StartNew();
        AjaxReply deleted;
        try
        {
            deleted = await artist.PostAjaxAsync(form, new Dictionary<string, string>());
        }
        catch
        {
            await cluster.S3.ResumeAsync();
            throw;
        }
        var answeredIn = clock.Elapsed;
        var rowGone = await cluster.A.WithDbAsync(db => db.Artworks.AnyAsync(a => a.Id == work.Id)) == false;
        await cluster.S3.ResumeAsync();
        var leftWhileDown = (await bucket.ListAsync(work.Key + "/")).Count;

        clock.Restart();
        while ((await bucket.ListAsync(work.Key + "/")).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(40)) await Task.Delay(250);
        var goneIn = clock.Elapsed;
        TestContext.Progress.WriteLine($"[scaleout] delete with the bucket stopped: answered {(int)deleted.Status} in {answeredIn.TotalSeconds:0.0} s; " +
                                       $"{leftWhileDown} objects left then, gone {goneIn.TotalSeconds:0.0} s after the bucket came back");
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Success, Is.True, deleted.Message);
            Assert.That(answeredIn, Is.LessThan(TimeSpan.FromSeconds(15)), "the request waits for the bucket a bounded time");
            Assert.That(rowGone, Is.True);
            Assert.That(leftWhileDown, Is.GreaterThan(0), "the bucket kept them while it did not answer (else this test shows nothing)");
        });
        Assert.That(await bucket.ListAsync(work.Key + "/"), Is.Empty, "deleted by the retries once the bucket answers");
        Assert.That(await cluster.A.WithDbAsync(db => BucketInvariants.ProblemsAsync(db, bucket)), Is.Empty);
    }
}
