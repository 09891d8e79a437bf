using SocBot.Conversations;
using SocBot.State;
using SocBot.Testing;

namespace SocBot.Tests.State;

/// <summary>The SOC store's semantics, run on each table backend. Every test opens its own table.</summary>
public abstract class SocStateStoreContract
{
    protected const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Monday);

    /// <summary>A store over this test's own table or file; every call opens the same data, as another process would.</summary>
    protected abstract ISocStateStore CreateStore();

    /// <summary>Marks this test's store as written by a newer SocBot; returns that version and the one this SocBot reads.</summary>
    protected abstract Task<(int Stored, int Current)> WriteNewerSchemaAsync();

    [Fact]
    public async Task ClaimOccurrence_FirstClaim_ClaimedOpenAndAudited()
    {
        var store = CreateStore();

        var result = await store.ClaimOccurrenceAsync(Claim("patch-review/monitoring/2026-W02", "monitoring", "patch-review", Monday.AddDays(11)), CancellationToken.None);
        var audit = await store.ReadAuditAsync(Tenant, "monitoring", Monday, Monday.AddDays(1), CancellationToken.None);

        Assert.True(result.Claimed);
        Assert.Equal(OccurrenceState.Open, result.Occurrence.State);
        Assert.Equal(Monday, result.Occurrence.ClaimedAt);
        var entry = Assert.Single(audit);
        Assert.Equal((AuditActions.Claimed, "patch-review/monitoring/2026-W02"), (entry.Action, entry.OccurrenceKey));
    }

    [Fact]
    public async Task ClaimOccurrence_TwentyConcurrentClaimants_ExactlyOneClaimsAndOneAuditEntry()
    {
        var store = CreateStore();
        var due = Monday.AddDays(4);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            store.ClaimOccurrenceAsync(Claim("k/monitoring/2026-W02", "monitoring", "k", due), CancellationToken.None))));

        var winner = Assert.Single(results, r => r.Claimed);
        Assert.All(results, r => Assert.Equal(winner.Occurrence.ClaimId, r.Occurrence.ClaimId));
        Assert.Single(await store.ReadAuditAsync(Tenant, "monitoring", Monday, Monday.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task ClaimOccurrence_RetriedWithSameClaimId_StillOurs()
    {
        var store = CreateStore();
        var claim = Claim("k/monitoring/2026-W02", "monitoring", "k", Monday);

        await store.ClaimOccurrenceAsync(claim, CancellationToken.None);
        var retried = await store.ClaimOccurrenceAsync(claim, CancellationToken.None);
        var someoneElse = await store.ClaimOccurrenceAsync(claim with { ClaimId = Guid.NewGuid() }, CancellationToken.None);

        Assert.True(retried.Claimed);
        Assert.False(someoneElse.Claimed);
    }

    [Fact]
    public async Task CompleteAsync_TwentyConcurrentAttempts_ExactlyOneCompletionAndOneAuditEntry()
    {
        var store = CreateStore();
        await store.ClaimOccurrenceAsync(Claim("k/monitoring/2026-W02", "monitoring", "k", Monday), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            store.CompleteAsync(Tenant, "monitoring", "k/monitoring/2026-W02", new Actor($"oid-{i}", $"Analyst {i}"), $"note {i}", null, CancellationToken.None))));

        var applied = Assert.Single(results, r => r.Outcome == OccurrenceUpdateOutcome.Applied);
        Assert.All(results.Where(r => r != applied), r => Assert.Equal(OccurrenceUpdateOutcome.AlreadyResolved, r.Outcome));
        var stored = await store.GetOccurrenceAsync(Tenant, "monitoring", "k/monitoring/2026-W02", CancellationToken.None);
        Assert.Equal(OccurrenceState.Completed, stored?.State);
        Assert.Equal(applied.Occurrence?.ResolvedBy, stored?.ResolvedBy);
        Assert.Equal(applied.Occurrence?.Note, stored?.Note);
        var audit = await store.ReadAuditAsync(Tenant, "monitoring", Monday, Monday.AddDays(1), CancellationToken.None);
        var completion = Assert.Single(audit, a => a.Action == AuditActions.Completed);
        Assert.Equal(stored?.ResolvedBy, completion.By);
    }

    [Fact]
    public async Task SkipAsync_AfterCompletion_AlreadyResolvedAndUnchanged()
    {
        var store = CreateStore();
        var key = "k/monitoring/2026-W02";
        await store.ClaimOccurrenceAsync(Claim(key, "monitoring", "k", Monday), CancellationToken.None);
        var jane = new Actor("oid-jane", "Jane");
        await store.CompleteAsync(Tenant, "monitoring", key, jane, "done", "ticket 42", CancellationToken.None);

        var skip = await store.SkipAsync(Tenant, "monitoring", key, new Actor("oid-bob", "Bob"), "not needed", CancellationToken.None);
        var snooze = await store.SnoozeAsync(Tenant, "monitoring", key, jane, Monday.AddDays(1), CancellationToken.None);

        Assert.Equal(OccurrenceUpdateOutcome.AlreadyResolved, skip.Outcome);
        Assert.Equal(OccurrenceUpdateOutcome.AlreadyResolved, snooze.Outcome);
        Assert.Equal((OccurrenceState.Completed, jane, "ticket 42", (string?)null), (skip.Occurrence?.State, skip.Occurrence?.ResolvedBy, skip.Occurrence?.Evidence, skip.Occurrence?.Reason));
    }

    [Fact]
    public async Task StateChanges_PostedSnoozedEscalatedSkipped_EachRecordedAndAuditedInOrder()
    {
        var store = CreateStore();
        var key = "k/monitoring/2026-W02";
        var bob = new Actor("oid-bob", "Bob");
        await store.ClaimOccurrenceAsync(Claim(key, "monitoring", "k", Monday.AddDays(2)), CancellationToken.None);

        Time.Advance(TimeSpan.FromMinutes(1));
        var posted = await store.RecordPostedAsync(Tenant, "monitoring", key, "19:abc@thread.tacv2", "1767600000000", CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var snoozed = await store.SnoozeAsync(Tenant, "monitoring", key, bob, Monday.AddDays(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var escalated = await store.EscalateAsync(Tenant, "monitoring", key, Actor.Bot, "overdue", CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var skipped = await store.SkipAsync(Tenant, "monitoring", key, bob, "change freeze", CancellationToken.None);

        Assert.True(posted.Occurrence?.IsPosted);
        Assert.Equal((OccurrenceState.Snoozed, Monday.AddDays(1)), (snoozed.Occurrence?.State, snoozed.Occurrence?.SnoozedUntil));
        Assert.Equal(OccurrenceState.Escalated, escalated.Occurrence?.State);
        var stored = await store.GetOccurrenceAsync(Tenant, "monitoring", key, CancellationToken.None);
        Assert.Equal((OccurrenceState.Skipped, "change freeze", bob, "1767600000000"), (stored?.State, stored?.Reason, stored?.ResolvedBy, stored?.ActivityId));
        var audit = await store.ReadAuditAsync(Tenant, "monitoring", Monday, Monday.AddDays(1), CancellationToken.None);
        Assert.Equal(
            [AuditActions.Claimed, AuditActions.Posted, AuditActions.Snoozed, AuditActions.Escalated, AuditActions.Skipped],
            audit.Select(a => a.Action));
    }

    [Fact]
    public async Task CompleteAsync_UnknownOccurrence_NotFound()
    {
        var store = CreateStore();

        var result = await store.CompleteAsync(Tenant, "monitoring", "nothing/monitoring/2026-W02", new Actor("oid", "A"), null, null, CancellationToken.None);

        Assert.Equal(OccurrenceUpdateOutcome.NotFound, result.Outcome);
        Assert.Null(result.Occurrence);
    }

    [Fact]
    public async Task ListTeamOccurrences_DueWindow_OnlyThatTeamAndTenantInDueOrder()
    {
        var store = CreateStore();
        await store.ClaimOccurrenceAsync(Claim("b/soc/w2", "soc", "b", Monday.AddDays(3)), CancellationToken.None);
        await store.ClaimOccurrenceAsync(Claim("a/soc/w2", "soc", "a", Monday.AddDays(1)), CancellationToken.None);
        await store.ClaimOccurrenceAsync(Claim("c/soc/w3", "soc", "c", Monday.AddDays(8)), CancellationToken.None);
        await store.ClaimOccurrenceAsync(Claim("a/other/w2", "other", "a", Monday.AddDays(1)), CancellationToken.None);
        await store.ClaimOccurrenceAsync(Claim("a/soc/w2", "soc", "a", Monday.AddDays(1)) with { TenantId = "another-tenant" }, CancellationToken.None);

        var week = await store.ListTeamOccurrencesAsync(Tenant, "soc", Monday, Monday.AddDays(7), CancellationToken.None);

        Assert.Equal(["a/soc/w2", "b/soc/w2"], week.Select(o => o.OccurrenceKey));
        Assert.All(week, o => Assert.Equal(Tenant, o.TenantId));
    }

    [Fact]
    public async Task ListTaskHistory_OneTaskOverWeeks_OnlyThatTask()
    {
        var store = CreateStore();
        for (var week = 0; week < 6; week++)
        {
            await store.ClaimOccurrenceAsync(Claim($"patch/soc/w{week}", "soc", "patch", Monday.AddDays(7 * week)), CancellationToken.None);
            await store.ClaimOccurrenceAsync(Claim($"review/soc/w{week}", "soc", "review", Monday.AddDays(7 * week)), CancellationToken.None);
        }

        var history = await store.ListTaskHistoryAsync(Tenant, "soc", "patch", Monday.AddDays(7), Monday.AddDays(35), CancellationToken.None);

        Assert.Equal(["patch/soc/w1", "patch/soc/w2", "patch/soc/w3", "patch/soc/w4"], history.Select(o => o.OccurrenceKey));
    }

    [Fact]
    public async Task GetWeeklyCompletionRates_MixedOutcomes_CountedPerIsoWeek()
    {
        var store = CreateStore();
        var analyst = new Actor("oid", "Analyst");
        for (var task = 0; task < 4; task++)
        {
            await store.ClaimOccurrenceAsync(Claim($"t{task}/soc/w2", "soc", $"t{task}", Monday.AddDays(task)), CancellationToken.None);
            await store.ClaimOccurrenceAsync(Claim($"t{task}/soc/w3", "soc", $"t{task}", Monday.AddDays(7 + task)), CancellationToken.None);
        }

        await store.CompleteAsync(Tenant, "soc", "t0/soc/w2", analyst, null, null, CancellationToken.None);
        await store.CompleteAsync(Tenant, "soc", "t1/soc/w2", analyst, null, null, CancellationToken.None);
        await store.SkipAsync(Tenant, "soc", "t2/soc/w2", analyst, "holiday", CancellationToken.None);
        await store.CompleteAsync(Tenant, "soc", "t0/soc/w3", analyst, null, null, CancellationToken.None);

        var rates = await store.GetWeeklyCompletionRatesAsync(Tenant, "soc", Monday.AddDays(-7), Monday.AddDays(21), CancellationToken.None);

        Assert.Equal(
            [new WeeklyCompletionRate("soc", 2026, 2, 4, 2, 1, 1), new WeeklyCompletionRate("soc", 2026, 3, 4, 1, 0, 3)],
            rates);
        Assert.Equal(2.0 / 3, rates[0].Rate);
        Assert.Equal(0.25, rates[1].Rate);
    }

    [Fact]
    public async Task ChannelBindings_UpsertListRemove_PerTenantAndAudited()
    {
        var store = CreateStore();
        var lead = new Actor("oid-lead", "SOC Lead");
        await store.UpsertChannelBindingAsync(new TeamChannelBinding(Tenant, "monitoring", "19:mon@thread.tacv2", "group-1", "Monitoring", lead, Monday), CancellationToken.None);
        await store.UpsertChannelBindingAsync(new TeamChannelBinding(Tenant, "threat-intel", "19:ti@thread.tacv2", null, null, lead, Monday), CancellationToken.None);
        await store.UpsertChannelBindingAsync(new TeamChannelBinding("other-tenant", "monitoring", "19:x@thread.tacv2", null, null, lead, Monday), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.UpsertChannelBindingAsync(new TeamChannelBinding(Tenant, "monitoring", "19:mon2@thread.tacv2", "group-1", "Monitoring 2", lead, Monday), CancellationToken.None);

        var bindings = await store.ListChannelBindingsAsync(Tenant, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        var removed = await store.RemoveChannelBindingAsync(Tenant, "threat-intel", lead, CancellationToken.None);
        var removedAgain = await store.RemoveChannelBindingAsync(Tenant, "threat-intel", lead, CancellationToken.None);
        var audit = await store.ReadAuditAsync(Tenant, null, Monday, Monday.AddDays(1), CancellationToken.None);

        Assert.Equal([("monitoring", "19:mon2@thread.tacv2"), ("threat-intel", "19:ti@thread.tacv2")], bindings.Select(b => (b.TeamId, b.ConversationId)));
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await store.GetChannelBindingAsync(Tenant, "threat-intel", CancellationToken.None));
        Assert.Equal([AuditActions.ChannelBound, AuditActions.ChannelBound, AuditActions.ChannelBound, AuditActions.ChannelUnbound], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task ConversationReferences_UpsertGetListRemoveByTeam_Durable()
    {
        var store = CreateStore();
        var service = new Uri("https://smba.trafficmanager.net/amer/");
        var channel = new ConversationReference(Tenant, "19:general@thread.tacv2", "channel", service, "19:general@thread.tacv2", "SOC", "19:general@thread.tacv2", null, "28:bot", Monday);
        var thread = channel with { ConversationId = "19:general@thread.tacv2;messageid=1767600000000" };
        var chat = new ConversationReference(Tenant, "a:1x#/?%'", "personal", service, null, null, null, null, "28:bot", Monday);
        foreach (var reference in new[] { channel, thread, chat })
        {
            await store.UpsertAsync(reference, CancellationToken.None);
        }

        var reopened = CreateStore();
        var listed = await reopened.ListAsync(Tenant, CancellationToken.None);
        var got = await reopened.GetAsync(Tenant, chat.ConversationId, CancellationToken.None);
        await reopened.RemoveAsync(Tenant, "19:general@thread.tacv2", CancellationToken.None);
        var afterRemove = await reopened.ListAsync(Tenant, CancellationToken.None);

        Assert.Equal(new[] { channel, thread, chat }.Select(r => r.ConversationId).Order(StringComparer.Ordinal), listed.Select(r => r.ConversationId));
        Assert.Equal(chat, got);
        Assert.Equal([chat], afterRemove);
    }

    [Fact]
    public async Task RecordHeartbeat_OlderPassLater_NeverMovesBack()
    {
        var store = CreateStore();

        await store.RecordHeartbeatAsync(new Heartbeat(Monday.AddMinutes(10), "web-1"), CancellationToken.None);
        await store.RecordHeartbeatAsync(new Heartbeat(Monday.AddMinutes(5), "cli"), CancellationToken.None);
        var afterOld = await store.GetHeartbeatAsync(CancellationToken.None);
        await store.RecordHeartbeatAsync(new Heartbeat(Monday.AddMinutes(15), "web-2"), CancellationToken.None);

        Assert.Equal(new Heartbeat(Monday.AddMinutes(10), "web-1"), afterOld);
        Assert.Equal(new Heartbeat(Monday.AddMinutes(15), "web-2"), await store.GetHeartbeatAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ids_WithForbiddenKeyCharacters_StoredAndQueried()
    {
        var store = CreateStore();
        const string tenant = "tenant/with#odd?chars'%🙂";
        const string team = "team|é 🔥'%#/";
        const string key = "x'/y%#/z🙂";
        const string task = "x'/y%#";
        const string note = "100% done #1 / O'Neil 🙂";
        await store.ClaimOccurrenceAsync(Claim(key, team, task, Monday) with { TenantId = tenant }, CancellationToken.None);

        var listed = await store.ListTeamOccurrencesAsync(tenant, team, Monday, Monday.AddDays(1), CancellationToken.None);
        var history = await store.ListTaskHistoryAsync(tenant, team, task, Monday, Monday.AddDays(1), CancellationToken.None);
        var completed = await store.CompleteAsync(tenant, team, key, new Actor("oid'%#/", "O'Neil 🙂"), note, "https://t.example/a?b=1#c", CancellationToken.None);
        var stored = await CreateStore().GetOccurrenceAsync(tenant, team, key, CancellationToken.None);
        var audit = await store.ReadAuditAsync(tenant, team, Monday, Monday.AddDays(1), CancellationToken.None);

        Assert.Equal((key, team, task), (Assert.Single(listed).OccurrenceKey, listed[0].TeamId, listed[0].TaskId));
        Assert.Equal(key, Assert.Single(history).OccurrenceKey);
        Assert.Equal(OccurrenceUpdateOutcome.Applied, completed.Outcome);
        Assert.Equal((note, "https://t.example/a?b=1#c", new Actor("oid'%#/", "O'Neil 🙂")), (stored?.Note, stored?.Evidence, stored?.ResolvedBy));
        Assert.Equal(note, Assert.Single(audit, a => a.Action == AuditActions.Completed).Detail);
    }

    [Fact]
    public async Task EnsureSchema_TableFromNewerLayout_RefusesWithBothVersions()
    {
        var (stored, current) = await WriteNewerSchemaAsync();
        var store = CreateStore();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetHeartbeatAsync(CancellationToken.None));

        Assert.Contains($"version {stored}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reads version {current}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakeOverClaim_UnpostedStaleClaim_OneOfSeveralTakersWins()
    {
        var store = CreateStore();
        var first = await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(30));

        var takers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            store.TakeOverClaimAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, Guid.NewGuid(), TimeSpan.FromMinutes(3), CancellationToken.None))));

        var winner = Assert.Single(takers, t => t.Claimed);
        var stored = await store.GetOccurrenceAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None);
        Assert.Equal(winner.Occurrence.ClaimId, stored?.ClaimId);
        Assert.Equal(Monday.AddMinutes(30), stored?.ClaimedAt);
        Assert.False((await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task TakeOverClaim_YoungerThanStaleAfterOnTheStoreClock_Refused()
    {
        var store = CreateStore();
        var first = await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(2));

        var early = await store.TakeOverClaimAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, Guid.NewGuid(), TimeSpan.FromMinutes(3), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var stale = await store.TakeOverClaimAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, Guid.NewGuid(), TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.False(early.Claimed);
        Assert.Equal(first.Occurrence.ClaimId, early.Occurrence.ClaimId);
        Assert.True(stale.Claimed);
    }

    [Fact]
    public async Task TakeOverClaim_DeferredPostYoungerThanStaleAfter_TakenOver()
    {
        var store = CreateStore();
        var first = await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);
        await store.RecordPostAttemptAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, PostAttempt.Deferred, "pacer wait past MaxWait", CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        var next = await store.TakeOverClaimAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, Guid.NewGuid(), TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.True(next.Claimed);
        Assert.Null(next.Occurrence.LastPostAttempt);
    }

    [Fact]
    public async Task RecordPostAttempt_OwnClaim_StoredAndAudited_OtherClaimUnchanged_TakeOverClearsIt()
    {
        var store = CreateStore();
        var first = await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);

        var noted = await store.RecordPostAttemptAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, PostAttempt.MayHaveBeenDelivered, "CreateConversation answered 504", CancellationToken.None);
        var stranger = await store.RecordPostAttemptAsync(Tenant, "soc", "k/soc/w2", Guid.NewGuid(), PostAttempt.NotDelivered, "not ours", CancellationToken.None);

        Assert.Equal(OccurrenceUpdateOutcome.Applied, noted.Outcome);
        Assert.Equal(OccurrenceUpdateOutcome.Unchanged, stranger.Outcome);
        Assert.Equal(PostAttempt.MayHaveBeenDelivered, (await store.GetOccurrenceAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None))?.LastPostAttempt);
        var audit = await store.ReadAuditAsync(Tenant, "soc", Monday.AddDays(-1), Monday.AddDays(1), CancellationToken.None);
        Assert.Contains(audit, a => a.Action == AuditActions.PossiblyPosted && a.Detail == "CreateConversation answered 504");

        await store.TakeOverClaimAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, Guid.NewGuid(), TimeSpan.Zero, CancellationToken.None);
        Assert.Null((await store.GetOccurrenceAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None))?.LastPostAttempt);
    }

    [Fact]
    public async Task TakeOverClaim_AlreadyPosted_Refused()
    {
        var store = CreateStore();
        var first = await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);
        await store.RecordPostedAsync(Tenant, "soc", "k/soc/w2", "19:c@thread.tacv2", "1", CancellationToken.None);

        var takeOver = await store.TakeOverClaimAsync(Tenant, "soc", "k/soc/w2", first.Occurrence.ClaimId, Guid.NewGuid(), TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.False(takeOver.Claimed);
        Assert.Equal(first.Occurrence.ClaimId, takeOver.Occurrence.ClaimId);
    }

    [Fact]
    public async Task EndSnooze_SnoozedThenAgain_ReopensOnce()
    {
        var store = CreateStore();
        await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);
        await store.SnoozeAsync(Tenant, "soc", "k/soc/w2", new Actor("oid", "A"), Monday.AddHours(2), CancellationToken.None);

        var woken = await store.EndSnoozeAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None);
        var again = await store.EndSnoozeAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None);

        Assert.Equal((OccurrenceUpdateOutcome.Applied, OccurrenceState.Open, (DateTimeOffset?)null), (woken.Outcome, woken.Occurrence?.State, woken.Occurrence?.SnoozedUntil));
        Assert.Equal(OccurrenceUpdateOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task AdvanceEscalation_ConcurrentSameStep_ExactlyOneMovesIt()
    {
        var store = CreateStore();
        await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);

        var moved = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            store.AdvanceEscalationAsync(Tenant, "soc", "k/soc/w2", 0, 1, "card marked overdue", CancellationToken.None))));
        var skippedStage = await store.AdvanceEscalationAsync(Tenant, "soc", "k/soc/w2", 0, 1, "again", CancellationToken.None);
        await store.CompleteAsync(Tenant, "soc", "k/soc/w2", new Actor("oid", "A"), null, null, CancellationToken.None);
        var afterResolved = await store.AdvanceEscalationAsync(Tenant, "soc", "k/soc/w2", 1, 2, "nudge", CancellationToken.None);

        Assert.Single(moved, m => m);
        Assert.False(skippedStage);
        Assert.False(afterResolved);
        Assert.Equal(1, (await store.GetOccurrenceAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None))?.EscalationStage);
        var audit = await store.ReadAuditAsync(Tenant, "soc", Monday, Monday.AddDays(1), CancellationToken.None);
        Assert.Single(audit, a => a.Action == AuditActions.EscalationAdvanced);
    }

    [Fact]
    public async Task HoldEscalation_Concurrent_OneHolds_UntilReleasedOrExpired_AndAdvancingEndsIt()
    {
        var store = CreateStore();
        await store.ClaimOccurrenceAsync(Claim("k/soc/w2", "soc", "k", Monday), CancellationToken.None);
        await store.AdvanceEscalationAsync(Tenant, "soc", "k/soc/w2", 0, 1, "card marked overdue", CancellationToken.None);

        var held = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            store.HoldEscalationAsync(Tenant, "soc", "k/soc/w2", 1, TimeSpan.FromMinutes(10), CancellationToken.None))));
        var wrongStage = await store.HoldEscalationAsync(Tenant, "soc", "k/soc/w2", 0, TimeSpan.FromMinutes(10), CancellationToken.None);
        await store.ReleaseEscalationAsync(Tenant, "soc", "k/soc/w2", 1, CancellationToken.None);
        var afterRelease = await store.HoldEscalationAsync(Tenant, "soc", "k/soc/w2", 1, TimeSpan.FromMinutes(10), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(9));
        var stillHeld = await store.HoldEscalationAsync(Tenant, "soc", "k/soc/w2", 1, TimeSpan.FromMinutes(10), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await store.HoldEscalationAsync(Tenant, "soc", "k/soc/w2", 1, TimeSpan.FromMinutes(10), CancellationToken.None);
        var advanced = await store.AdvanceEscalationAsync(Tenant, "soc", "k/soc/w2", 1, 2, "nudged", CancellationToken.None);

        Assert.Single(held, h => h);
        Assert.Equal((false, true, false, true, true), (wrongStage, afterRelease, stillHeld, afterExpiry, advanced));
        var stored = await store.GetOccurrenceAsync(Tenant, "soc", "k/soc/w2", CancellationToken.None);
        Assert.Equal((2, (DateTimeOffset?)null), (stored!.EscalationStage, stored.EscalationHeldUntil));
        var audit = await store.ReadAuditAsync(Tenant, "soc", Monday, Monday.AddDays(1), CancellationToken.None);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.EscalationAdvanced));
        Assert.Equal(3, audit.Count);
    }

    [Fact]
    public async Task ListTenants_ReferencesAndBindings_EachTenantOnce()
    {
        var store = CreateStore();
        var service = new Uri("https://smba.trafficmanager.net/teams/");
        await store.UpsertAsync(new ConversationReference("tenant-a", "a:1", "personal", service, null, null, null, null, "28:bot", Monday), CancellationToken.None);
        await store.UpsertAsync(new ConversationReference("tenant-a", "a:2", "personal", service, null, null, null, null, "28:bot", Monday), CancellationToken.None);
        await store.UpsertChannelBindingAsync(new TeamChannelBinding("tenant-b", "soc", "19:x@thread.tacv2", null, null, new Actor("oid", "A"), Monday), CancellationToken.None);

        var tenants = await CreateStore().ListTenantsAsync(CancellationToken.None);

        Assert.Equal(["tenant-a", "tenant-b"], tenants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetExport_SavedLargerThanOneProperty_SameBytesUntilItExpires()
    {
        var store = CreateStore();
        var content = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        var export = new StoredExport(Tenant, "x'%#/🙂", "audit 2026-01-05.csv", content, new Actor("oid", "Ada"), Monday, Monday.AddHours(1));

        await store.SaveExportAsync(export, CancellationToken.None);
        var read = await CreateStore().GetExportAsync(Tenant, export.ExportId, CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));
        var expired = await store.GetExportAsync(Tenant, export.ExportId, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(content, read.Content);
        Assert.Equal((export.FileName, export.RequestedBy, export.ExpiresAt), (read.FileName, read.RequestedBy, read.ExpiresAt));
        Assert.Null(expired);
        Assert.Null(await store.GetExportAsync("another-tenant", export.ExportId, CancellationToken.None));
    }

    [Fact]
    public async Task SaveExport_OverTheLimit_RefusedWithArgumentException()
    {
        var store = CreateStore();
        var export = new StoredExport(Tenant, "big", "big.csv", new byte[2 * 1024 * 1024], new Actor("oid", "Ada"), Monday, Monday.AddHours(1));

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveExportAsync(export, CancellationToken.None));
    }

    protected static OccurrenceClaim Claim(string key, string team, string task, DateTimeOffset due) =>
        new(Tenant, key, team, task, "2026-W02", due, Guid.NewGuid());
}
