namespace SocBot.State;

/// <summary>
/// An audit export prepared for one person: kept in the store, not in one instance's memory, so a download link or a
/// file upload that Teams calls back for works whichever instance answers. Gone after <paramref name="ExpiresAt"/>.
/// </summary>
public sealed record StoredExport(
    string TenantId,
    string ExportId,
    string FileName,
    byte[] Content,
    Actor RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
