using System.Collections.Concurrent;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// One computation at a time per key for what every catalogue page needs and the cache has just
/// lost (a listing's total, the newest works of a category, the categories): the requests that arrive while it runs await
/// its result instead of running the same full count again. At 1,000,000 works each such count
/// reads every public work (0.3–1 s); 16 searches arriving just after a start or an eviction ran
/// 16 of them at once, 5–7 s each (issue 17).
/// </summary>
public sealed class CatalogueTotals
{
    private readonly ConcurrentDictionary<string, Task<object>> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="compute"/>'s result, or the result of the same key's computation already
    /// running. The computation is not cancelled with the request that started it: others wait for it.
    /// </summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> compute) where T : notnull
    {
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _running.GetOrAdd(key, mine.Task);
        if (running != mine.Task) return (T)await running;
        try
        {
            var result = await compute();
            mine.SetResult(result);
            return result;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            // Nobody else may be waiting: observe it so it is not reported as unobserved.
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Task<object>>(key, mine.Task));
        }
    }
}
