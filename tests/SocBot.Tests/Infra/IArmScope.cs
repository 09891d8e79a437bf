using System.Text.Json.Nodes;

namespace SocBot.Tests.Infra;

/// <summary>What <c>parameters('x')</c> and <c>variables('x')</c> mean where an ARM expression is evaluated.</summary>
public interface IArmScope
{
    JsonNode? Parameter(string name);

    JsonNode? Variable(string name);
}
