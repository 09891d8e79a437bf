using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocBot.Conversations;
using SocBot.Storage;
using SocBot.Storage.AzureTables;
using SocBot.State.Sqlite;

namespace SocBot.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// The durable state store (Azure Table Storage or SQLite, see <see cref="StorageOptions"/>) as <see cref="ISocStateStore"/>
    /// and as the <see cref="IConversationReferenceStore"/>, replacing the in-memory one.
    /// </summary>
    public static IServiceCollection AddSocStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.TablesConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Describe(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        // The schema step is the backend's own, so a decorator registered over ISocStateStore leaves it in place.
        services.AddSingleton(sp => (IStateStoreSchema)CreateStore(sp));
        services.AddSingleton(sp => (ISocStateStore)sp.GetRequiredService<IStateStoreSchema>());
        services.RemoveAll<IConversationReferenceStore>();
        services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<ISocStateStore>());
        services.AddHostedService<StateStartup>();
        return services;
    }

    private static ISocStateStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        if (CreateTable(options) is { } table)
        {
            return new TableSocStateStore(table, new StateSchema(table, time, services.GetRequiredService<ILogger<StateSchema>>()), time);
        }

        return new SqliteSocStateStore(options.SqlitePath ?? StorageOptions.DefaultSqlitePath, options.TableName, time, services.GetRequiredService<ILogger<SqliteSocStateStore>>());
    }

    /// <summary>The Azure table when Table Storage is configured; null for the embedded SQLite store.</summary>
    internal static ITableClient? CreateTable(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TablesConnectionString))
        {
            return new AzureTableClient(TableConnectionString.Parse(options.TablesConnectionString), options.TableName);
        }

        if (options.TablesEndpoint is { } endpoint)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return new AzureTableClient(endpoint, options.TableName, credential);
        }

        return null;
    }

    internal static StorageBackend Describe(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TablesConnectionString))
        {
            return new StorageBackend("Azure Table Storage (account key)", TableConnectionString.Parse(options.TablesConnectionString).TableEndpoint + "/" + options.TableName);
        }

        return options.TablesEndpoint is { } endpoint
            ? new StorageBackend("Azure Table Storage (managed identity)", endpoint + options.TableName)
            : new StorageBackend("SQLite", Path.GetFullPath(options.SqlitePath ?? StorageOptions.DefaultSqlitePath));
    }
}
