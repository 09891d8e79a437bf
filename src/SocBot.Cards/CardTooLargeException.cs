namespace SocBot.Cards;

/// <summary>A card too large to send: Teams would answer 413 MessageSizeTooBig, so callers split or trim it first.</summary>
public sealed class CardTooLargeException(int utf16Bytes, int limitBytes)
    : Exception($"The card is {utf16Bytes} bytes (UTF-16); the limit is {limitBytes} bytes.")
{
    public int Utf16Bytes { get; } = utf16Bytes;

    public int LimitBytes { get; } = limitBytes;
}
