namespace SocBot.Catalog;

/// <summary>A document catalog entries were imported from, and which version of it.</summary>
/// <param name="Id">Referenced by the entries' Source.</param>
/// <param name="Date">The document's own date (front matter ms.date), when it has one.</param>
/// <param name="Sha256">Hash of the imported file, so a changed document is noticed even without a new date.</param>
public sealed record SourceDocument(string Id, string Title, string File, DateOnly? Date, string Sha256);
