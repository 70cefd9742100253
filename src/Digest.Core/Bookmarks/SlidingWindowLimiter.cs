namespace Digest.Core.Bookmarks;

/// <summary>
/// At most <c>limit</c> events per key in any window of <c>window</c>, in memory. Thread-safe. Keys whose events
/// have all left the window are dropped as it goes, so memory stays bounded by the keys active in one window.
/// </summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _events = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <summary>Records an event for the key if it is under the limit; false (and nothing recorded) if it is not.</summary>
    public bool TryAcquire(string key)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var events = Current(key, now);
            if (events.Count >= limit)
            {
                return false;
            }

            events.Enqueue(now);
            return true;
        }
    }

    /// <summary>
    /// Records an event whatever the count, such as a failed attempt. Past the limit the oldest event gives way,
    /// so a key that keeps failing stays exhausted and memory per key stays at <c>limit</c> events.
    /// </summary>
    public void Record(string key)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var events = Current(key, now);
            if (events.Count >= limit)
            {
                events.Dequeue();
            }

            events.Enqueue(now);
        }
    }

    /// <summary>Whether the key has used up its events in the current window.</summary>
    public bool IsExhausted(string key)
    {
        lock (_lock)
        {
            return Current(key, clock.GetUtcNow()).Count >= limit;
        }
    }

    /// <summary>When the key may act again: now if it is under the limit.</summary>
    public DateTimeOffset RetryAt(string key)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var events = Current(key, now);
            return events.Count >= limit ? events.ElementAt(events.Count - limit) + window : now;
        }
    }

    internal int TrackedKeys
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    private Queue<DateTimeOffset> Current(string key, DateTimeOffset now)
    {
        Sweep(now);
        if (!_events.TryGetValue(key, out var events))
        {
            events = new Queue<DateTimeOffset>();
            _events[key] = events;
        }

        Trim(events, now);
        return events;
    }

    private void Trim(Queue<DateTimeOffset> events, DateTimeOffset now)
    {
        while (events.Count > 0 && events.Peek() + window <= now)
        {
            events.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + window;
        foreach (var (key, events) in _events.ToList())
        {
            Trim(events, now);
            if (events.Count == 0)
            {
                _events.Remove(key);
            }
        }
    }
}
