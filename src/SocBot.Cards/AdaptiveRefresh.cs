using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>
/// Makes Teams fetch a fresh card (an <c>adaptiveCard/action</c> invoke with trigger "automatic") when a user sees it.
/// <see cref="UserIds"/> lists the users refreshed automatically (at most 60); empty means only by the card's menu;
/// null lets Teams refresh everyone in chats of up to 60 members.
/// </summary>
public sealed record AdaptiveRefresh
{
    public const int MaxUserIds = 60;

    private readonly AdaptiveAction _action = null!;
    private readonly IReadOnlyList<string>? _userIds;

    /// <summary>Typed as the base so the action's <c>type</c> is written; only Action.Execute is accepted.</summary>
    [JsonPropertyName("action")]
    public required AdaptiveAction Action
    {
        get => _action;
        init => _action = value as AdaptiveExecuteAction
            ?? throw new ArgumentException("A card refreshes only through Action.Execute.", nameof(value));
    }

    [JsonPropertyName("userIds")]
    public IReadOnlyList<string>? UserIds
    {
        get => _userIds;
        init => _userIds = value is { Count: > MaxUserIds }
            ? throw new ArgumentException($"Teams refreshes at most {MaxUserIds} users automatically.", nameof(value))
            : value;
    }
}
