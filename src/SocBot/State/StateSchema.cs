using SocBot.Storage;

namespace SocBot.State;

/// <summary>
/// Creates the state table and checks the layout version, once per process: at host start-up (<see cref="StateStartup"/>)
/// or on first use by a CLI verb, never in a constructor. A table written by a newer layout stops the bot instead of being
/// misread; when the layout changes, the step from the stored version goes here.
/// </summary>
public sealed class StateSchema(ITableClient table, TimeProvider time, ILogger<StateSchema> logger)
{
    public const int CurrentVersion = 1;

    private readonly ITableClient table = OutageTranslatingTableClient.Wrap(table);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            await table.CreateIfNotExistsAsync(cancellationToken);
            var marker = new TableEntity(StateKeys.MetaPartition, StateKeys.SchemaRow)
            {
                ["Version"] = CurrentVersion,
                ["CreatedAt"] = time.GetUtcNow(),
            };
            if (await table.TryAddEntityAsync(marker, cancellationToken) is not null)
            {
                Log.SchemaCreated(logger, table.Name, CurrentVersion);
            }
            else
            {
                var stored = await table.GetEntityIfExistsAsync(StateKeys.MetaPartition, StateKeys.SchemaRow, cancellationToken);
                var version = stored?.GetInt32("Version");
                if (version != CurrentVersion)
                {
                    throw new InvalidOperationException(
                        $"The state table {table.Name} has layout version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(unreadable)"}; "
                        + $"this SocBot reads version {CurrentVersion}. Run the SocBot version that wrote it, or migrate the table first.");
                }
            }

            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
