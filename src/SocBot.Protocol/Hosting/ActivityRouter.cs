using Microsoft.Extensions.Logging;
using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Hosting;

/// <summary>
/// Dispatches a turn by activity type, invoke name or the message's first word. Registering the same route twice throws,
/// so a wiring mistake stops start-up instead of silently shadowing a handler; an unmatched activity is logged and answered 200.
/// </summary>
public sealed partial class ActivityRouter(ILogger<ActivityRouter> logger) : IBot
{
    private readonly Dictionary<string, Func<ITurnContext, string, CancellationToken, Task>> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ITurnContext, CancellationToken, Task<InvokeResponse>>> _invokes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ITurnContext, CancellationToken, Task>> _types = new(StringComparer.OrdinalIgnoreCase);
    private Func<ITurnContext, CancellationToken, Task>? _unmatchedMessage;
    private Func<ITurnContext, CancellationToken, Task>? _submit;

    public IReadOnlyCollection<string> Commands => _commands.Keys;

    /// <summary>A message whose first word is <paramref name="command"/>; the handler gets the rest of the text.</summary>
    public ActivityRouter OnCommand(string command, Func<ITurnContext, string, CancellationToken, Task> handler)
    {
        if (!_commands.TryAdd(command, handler))
        {
            throw new InvalidOperationException($"The command '{command}' is registered twice.");
        }

        return this;
    }

    /// <summary>A message no command matched (including an empty one).</summary>
    public ActivityRouter OnUnmatchedMessage(Func<ITurnContext, CancellationToken, Task> handler)
    {
        if (_unmatchedMessage is not null)
        {
            throw new InvalidOperationException("The unmatched-message handler is registered twice.");
        }

        _unmatchedMessage = handler;
        return this;
    }

    /// <summary>A message with no text and an object value: an Adaptive Card Action.Submit.</summary>
    public ActivityRouter OnSubmit(Func<ITurnContext, CancellationToken, Task> handler)
    {
        if (_submit is not null)
        {
            throw new InvalidOperationException("The submit handler is registered twice.");
        }

        _submit = handler;
        return this;
    }

    public ActivityRouter OnInvoke(string name, Func<ITurnContext, CancellationToken, Task<InvokeResponse>> handler)
    {
        if (!_invokes.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"The invoke '{name}' is registered twice.");
        }

        return this;
    }

    /// <summary>Any other activity type (conversationUpdate, installationUpdate, messageReaction …).</summary>
    public ActivityRouter OnActivity(string type, Func<ITurnContext, CancellationToken, Task> handler)
    {
        if (type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            throw new ArgumentException($"Route '{type}' activities with the command, submit or invoke registrations.", nameof(type));
        }

        if (!_types.TryAdd(type, handler))
        {
            throw new InvalidOperationException($"The activity type '{type}' is registered twice.");
        }

        return this;
    }

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                if (activity.Name is { } name && _invokes.TryGetValue(name, out var invoke))
                {
                    return await invoke(turn, cancellationToken);
                }

                Log.Unmatched(logger, activity.Type, activity.Name);
                return InvokeResponse.NotImplemented;

            case ActivityTypes.Message:
                await RouteMessageAsync(turn, cancellationToken);
                return null;

            default:
                if (activity.Type is { } type && _types.TryGetValue(type, out var handler))
                {
                    await handler(turn, cancellationToken);
                }
                else
                {
                    Log.Unmatched(logger, activity.Type, activity.Name);
                }

                return null;
        }
    }

    private async Task RouteMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (text.Length == 0 && turn.Activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object } && _submit is not null)
        {
            await _submit(turn, cancellationToken);
            return;
        }

        var firstSpace = text.IndexOfAny([' ', '\t', '\n', '\r']);
        var command = firstSpace < 0 ? text : text[..firstSpace];
        if (_commands.TryGetValue(command, out var handler))
        {
            await handler(turn, firstSpace < 0 ? string.Empty : text[(firstSpace + 1)..].Trim(), cancellationToken);
        }
        else if (_unmatchedMessage is not null)
        {
            await _unmatchedMessage(turn, cancellationToken);
        }
        else
        {
            Log.Unmatched(logger, ActivityTypes.Message, null);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "No handler for activity type {Type} name {Name}")]
        public static partial void Unmatched(ILogger logger, string? type, string? name);
    }
}
