using SocBot.Catalog;
using SocBot.Scheduling;

namespace SocBot.Tests.Scheduling;

/// <summary>An <see cref="OccurrenceSchedule"/> over a fixed catalog, with helpers that take UTC instants as text.</summary>
internal sealed class OccurrenceScheduleFor(SocCatalog catalog)
{
    public SocCatalog Catalog { get; } = catalog;

    public OccurrenceSchedule Schedule { get; } = new(new FixedCatalogSource(catalog));

    public IReadOnlyList<Occurrence> List(string fromUtc, string toUtc, string? teamId = null) =>
        Schedule.List(DateTimeOffset.Parse(fromUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(toUtc, System.Globalization.CultureInfo.InvariantCulture), teamId);
}
