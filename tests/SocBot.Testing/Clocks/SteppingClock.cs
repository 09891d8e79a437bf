using Microsoft.Extensions.Time.Testing;

namespace SocBot.Testing.Clocks;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which one-shot timers are pending, so a test moves time exactly to the
/// next instant the code under test waits for (a pacer's turn, a Retry-After), never by guessing steps or sleeping.
/// Timers due further off than <c>horizon</c> (attempt timeouts, periodic housekeeping) are left alone.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start, TimeSpan horizon) : TimeProvider
{
    private readonly object _gate = new();
    private readonly FakeTimeProvider _fake = new(start);
    private readonly List<Pending> _pending = [];
    private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How far off each timer was when it was set, in the order set.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var pending = new Pending(this);
        pending.Inner = _fake.CreateTimer(s => { pending.Done(); callback(s); }, state, dueTime, period);
        lock (_gate)
        {
            // Read after the timer was set, so the instant noted is never before the one it fires at, even when time
            // moved in between; moving time to it therefore always fires it.
            if (!pending.IsDone && period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan && dueTime <= horizon)
            {
                pending.Due = _fake.GetUtcNow() + dueTime;
                _pending.Add(pending);
                Waits.Add(dueTime);
                _created.TrySetResult();
                _created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return pending;
    }

    /// <summary>Done once <paramref name="count"/> timers within the horizon have been set, time standing still.</summary>
    public async Task TimersSetAsync(int count)
    {
        while (true)
        {
            Task created;
            lock (_gate)
            {
                if (Waits.Count >= count)
                {
                    return;
                }

                created = _created.Task;
            }

            await created;
        }
    }

    /// <summary>Moves time to each pending timer in turn until <paramref name="work"/> is done.</summary>
    public async Task RunUntilAsync(Task work, int maxSteps = 100_000)
    {
        for (var step = 0; !work.IsCompleted; step++)
        {
            if (step == maxSteps)
            {
                throw new InvalidOperationException($"Still not done after {maxSteps} timers.");
            }

            Task created;
            DateTimeOffset? next;
            lock (_gate)
            {
                next = _pending.Count == 0 ? null : _pending.Min(p => p.Due);
                created = _created.Task;
            }

            if (next is { } due)
            {
                var ahead = due - _fake.GetUtcNow();
                _fake.Advance(ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero);
            }
            else
            {
                // A guard on the real clock only: work that neither finishes nor sets a timer fails the test, not the run.
                await Task.WhenAny(work, created).WaitAsync(TimeSpan.FromMinutes(1));
            }
        }

        await work;
    }

    private void Forget(Pending pending)
    {
        lock (_gate)
        {
            pending.IsDone = true;
            _pending.Remove(pending);
        }
    }

    private sealed class Pending(SteppingClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; set; }

        public bool IsDone { get; set; }

        public void Done() => clock.Forget(this);

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

        public void Dispose()
        {
            Done();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Done();
            return Inner.DisposeAsync();
        }
    }
}
