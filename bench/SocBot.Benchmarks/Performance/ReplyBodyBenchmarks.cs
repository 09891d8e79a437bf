using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.Benchmarks.Ownership;
using SocBot.Ownership;
using SocBot.Protocol;
using SocBot.Protocol.Schema;
using SocBot.Reminders;

namespace SocBot.Benchmarks.Performance;

/// <summary>
/// The body of one ownership answer posted to the connector: the card as the activity's attachment, then the activity
/// as the request's bytes, through a string (as the connector client did) and straight to UTF-8 (as it does).
/// </summary>
[MemoryDiagnoser]
public class ReplyBodyBenchmarks
{
    private OwnershipAnswer _answer = null!;
    private OutgoingActivity _activity = null!;

    [GlobalSetup]
    public void Setup()
    {
        var answerer = new OwnershipAnswerer(new FixedCorpusSource(OwnershipCorpora.Default()), NullLogger<OwnershipAnswerer>.Instance);
        _answer = answerer.Answer("who owns threat intel feed management?");
        _activity = CardActivity();
    }

    [Benchmark]
    public OutgoingActivity CardActivity() => ReminderPoster.CardActivity(OwnershipCards.ToCard(_answer));

    [Benchmark(Baseline = true)]
    public byte[] BodyThroughString() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(_activity, ProtocolJsonContext.Default.OutgoingActivity));

    [Benchmark]
    public byte[] BodyAsUtf8() => JsonSerializer.SerializeToUtf8Bytes(_activity, ProtocolJsonContext.Default.OutgoingActivity);
}
