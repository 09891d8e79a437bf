using System.Text.Json.Serialization;

namespace SocBot.Hosting;

[JsonSerializable(typeof(HealthReportJson))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
