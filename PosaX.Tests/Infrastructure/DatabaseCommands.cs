using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// The SQL commands EF sends while this watch is open, from every app of the process (EF's DiagnosticListener):
/// "how many queries does this page run" is asserted with it. Filter by text to keep other apps' background work out.
/// </summary>
public sealed class DatabaseCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private volatile bool _open = true;

    public DatabaseCommands() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>The text of every command sent so far.</summary>
    public IReadOnlyList<string> Texts => _texts.ToList();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (_open && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
            _texts.Enqueue(data.Command.CommandText);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _open = false;
        _all.Dispose();
        lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
