namespace SocBot.Storage.Filtering;

/// <summary>A parsed OData filter: the subset Table Storage supports (comparisons joined by and/or/not).</summary>
internal abstract record FilterNode;

internal sealed record ComparisonNode(string Property, FilterOperator Operator, object Value) : FilterNode;

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record NotNode(FilterNode Operand) : FilterNode;
