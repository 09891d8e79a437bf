using System.Runtime.CompilerServices;

namespace SocBot.Storage;

/// <summary>The query loop both stores share: ask for pages until the continuation token runs out.</summary>
internal static class TableClientExtensions
{
    public static async IAsyncEnumerable<TableEntity> QueryAllPagesAsync(
        this ITableClient client,
        string? filter,
        IReadOnlyList<string>? select,
        int? maxPerPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await client.QueryPageAsync(filter, select, maxPerPage, continuation, cancellationToken);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }
}
