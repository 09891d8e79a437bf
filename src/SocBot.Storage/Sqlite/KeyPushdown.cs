using SocBot.Storage.Filtering;

namespace SocBot.Storage.Sqlite;

/// <summary>
/// Turns the key comparisons at the top of a filter's and-chain into SQL on the primary key, so a partition or
/// row-key range query reads only that range. The full filter is still evaluated on every row, so this only narrows.
/// </summary>
internal static class KeyPushdown
{
    public static (string Sql, IReadOnlyList<(string Name, object Value)> Parameters) From(FilterNode? filter)
    {
        var sql = new System.Text.StringBuilder();
        var parameters = new List<(string, object)>();
        foreach (var comparison in Conjuncts(filter))
        {
            var column = comparison.Property switch
            {
                "PartitionKey" => "pk",
                "RowKey" => "rk",
                _ => null,
            };
            var op = comparison.Operator switch
            {
                FilterOperator.Equal => "=",
                FilterOperator.GreaterThan => ">",
                FilterOperator.GreaterThanOrEqual => ">=",
                FilterOperator.LessThan => "<",
                FilterOperator.LessThanOrEqual => "<=",
                _ => null,
            };
            if (column is null || op is null || comparison.Value is not string value)
            {
                continue;
            }

            var name = "$k" + parameters.Count;
            sql.Append(" AND ").Append(column).Append(' ').Append(op).Append(' ').Append(name);
            parameters.Add((name, value));
        }

        return (sql.ToString(), parameters);
    }

    private static IEnumerable<ComparisonNode> Conjuncts(FilterNode? node) => node switch
    {
        AndNode and => Conjuncts(and.Left).Concat(Conjuncts(and.Right)),
        ComparisonNode comparison => [comparison],
        _ => [],
    };
}
