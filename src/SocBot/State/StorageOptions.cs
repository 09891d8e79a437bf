namespace SocBot.State;

/// <summary>
/// Where SocBot keeps its state. Azure Table Storage when <c>ConnectionStrings:Tables</c> (account key, or
/// <c>UseDevelopmentStorage=true</c> for Azurite) or <c>Storage:TablesEndpoint</c> (managed identity) is set;
/// otherwise the embedded SQLite file at <c>Storage:SqlitePath</c>, by default in the user's local data folder.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "Tables";

    /// <summary>From ConnectionStrings:Tables, not from this section.</summary>
    public string? TablesConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net; authenticated with DefaultAzureCredential.</summary>
    public Uri? TablesEndpoint { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty uses the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string? SqlitePath { get; set; }

    public string TableName { get; set; } = "SocBotState";

    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SocBot", "socbot.db");
}
