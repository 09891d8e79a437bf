namespace SocBot.Catalog;

/// <summary>One normalization the importer made, and where in which input file.</summary>
public sealed record ImportNote(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
