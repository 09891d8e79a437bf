namespace SocBot.Enrichment;

/// <summary>The Microsoft Graph figures a reminder card can show next to its task.</summary>
public enum LiveDataKind
{
    SecureScore,
    MessageCenter,
}
