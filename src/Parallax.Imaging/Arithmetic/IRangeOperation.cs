namespace Parallax.Imaging.Arithmetic;

/// <summary>Work on a contiguous range of pixels [start, start + length); a struct so the driver's generic call is inlined.</summary>
internal interface IRangeOperation
{
    /// <summary>Processes pixels start .. start + length − 1.</summary>
    void Invoke(int start, int length);
}
