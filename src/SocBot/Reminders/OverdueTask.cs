using SocBot.Catalog;

namespace SocBot.Reminders;

/// <summary>An overdue occurrence as a nudge or an escalation lists it: what and whose it is, who to chase, where its card is.</summary>
/// <param name="Contacts">The owning team's contacts from the catalog.</param>
/// <param name="CardLink">A Teams link that opens the posted reminder; null when it was never posted.</param>
public sealed record OverdueTask(ReminderView View, IReadOnlyList<TeamContact> Contacts, Uri? CardLink);
