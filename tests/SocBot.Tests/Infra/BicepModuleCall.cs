namespace SocBot.Tests.Infra;

/// <summary>A <c>module</c> declaration: the module file and the params it passes.</summary>
public sealed record BicepModuleCall(string Symbol, string Path, IReadOnlyList<string> Params);
