namespace SocBot.Cards;

/// <summary>
/// The size of a card as Teams counts it: UTF-16 code units, two bytes each. Teams rejects a bot message over
/// about 100 KB with 413 MessageSizeTooBig; the limit covers the whole activity (text, mentions), so cards aim
/// for 80 KB to leave room for the rest.
/// </summary>
public sealed record CardSize(int Utf16Bytes)
{
    public const int TeamsMessageLimitBytes = 100 * 1024;

    public const int TargetBytes = 80 * 1024;

    public bool FitsTarget => Utf16Bytes <= TargetBytes;

    public bool FitsTeamsLimit => Utf16Bytes <= TeamsMessageLimitBytes;

    public static CardSize Of(string cardJson)
    {
        ArgumentNullException.ThrowIfNull(cardJson);
        return new CardSize(cardJson.Length * sizeof(char));
    }

    /// <summary>Throws <see cref="CardTooLargeException"/> when the card is over the 80 KB target.</summary>
    public void EnsureFitsTarget()
    {
        if (!FitsTarget)
        {
            throw new CardTooLargeException(Utf16Bytes, TargetBytes);
        }
    }
}
