using System.Text.Json.Serialization;

namespace SocBot.Ownership;

/// <summary>
/// The output of <c>ask --json</c>: <c>{ question, confident, owners: [{ team, matched, score }], suggestions }</c>;
/// <c>outsideSoc</c> is true on a refusal that reads like work done outside the SOC.
/// </summary>
internal sealed record AskJson(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("confident")] bool Confident,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("owners")] IReadOnlyList<AskJsonMatch> Owners,
    [property: JsonPropertyName("alsoRelated")] IReadOnlyList<AskJsonMatch> AlsoRelated,
    [property: JsonPropertyName("suggestions")] IReadOnlyList<AskJsonMatch> Suggestions,
    [property: JsonPropertyName("outsideSoc")] bool OutsideSoc,
    [property: JsonPropertyName("duties")] IReadOnlyList<string>? Duties,
    [property: JsonPropertyName("explain")] AskJsonExplanation? Explain);
