using System.Collections.Concurrent;
using System.Reflection;
using SocBot.State;

namespace SocBot.Tests.Completions;

/// <summary>
/// Wraps the host's state store and records every call made through <see cref="ISocStateStore"/> (method and arguments),
/// so a test can say how many storage round trips an action costs without knowing which backend answers them.
/// </summary>
public class CountingStateStore : DispatchProxy
{
    private ISocStateStore _inner = null!;

    public ConcurrentQueue<StoreCall> Calls { get; } = new();

    /// <summary>Replaces the registered store with a counting wrapper around it; returns a handle to read the calls from.</summary>
    public static Func<CountingStateStore> Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ISocStateStore));
        services.Remove(original);
        CountingStateStore? counter = null;
        services.AddSingleton(sp =>
        {
            var inner = (ISocStateStore)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            var proxy = Create<ISocStateStore, CountingStateStore>();
            counter = (CountingStateStore)(object)proxy;
            counter._inner = inner;
            return proxy;
        });
        return () => counter ?? throw new InvalidOperationException("The store has not been resolved yet.");
    }

    public IReadOnlyList<StoreCall> Since(int mark) => Calls.Skip(mark).ToList();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(new StoreCall(targetMethod.Name, args ?? []));
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}

/// <summary>One call on the store: the method's name and the arguments it was given.</summary>
public sealed record StoreCall(string Method, object?[] Args);
