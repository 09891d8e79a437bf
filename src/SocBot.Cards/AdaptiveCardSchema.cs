namespace SocBot.Cards;

/// <summary>
/// The one place that names the card schema version and the wire constants around it.
/// Teams renders bot cards only up to 1.5, so every card we send declares 1.5 and nothing newer.
/// </summary>
public static class AdaptiveCardSchema
{
    public const string Version = "1.5";

    public const string SchemaUri = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The content type of a Bot Framework attachment that carries an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
}
