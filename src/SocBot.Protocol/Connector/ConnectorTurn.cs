namespace SocBot.Protocol.Connector;

/// <summary>
/// One call's place in its thread's and its tenant's windows. The call counts as arriving until its answer is reported;
/// report it exactly once, <see cref="Throttled"/> when Teams answered 429.
/// </summary>
public sealed class ConnectorTurn
{
    private readonly ConversationPacer _pacer;
    private ConversationPacer.Call? _inThread;
    private ConversationPacer.Call? _inTenant;

    internal ConnectorTurn(ConversationPacer pacer, string tenantId, string thread)
    {
        _pacer = pacer;
        TenantId = tenantId;
        Thread = thread;
    }

    public string TenantId { get; }

    public string Thread { get; }

    /// <summary>The call was answered, or failed, now.</summary>
    public void Answered() => _pacer.Answered(this);

    /// <summary>Teams answered 429: its windows stay closed for <paramref name="retryAfter"/>, or the shortest window when it gave none.</summary>
    public void Throttled(TimeSpan? retryAfter) => _pacer.Throttled(this, retryAfter);

    internal void Enter(ConversationPacer.Call inThread, ConversationPacer.Call inTenant)
    {
        _inThread = inThread;
        _inTenant = inTenant;
    }

    /// <summary>Gives up the reserved place, to reserve again or because the caller stopped waiting.</summary>
    internal void Leave()
    {
        _inThread?.Owner.Remove(_inThread);
        _inTenant?.Owner.Remove(_inTenant);
        _inThread = _inTenant = null;
    }

    internal void Settle(long at)
    {
        _inThread?.Owner.Answer(_inThread, at);
        _inTenant?.Owner.Answer(_inTenant, at);
    }

    internal void Close(long until)
    {
        _inThread?.Owner.Close(until);
        _inTenant?.Owner.Close(until);
    }
}
