namespace SocBot.Tests.Infra;

/// <summary>What <c>bicep build</c> made of infra/main.bicep: the ARM template (none when an error stopped it) and what it reported.</summary>
public sealed record CompiledInfra(ArmTemplate? Template, IReadOnlyList<BicepDiagnostic> Diagnostics)
{
    public ArmTemplate RequireTemplate() =>
        Template ?? throw new InvalidOperationException($"bicep build produced no template: {string.Join(Environment.NewLine, Diagnostics)}");
}
