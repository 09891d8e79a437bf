namespace SocBot.State;

/// <summary>The backend's schema step: create, check the version, migrate. Run at host start-up and before first use.</summary>
internal interface IStateStoreSchema
{
    Task EnsureSchemaAsync(CancellationToken cancellationToken);
}
