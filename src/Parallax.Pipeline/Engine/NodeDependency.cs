namespace Parallax.Pipeline.Engine;

/// <summary>A task another waits on, and whether its product is required (an optional one may fail without blocking).</summary>
/// <param name="TaskId">The producing task.</param>
/// <param name="Category">The product category taken from it.</param>
/// <param name="Required">False when the waiting task can run without it.</param>
public sealed record NodeDependency(string TaskId, string Category, bool Required);
