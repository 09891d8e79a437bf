namespace SocBot.Catalog;

/// <summary>The period a scheduled task repeats over; None for tasks that only run on demand.</summary>
public enum CadencePeriod
{
    None,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
}
