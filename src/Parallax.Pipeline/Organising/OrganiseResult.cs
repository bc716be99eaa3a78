namespace Parallax.Pipeline.Organising;

/// <summary>What organising a folder found: every frame with its category, the groups, the planned cascade, and what could not be used.</summary>
public sealed class OrganiseResult
{
    /// <summary>Frames read, in path order (classified and unclassified).</summary>
    public required IReadOnlyList<ClassifiedFrame> Frames { get; init; }

    /// <summary>Files that are not readable FITS, in path order.</summary>
    public required IReadOnlyList<UnreadableFile> Unreadable { get; init; }

    /// <summary>The groups of classified frames.</summary>
    public required IReadOnlyList<FrameGroup> Groups { get; init; }

    /// <summary>The planned cascade.</summary>
    public required CascadePlan Plan { get; init; }

    /// <summary>Time spent reading headers, classifying, grouping and planning.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Frames that have no category (with their reasons).</summary>
    public IEnumerable<ClassifiedFrame> Unclassified => Frames.Where(f => !f.IsClassified);

    private Dictionary<ClassifiedFrame, FrameGroup>? _groupOf;

    /// <summary>The group a frame belongs to, or null.</summary>
    public FrameGroup? GroupOf(ClassifiedFrame frame)
    {
        _groupOf ??= Groups.SelectMany(g => g.Frames.Select(f => (f, g))).ToDictionary(x => x.f, x => x.g);
        return _groupOf.GetValueOrDefault(frame);
    }
}
