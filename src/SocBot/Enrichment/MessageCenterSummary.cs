using System.Globalization;
using Microsoft.Graph.Models;

namespace SocBot.Enrichment;

/// <summary>Turns the last week's Message center posts into a card's facts.</summary>
internal static class MessageCenterSummary
{
    public const string Heading = "Message center, last 7 days";

    public const int NewestShown = 3;

    /// <param name="messages">The posts read, across pages.</param>
    /// <param name="more">True when paging stopped at its bound, so the counts are lower limits.</param>
    /// <param name="asOf">When the posts were read.</param>
    public static LiveData From(IReadOnlyCollection<ServiceUpdateMessage> messages, bool more, DateTimeOffset asOf)
    {
        var suffix = more ? "+" : string.Empty;
        var actionRequired = messages.Count(m => m.ActionRequiredByDateTime is not null);
        var facts = new List<LiveFact>
        {
            new("Messages", messages.Count.ToString(CultureInfo.InvariantCulture) + suffix),
            new("Action required", actionRequired.ToString(CultureInfo.InvariantCulture) + suffix),
        };
        facts.AddRange(messages
            .OrderByDescending(m => m.LastModifiedDateTime ?? m.StartDateTime)
            .Take(NewestShown)
            .Select(m => new LiveFact(m.Id ?? "MC", m.Title ?? "(untitled)")));
        return new LiveData(Heading, facts, asOf);
    }
}
