namespace Digest.Core.Bookmarks;

/// <summary>
/// The rate-limit policy for transfer codes, in memory (one app instance; a restart forgets it, which a code's
/// 15-minute life and 79 bits of entropy make harmless). Make one per app, a singleton.
/// <list type="bullet">
/// <item>A reader may create at most <see cref="CreationsPerHour"/> codes in any hour.</item>
/// <item>A client (the web layer passes the remote IP) and, separately, a reader may fail at most
/// <see cref="FailedRedemptionsPer15Minutes"/> redemptions in any 15 minutes; past that every redemption is
/// refused, even with a good code, until the window has passed.</item>
/// </list>
/// </summary>
public sealed class TransferRateLimits(TimeProvider clock)
{
    public const int CreationsPerHour = 5;
    public const int FailedRedemptionsPer15Minutes = 10;

    private readonly SlidingWindowLimiter _creations = new(CreationsPerHour, TimeSpan.FromHours(1), clock);
    private readonly SlidingWindowLimiter _failures = new(FailedRedemptionsPer15Minutes, TimeSpan.FromMinutes(15), clock);

    public TransferRateLimits()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Counts a creation for the reader; false when the reader has made too many this hour.</summary>
    public bool TryCreate(ReaderHash reader) => _creations.TryAcquire("reader:" + reader.Value);

    /// <summary>Whether the client or the reader has failed too many redemptions lately.</summary>
    public bool IsRedemptionBlocked(string client, ReaderHash? reader) =>
        _failures.IsExhausted("client:" + client) || (reader is not null && _failures.IsExhausted("reader:" + reader.Value));

    public void RecordFailedRedemption(string client, ReaderHash? reader)
    {
        _failures.Record("client:" + client);
        if (reader is not null)
        {
            _failures.Record("reader:" + reader.Value);
        }
    }

    /// <summary>When the reader may create a code again, for a Retry-After header.</summary>
    public DateTimeOffset CreationRetryAt(ReaderHash reader) => _creations.RetryAt("reader:" + reader.Value);

    /// <summary>When the client and reader may redeem again, for a Retry-After header.</summary>
    public DateTimeOffset RedemptionRetryAt(string client, ReaderHash? reader)
    {
        var byClient = _failures.RetryAt("client:" + client);
        var byReader = reader is null ? byClient : _failures.RetryAt("reader:" + reader.Value);
        return byClient > byReader ? byClient : byReader;
    }
}
