namespace SocBot.State;

/// <summary>
/// The largest export either backend keeps: an Azure entity holds at most 1 MiB and a binary property 64 KiB, so the
/// content is spread over 14 properties there; SQLite keeps the same limit so an export never depends on the backend.
/// </summary>
internal static class StoredExportLimits
{
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunks = 14;
    public const int MaxContentBytes = ChunkBytes * MaxChunks;
}
