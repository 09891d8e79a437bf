namespace SocBot.Catalog;

/// <summary>A catalog file that cannot be used, with every error found in it.</summary>
public sealed class CatalogLoadException(IReadOnlyList<CatalogError> errors)
    : Exception(FormatMessage(errors))
{
    public IReadOnlyList<CatalogError> Errors { get; } = errors;

    private static string FormatMessage(IReadOnlyList<CatalogError> errors) =>
        $"The SOC catalog has {errors.Count} error(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
