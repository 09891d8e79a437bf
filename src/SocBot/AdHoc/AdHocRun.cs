using SocBot.Reminders;
using SocBot.Scheduling;

namespace SocBot.AdHoc;

/// <summary>What `run` did: the on-demand occurrence, where its card went (when it could go anywhere) and the outcome.</summary>
public sealed record AdHocRun(AdHocRunOutcome Outcome, Occurrence Occurrence, ReminderTarget? Target, PostedCard? Posted);
