namespace SocBot.Storage.Filtering;

/// <summary>
/// Evaluates a parsed filter against an entity with Table Storage's rules: a missing property or a value of another type
/// never matches (not even with 'ne'), strings compare ordinally, and Int32/Int64/Double compare as numbers.
/// </summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterNode node, TableEntity entity) => node switch
    {
        AndNode and => Matches(and.Left, entity) && Matches(and.Right, entity),
        OrNode or => Matches(or.Left, entity) || Matches(or.Right, entity),
        NotNode not => !Matches(not.Operand, entity),
        ComparisonNode comparison => Compare(comparison, entity),
        _ => false,
    };

    private static bool Compare(ComparisonNode comparison, TableEntity entity)
    {
        object? value = comparison.Property switch
        {
            "PartitionKey" => entity.PartitionKey,
            "RowKey" => entity.RowKey,
            "Timestamp" => entity.Timestamp,
            _ => entity[comparison.Property],
        };
        if (value is null || CompareValues(value, comparison.Value) is not { } order)
        {
            return false;
        }

        return comparison.Operator switch
        {
            FilterOperator.Equal => order == 0,
            FilterOperator.NotEqual => order != 0,
            FilterOperator.GreaterThan => order > 0,
            FilterOperator.GreaterThanOrEqual => order >= 0,
            FilterOperator.LessThan => order < 0,
            FilterOperator.LessThanOrEqual => order <= 0,
            _ => false,
        };
    }

    private static int? CompareValues(object value, object literal) => (value, literal) switch
    {
        (string a, string b) => string.CompareOrdinal(a, b),
        (int or long, int or long) => Convert.ToInt64(value).CompareTo(Convert.ToInt64(literal)),
        (int or long or double, int or long or double) => Convert.ToDouble(value).CompareTo(Convert.ToDouble(literal)),
        (bool a, bool b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (Guid a, Guid b) => a.CompareTo(b),
        (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
        _ => null,
    };
}
