namespace SocBot.Tests.EndToEnd;

/// <summary>
/// The reliability probes run at suite size, or at the full size when SOCBOT_PROBE_SIZE=full
/// (scripts/reliability-probes.sh, listed in the README's Reliability section).
/// </summary>
public static class ProbeSize
{
    public static bool Full => Environment.GetEnvironmentVariable("SOCBOT_PROBE_SIZE") == "full";

    public static int Pick(int suite, int full) => Full ? full : suite;
}
