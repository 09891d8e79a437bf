namespace SocBot.Testing.Cards;

/// <summary>What Microsoft's renderer made of a card. <see cref="Ok"/> means no warning and no error.</summary>
public sealed record CardRenderResult(
    bool Ok,
    IReadOnlyList<CardRenderIssue> Warnings,
    IReadOnlyList<CardRenderIssue> Errors,
    string Html);
