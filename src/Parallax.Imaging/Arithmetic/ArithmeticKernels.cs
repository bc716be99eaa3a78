using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Parallax.Imaging.Arithmetic;

/// <summary>
/// Vector kernels for masked-image arithmetic with first-order (uncorrelated) variance propagation:
/// <list type="bullet">
/// <item>a ± b: σ² = σa² + σb²</item>
/// <item>a · b: σ² = σa²·b² + σb²·a²</item>
/// <item>a / b: σ² = σa²/b² + σb²·a²/b⁴ (computed as (σa² + σb²·q²)/b² with q = a/b)</item>
/// </list>
/// Every kernel accepts a destination that is exactly one of its inputs (in-place work) and
/// gives bit-identical results on every vector width, with or without hardware intrinsics: the
/// vector body and the scalar tail evaluate the same expression in the same order, without
/// fused multiply-add.
/// </summary>
internal static class ArithmeticKernels
{
    /// <summary>o = a + b, ov = av + bv.</summary>
    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov)
    {
        CheckLengths(a.Length, av.Length, b.Length, bv.Length, o.Length, ov.Length);
        TensorPrimitives.Add(a, b, o);
        TensorPrimitives.Add(av, bv, ov);
    }

    /// <summary>o = a − b, ov = av + bv.</summary>
    public static void Subtract(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov)
    {
        CheckLengths(a.Length, av.Length, b.Length, bv.Length, o.Length, ov.Length);
        TensorPrimitives.Subtract(a, b, o);
        TensorPrimitives.Add(av, bv, ov);
    }

    /// <summary>o = a · b, ov = av·b·b + bv·a·a.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov)
    {
        var n = CheckLengths(a.Length, av.Length, b.Length, bv.Length, o.Length, ov.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rav = ref MemoryMarshal.GetReference(av);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rbv = ref MemoryMarshal.GetReference(bv);
        ref var ro = ref MemoryMarshal.GetReference(o);
        ref var rov = ref MemoryMarshal.GetReference(ov);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = Vector.LoadUnsafe(ref ra, (nuint)i);
                var xv = Vector.LoadUnsafe(ref rav, (nuint)i);
                var y = Vector.LoadUnsafe(ref rb, (nuint)i);
                var yv = Vector.LoadUnsafe(ref rbv, (nuint)i);
                (x * y).StoreUnsafe(ref ro, (nuint)i);
                (xv * y * y + yv * x * x).StoreUnsafe(ref rov, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float x = Unsafe(ref ra, i), xv = Unsafe(ref rav, i), y = Unsafe(ref rb, i), yv = Unsafe(ref rbv, i);
            Unsafe(ref ro, i) = x * y;
            Unsafe(ref rov, i) = xv * y * y + yv * x * x;
        }
    }

    /// <summary>o = a / b, ov = (av + bv·q·q) / (b·b) with q = a/b. Division by zero gives ±∞ or NaN (IEEE).</summary>
    public static void Divide(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov)
    {
        var n = CheckLengths(a.Length, av.Length, b.Length, bv.Length, o.Length, ov.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rav = ref MemoryMarshal.GetReference(av);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rbv = ref MemoryMarshal.GetReference(bv);
        ref var ro = ref MemoryMarshal.GetReference(o);
        ref var rov = ref MemoryMarshal.GetReference(ov);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = Vector.LoadUnsafe(ref ra, (nuint)i);
                var xv = Vector.LoadUnsafe(ref rav, (nuint)i);
                var y = Vector.LoadUnsafe(ref rb, (nuint)i);
                var yv = Vector.LoadUnsafe(ref rbv, (nuint)i);
                var q = x / y;
                q.StoreUnsafe(ref ro, (nuint)i);
                ((xv + yv * q * q) / (y * y)).StoreUnsafe(ref rov, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float x = Unsafe(ref ra, i), xv = Unsafe(ref rav, i), y = Unsafe(ref rb, i), yv = Unsafe(ref rbv, i);
            var q = x / y;
            Unsafe(ref ro, i) = q;
            Unsafe(ref rov, i) = (xv + yv * q * q) / (y * y);
        }
    }

    /// <summary>o = a + c, ov = av + cv.</summary>
    public static void AddScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> av, float c, float cv, Span<float> o, Span<float> ov)
    {
        CheckLengths(a.Length, av.Length, a.Length, a.Length, o.Length, ov.Length);
        TensorPrimitives.Add(a, c, o);
        TensorPrimitives.Add(av, cv, ov);
    }

    /// <summary>o = a − c, ov = av + cv.</summary>
    public static void SubtractScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> av, float c, float cv, Span<float> o, Span<float> ov)
    {
        CheckLengths(a.Length, av.Length, a.Length, a.Length, o.Length, ov.Length);
        TensorPrimitives.Subtract(a, c, o);
        TensorPrimitives.Add(av, cv, ov);
    }

    /// <summary>o = a · c, ov = av·c·c + cv·a·a.</summary>
    public static void MultiplyScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> av, float c, float cv, Span<float> o, Span<float> ov)
    {
        var n = CheckLengths(a.Length, av.Length, a.Length, a.Length, o.Length, ov.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rav = ref MemoryMarshal.GetReference(av);
        ref var ro = ref MemoryMarshal.GetReference(o);
        ref var rov = ref MemoryMarshal.GetReference(ov);
        var cc = c * c;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vc = new Vector<float>(c);
            var vcc = new Vector<float>(cc);
            var vcv = new Vector<float>(cv);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = Vector.LoadUnsafe(ref ra, (nuint)i);
                var xv = Vector.LoadUnsafe(ref rav, (nuint)i);
                (x * vc).StoreUnsafe(ref ro, (nuint)i);
                (xv * vcc + vcv * x * x).StoreUnsafe(ref rov, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float x = Unsafe(ref ra, i), xv = Unsafe(ref rav, i);
            Unsafe(ref ro, i) = x * c;
            Unsafe(ref rov, i) = xv * cc + cv * x * x;
        }
    }

    /// <summary>o = a / c, ov = (av + cv·q·q) / (c·c) with q = a/c.</summary>
    public static void DivideScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> av, float c, float cv, Span<float> o, Span<float> ov)
    {
        var n = CheckLengths(a.Length, av.Length, a.Length, a.Length, o.Length, ov.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rav = ref MemoryMarshal.GetReference(av);
        ref var ro = ref MemoryMarshal.GetReference(o);
        ref var rov = ref MemoryMarshal.GetReference(ov);
        var cc = c * c;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vc = new Vector<float>(c);
            var vcc = new Vector<float>(cc);
            var vcv = new Vector<float>(cv);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = Vector.LoadUnsafe(ref ra, (nuint)i);
                var xv = Vector.LoadUnsafe(ref rav, (nuint)i);
                var q = x / vc;
                q.StoreUnsafe(ref ro, (nuint)i);
                ((xv + vcv * q * q) / vcc).StoreUnsafe(ref rov, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float x = Unsafe(ref ra, i), xv = Unsafe(ref rav, i);
            var q = x / c;
            Unsafe(ref ro, i) = q;
            Unsafe(ref rov, i) = (xv + cv * q * q) / cc;
        }
    }

    /// <summary>o = a | b (mask bits).</summary>
    public static void Or(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, Span<ushort> o)
    {
        if (a.Length != b.Length || a.Length != o.Length) throw new ArgumentException($"mask lengths differ: {a.Length}, {b.Length}, {o.Length}");
        TensorPrimitives.BitwiseOr(a, b, o);
    }

    /// <summary>Sets <paramref name="bits"/> in <paramref name="mask"/> wherever <paramref name="values"/> is NaN or infinite.</summary>
    public static void FlagNonFinite(ReadOnlySpan<float> values, Span<ushort> mask, MaskBits bits)
    {
        if (values.Length != mask.Length) throw new ArgumentException($"{values.Length} values but {mask.Length} mask entries");
        for (var i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) mask[i] |= (ushort)bits;
    }

    private static ref float Unsafe(ref float start, int i) => ref System.Runtime.CompilerServices.Unsafe.Add(ref start, i);

    private static int CheckLengths(int a, int av, int b, int bv, int o, int ov)
    {
        if (a != av || a != b || a != bv || a != o || a != ov)
            throw new ArgumentException($"span lengths differ: data {a}, variance {av}, other {b}/{bv}, destination {o}/{ov}");
        return a;
    }
}
