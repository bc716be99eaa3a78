using System.Reflection;

namespace Parallax.Pipeline.Engine;

/// <summary>The pipeline's name and version, stamped in every product.</summary>
public static class PipelineInfo
{
    /// <summary>"Parallax".</summary>
    public const string Name = "Parallax";

    /// <summary>The full version, e.g. <c>0.1.0+8078363</c> (the build's informational version, with the source revision when known).</summary>
    public static string Version { get; } =
        typeof(PipelineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } v
            ? (v.IndexOf('+') is var plus and > 0 && v.Length > plus + 8 ? v[..(plus + 8)] : v)
            : typeof(PipelineInfo).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>
    /// The release number without the source revision, e.g. <c>0.1.0</c>: what the idempotency hash
    /// covers. A rebuild from another commit does not remake products; a change of results must raise
    /// the recipe's own <c>Version</c>.
    /// </summary>
    public static string Release { get; } = Version.Split('+')[0];
}
