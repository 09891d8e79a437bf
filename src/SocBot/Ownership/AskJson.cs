using System.Text.Json.Serialization;

namespace SocBot.Ownership;

/// <summary>The output of <c>ask --json</c>: <c>{ question, confident, owners: [{ team, matched, score }], suggestions }</c>.</summary>
internal sealed record AskJson(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("confident")] bool Confident,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("owners")] IReadOnlyList<AskJsonMatch> Owners,
    [property: JsonPropertyName("alsoRelated")] IReadOnlyList<AskJsonMatch> AlsoRelated,
    [property: JsonPropertyName("suggestions")] IReadOnlyList<AskJsonMatch> Suggestions,
    [property: JsonPropertyName("duties")] IReadOnlyList<string>? Duties,
    [property: JsonPropertyName("explain")] AskJsonExplanation? Explain);
