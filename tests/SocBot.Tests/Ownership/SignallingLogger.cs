namespace SocBot.Tests.Ownership;

/// <summary>A logger that completes <see cref="Logged"/> at the first message containing a given text, so a test awaits background work instead of sleeping.</summary>
internal sealed class SignallingLogger<T>(string awaited) : ILogger<T>
{
    private readonly TaskCompletionSource<string> _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Logged => _logged.Task;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        if (message.Contains(awaited, StringComparison.Ordinal))
        {
            _logged.TrySetResult(message);
        }
    }
}
