namespace Parallax.Simulation.Detector;

/// <summary>
/// The large arrays one frame needs, reused from frame to frame by each worker: fresh 16 MB arrays cost page
/// faults and garbage collections that would otherwise dominate the time of a night.
/// </summary>
internal sealed class FrameBuffers
{
    public FrameBuffers(DetectorLayout layout)
    {
        Light = new float[layout.Columns * layout.Rows];
        Raw = new ushort[layout.RawColumns * layout.Rows];
        var width = Math.Max(layout.Columns, layout.RawColumns);
        Normals = new float[width];
        Scratch = new float[3 * ((width + 1) / 2)];
    }

    /// <summary>Trimmed image: expected light, then the collected charge, electrons.</summary>
    public float[] Light { get; }

    /// <summary>Raw frame, ADU.</summary>
    public ushort[] Raw { get; }

    /// <summary>One row of normal deviates.</summary>
    public float[] Normals { get; }

    /// <summary>Scratch for the normal generator.</summary>
    public float[] Scratch { get; }
}
