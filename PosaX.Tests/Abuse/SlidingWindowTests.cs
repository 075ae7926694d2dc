using PosaX.Web.Infrastructure.Web;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Issue 12, finding 8: every limit (KeyedThrottle, and ClientRateLimits through the same
/// SlidingWindowLimiter) counts a sliding window, so a burst just before the end of a window and
/// another just after it cannot add up to more than the limit. In real time, with a short window.
/// </summary>
[Category("Abuse")]
public class SlidingWindowTests
{
    [Test]
    public async Task Bursts_on_both_sides_of_a_window_boundary_get_no_more_than_the_limit()
    {
        using var throttle = new KeyedThrottle(5, TimeSpan.FromSeconds(1));
        int Burst(int attempts) => Enumerable.Range(0, attempts).Count(_ => throttle.TryAcquire("clé") is null);

        Assert.That(Burst(1), Is.EqualTo(1));
        await Task.Delay(800);
        var before = Burst(10);
        await Task.Delay(400); // a fixed window opened by the first attempt ended at 1 s
        var after = Burst(10);

        // The first attempt's permit came back when it left the window (the "+1" a window boundary may give).
        Assert.That(before + after, Is.LessThanOrEqualTo(5), $"{before} then {after} within about 0.4 s");
        Assert.That(throttle.TryAcquire("clé"), Is.GreaterThan(TimeSpan.Zero), "a refusal names the wait");
    }
}
