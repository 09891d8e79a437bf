namespace SocBot.Ownership;

/// <summary>One item's rank for a question; <see cref="Matched"/> has bit i set when the item contains the question's term i.</summary>
internal readonly record struct ScoredItem(int ItemIndex, double Score, ulong Matched);
