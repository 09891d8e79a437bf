namespace SocBot.Tests.Infra;

/// <summary>One error, warning or linter finding the bicep compiler reported, with where it points.</summary>
public sealed record BicepDiagnostic(string RuleId, string Message, string File, int Line)
{
    public override string ToString() => $"{File}({Line}): {RuleId}: {Message}";
}
