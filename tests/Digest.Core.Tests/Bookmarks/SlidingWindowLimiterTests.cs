using Digest.Core.Bookmarks;

namespace Digest.Core.Tests.Bookmarks;

public sealed class SlidingWindowLimiterTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_window_slides_event_by_event()
    {
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromMinutes(10), _clock);

        Assert.True(limiter.TryAcquire("k"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(limiter.TryAcquire("k"));
        Assert.False(limiter.TryAcquire("k"));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(4), limiter.RetryAt("k"));

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(limiter.TryAcquire("k"));
        Assert.False(limiter.TryAcquire("k"));
    }

    [Fact]
    public void Keys_are_counted_apart_and_idle_keys_are_forgotten()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromMinutes(1), _clock);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(limiter.TryAcquire($"k{i}"));
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.TryAcquire("fresh"));

        Assert.Equal(1, limiter.TrackedKeys);
    }

    [Fact]
    public void Recording_past_the_limit_keeps_the_key_exhausted_until_it_goes_quiet()
    {
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromMinutes(10), _clock);
        limiter.Record("k");
        limiter.Record("k");
        _clock.Advance(TimeSpan.FromMinutes(9));
        limiter.Record("k");
        limiter.Record("k");

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.IsExhausted("k"));
        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.False(limiter.IsExhausted("k"));
    }
}
