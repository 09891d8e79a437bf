using Microsoft.Extensions.Options;

namespace SocBot.Catalog;

/// <summary>Checks SocBot:CatalogPath at start-up; the file's content is checked when the catalog loads.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    private const string Key = CatalogOptions.SectionName + ":" + nameof(CatalogOptions.CatalogPath);

    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        if (options.CatalogPath is null)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.CatalogPath))
        {
            return ValidateOptionsResult.Fail($"{Key} is empty; remove it to use the built-in catalog, or name a catalog file.");
        }

        return File.Exists(options.CatalogPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Key} names '{Path.GetFullPath(options.CatalogPath)}', which does not exist.");
    }
}
