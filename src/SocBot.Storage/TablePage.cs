namespace SocBot.Storage;

/// <summary>One page of a query; a null continuation token means the query is complete.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);
