using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocBot.Storage.AzureTables;

namespace SocBot.State;

/// <summary>Checks the storage settings at start-up and names the key of every problem.</summary>
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ConnectionStringKey = "ConnectionStrings:" + StorageOptions.ConnectionStringName;
    private const string EndpointKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.TablesEndpoint);
    private const string TableNameKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.TableName);
    private const string SqlitePathKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.SqlitePath);

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TablesConnectionString))
        {
            try
            {
                TableConnectionString.Parse(options.TablesConnectionString);
            }
            catch (FormatException e)
            {
                failures.Add($"{ConnectionStringKey} is not a storage connection string: {e.Message}");
            }

            if (options.TablesEndpoint is not null)
            {
                failures.Add($"Set either {ConnectionStringKey} or {EndpointKey}, not both.");
            }
        }

        if (options.TablesEndpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"{EndpointKey} must be an absolute https URL such as https://account.table.core.windows.net (tokens are never sent over http).");
            }
        }

        if (!TableNamePattern().IsMatch(options.TableName) || options.TableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{TableNameKey} '{options.TableName}' must be 3-63 letters and digits, starting with a letter, and not 'tables'.");
        }

        if (options.SqlitePath is { } path)
        {
            if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || Directory.Exists(path))
            {
                failures.Add($"{SqlitePathKey} '{path}' must name a database file (its folder is created if missing).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
