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
        => Drive<MultiplyOperator>(a, av, b, bv, o, ov);

    /// <summary>o = a / b, ov = (av + bv·q·q) / (b·b) with q = a/b. Division by zero gives ±∞ or NaN (IEEE).</summary>
    public static void Divide(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov)
        => Drive<DivideOperator>(a, av, b, bv, o, ov);

    /// <summary>An image-by-image operation with its variance: the same expression for vectors and for the scalar tail.</summary>
    private interface IVarianceOperator
    {
        static abstract (Vector<float> Value, Vector<float> Variance) Apply(Vector<float> x, Vector<float> xv, Vector<float> y, Vector<float> yv);

        static abstract (float Value, float Variance) Apply(float x, float xv, float y, float yv);
    }

    private readonly struct MultiplyOperator : IVarianceOperator
    {
        public static (Vector<float>, Vector<float>) Apply(Vector<float> x, Vector<float> xv, Vector<float> y, Vector<float> yv) => (x * y, xv * y * y + yv * x * x);

        public static (float, float) Apply(float x, float xv, float y, float yv) => (x * y, xv * y * y + yv * x * x);
    }

    private readonly struct DivideOperator : IVarianceOperator
    {
        public static (Vector<float>, Vector<float>) Apply(Vector<float> x, Vector<float> xv, Vector<float> y, Vector<float> yv)
        {
            var q = x / y;
            return (q, (xv + yv * q * q) / (y * y));
        }

        public static (float, float) Apply(float x, float xv, float y, float yv)
        {
            var q = x / y;
            return (q, (xv + yv * q * q) / (y * y));
        }
    }

    /// <summary>Runs an operator over whole vectors, then the scalar tail; inputs are loaded before outputs are stored, so in-place work is safe.</summary>
    private static void Drive<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov)
        where TOp : struct, IVarianceOperator
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
                var (value, variance) = TOp.Apply(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rav, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i), Vector.LoadUnsafe(ref rbv, (nuint)i));
                value.StoreUnsafe(ref ro, (nuint)i);
                variance.StoreUnsafe(ref rov, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            var (value, variance) = TOp.Apply(Unsafe(ref ra, i), Unsafe(ref rav, i), Unsafe(ref rb, i), Unsafe(ref rbv, i));
            Unsafe(ref ro, i) = value;
            Unsafe(ref rov, i) = variance;
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
