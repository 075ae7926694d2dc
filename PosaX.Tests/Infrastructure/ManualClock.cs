namespace PosaX.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test says so, for the limits that count time (throttles): it
/// starts at the real time, so cookies and tokens dated by it are valid in the real world too.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Lock _gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
