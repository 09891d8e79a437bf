namespace SocBot.Storage.AzureTables;

/// <summary>
/// The parts of a storage connection string the table client needs. Understands <c>UseDevelopmentStorage=true</c>
/// (Azurite on 127.0.0.1:10002), an explicit <c>TableEndpoint</c>, and AccountName/AccountKey/EndpointSuffix.
/// </summary>
public sealed record TableConnectionString(Uri TableEndpoint, string AccountName, string AccountKey)
{
    /// <summary>Azurite's well-known development account; public by design, not a secret.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Connection string segment '{Redact(segment)}' is not Name=Value.");
            }

            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            var proxy = parts.GetValueOrDefault("DevelopmentStorageProxyUri") is { } p ? new Uri(p) : new Uri("http://127.0.0.1");
            return new TableConnectionString(new Uri($"{proxy.Scheme}://{proxy.Host}:10002/{DevelopmentAccountName}"), DevelopmentAccountName, DevelopmentAccountKey);
        }

        var account = parts.GetValueOrDefault("AccountName") ?? throw new FormatException("The connection string has no AccountName.");
        var key = parts.GetValueOrDefault("AccountKey") ?? throw new FormatException("The connection string has no AccountKey (SAS and token auth are configured differently).");
        Uri endpoint;
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            endpoint = new Uri(explicitEndpoint.TrimEnd('/'));
        }
        else
        {
            var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
            var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
            endpoint = new Uri($"{protocol}://{account}.table.{suffix}");
        }

        return new TableConnectionString(endpoint, account, key);
    }

    /// <summary>Keeps the key out of ToString, so a logged options object never leaks it.</summary>
    public override string ToString() => $"TableEndpoint={TableEndpoint};AccountName={AccountName};AccountKey=***";

    private static string Redact(string segment) =>
        segment.StartsWith("AccountKey", StringComparison.OrdinalIgnoreCase) ? "AccountKey=***" : segment;
}
