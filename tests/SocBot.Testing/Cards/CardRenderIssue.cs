namespace SocBot.Testing.Cards;

/// <summary>
/// One renderer event: <see cref="Phase"/> is Json, Host, Parse, Validation or Render; <see cref="Event"/> is the
/// renderer's ValidationEvent name (UnknownElementType, PropertyCantBeNull, …); <see cref="Source"/> the element type.
/// </summary>
public sealed record CardRenderIssue(string Phase, string Event, string Message, string? Source)
{
    public override string ToString() => Source is null ? $"{Phase}/{Event}: {Message}" : $"{Phase}/{Event} in {Source}: {Message}";
}
