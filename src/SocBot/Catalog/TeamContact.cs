namespace SocBot.Catalog;

/// <summary>A person to ask about a team's work, and to mention when its work is overdue.</summary>
/// <param name="Upn">The person's user principal name (usually their e-mail address), when known.</param>
/// <param name="ObjectId">The person's Entra ID object id, when known: Teams mentions by it most reliably.</param>
public sealed record TeamContact(string Name, string? Upn, Guid? ObjectId = null)
{
    /// <summary>The id a Teams mention of this person carries: the object id when known, else the UPN; null when neither is.</summary>
    public string? MentionId => ObjectId?.ToString("D") ?? Upn;
}
