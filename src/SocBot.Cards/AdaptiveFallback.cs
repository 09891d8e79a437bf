using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

/// <summary>
/// What a client that cannot render an action shows instead: nothing (<see cref="Drop"/>), another action,
/// or — the form Teams documents for Universal Actions — the bare word <c>Action.Submit</c>.
/// </summary>
[JsonConverter(typeof(AdaptiveFallbackConverter))]
public sealed record AdaptiveFallback
{
    private AdaptiveFallback(string? keyword, AdaptiveAction? action)
    {
        Keyword = keyword;
        Action = action;
    }

    public static AdaptiveFallback Drop { get; } = new("drop", null);

    /// <summary>Older Teams clients send the Action.Execute's data as an Action.Submit message instead.</summary>
    public static AdaptiveFallback ActionSubmit { get; } = new("Action.Submit", null);

    /// <summary>The word written in place of an action, or null when <see cref="Action"/> is set.</summary>
    public string? Keyword { get; }

    public AdaptiveAction? Action { get; }

    public static AdaptiveFallback To(AdaptiveAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new AdaptiveFallback(null, action);
    }

    public static AdaptiveFallback FromKeyword(string keyword)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyword);
        return new AdaptiveFallback(keyword, null);
    }
}
