namespace SocBot.Storage;

/// <summary>Merge keeps properties the update does not name; Replace drops them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
