using StackExchange.Redis;

namespace PosaX.Web.Infrastructure.Redis;

/// <summary>
/// What counts as "Redis is away" (the one test every Redis caller uses before falling back): a
/// Redis error, a time-out, a multiplexer being disposed — also when it comes wrapped in an
/// AggregateException, as StackExchange.Redis's cursors (ZSCAN, SCAN) throw it while the
/// connection is being re-established after a restart.
/// </summary>
public static class RedisFailure
{
    public static bool Is(Exception e) => e switch
    {
        RedisException or TimeoutException or ObjectDisposedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        _ => false,
    };
}
