namespace Parallax.Fits.Tables;

/// <summary>
/// A variable-length array descriptor from a P or Q column: how many elements the row's array
/// has, and where its first byte lies, counted from the start of the heap.
/// </summary>
/// <param name="Count">Number of elements (bits for X, characters for A).</param>
/// <param name="Offset">Byte offset of the array from the start of the heap.</param>
public readonly record struct ArrayDescriptor(long Count, long Offset);
