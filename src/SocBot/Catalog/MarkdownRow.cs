namespace SocBot.Catalog;

/// <summary>One body row of a markdown pipe table, with its raw cells and 1-based line number.</summary>
internal sealed record MarkdownRow(int Line, IReadOnlyList<string> Cells);
