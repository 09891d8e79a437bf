namespace SocBot.Catalog;

/// <summary>One thing wrong with a catalog file: where it is (file, line, column, path in the document) and what.</summary>
public sealed record CatalogError(string File, int Line, int Column, string Place, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Place}: {Message}";
}
