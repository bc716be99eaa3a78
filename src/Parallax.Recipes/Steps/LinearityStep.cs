using System.Globalization;
using Parallax.Imaging;
using Parallax.Imaging.Detector;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>
/// Linearity correction of an overscan-subtracted frame, amplifier by amplifier, from the instrument
/// file's response m = a + c2·a² + c3·a³ … (<see cref="DetectorNonlinearity"/>). The response is inverted
/// once into the imaging core's correction polynomial (<see cref="NonlinearityCorrection"/>), which maps a
/// recorded level back to the linear one.
/// <para>
/// Order: after the overscan, before the master bias. The response is in ADU above the bias, and the
/// overscan level is that bias up to the 2-D bias structure the master bias removes later (a few ADU on
/// the simulated detector); correcting those few ADU with the rest changes them by the response's slope
/// − 1 (1.2 % at 40000 ADU for c2 = −1.5e-7), i.e. by less than 0.1 ADU. Without an overscan the signal
/// still holds the whole bias level, so the correction is not applied (and the header says so).
/// </para>
/// </summary>
public static class LinearityStep
{
    /// <summary>Degree of the inverse polynomial: the inverse of a small quadratic-plus-cubic response converges geometrically, so degree 7 leaves errors far below an ADU.</summary>
    private const int InverseDegree = 7;

    /// <summary>
    /// The correction polynomial that inverts <paramref name="response"/> over recorded levels from −2 % of
    /// the range to the range (<see cref="DetectorNonlinearity.MaxAdu"/>, else <paramref name="fallbackRange"/>):
    /// a least-squares fit to the exact inverse (Newton's method) on Chebyshev nodes. Pixels recorded above
    /// <see cref="DetectorNonlinearity.MaxAdu"/> are flagged.
    /// </summary>
    /// <param name="response">The detector's response.</param>
    /// <param name="fallbackRange">Range in ADU above bias when the response gives none (e.g. the saturation level).</param>
    /// <exception cref="ArgumentException">The response does not rise over the range, so it has no inverse there.</exception>
    public static NonlinearityCorrection Inverse(DetectorNonlinearity response, double fallbackRange = 65535)
    {
        ArgumentNullException.ThrowIfNull(response);
        var top = response.MaxAdu ?? fallbackRange;
        var bottom = -0.02 * top;
        const int nodes = 64;
        var t = new double[nodes];
        var a = new double[nodes];
        for (var i = 0; i < nodes; i++)
        {
            var u = 0.5 - 0.5 * Math.Cos(Math.PI * (i + 0.5) / nodes);
            var m = bottom + (top - bottom) * u;
            t[i] = m / top;
            a[i] = Solve(response, m);
        }
        // Fitted in m/top, where the powers stay of order 1, then rescaled to powers of m in ADU.
        var scaled = MathNet.Numerics.Fit.Polynomial(t, a, InverseDegree);
        var coefficients = new double[scaled.Length];
        for (var k = 0; k < scaled.Length; k++) coefficients[k] = scaled[k] / Math.Pow(top, k);
        return new NonlinearityCorrection { Coefficients = coefficients, FlagAboveAdu = response.MaxAdu };
    }

    /// <summary>The linear signal a with m(a) = <paramref name="recorded"/> (Newton's method from a = m).</summary>
    private static double Solve(DetectorNonlinearity response, double recorded)
    {
        var a = recorded;
        for (var i = 0; i < 50; i++)
        {
            var slope = response.Slope(a);
            if (!(slope > 0)) throw new ArgumentException(FormattableString.Invariant($"the non-linear response stops rising at {a:0} ADU, so it cannot be inverted there (lower max_adu)"));
            var step = (response.Recorded(a) - recorded) / slope;
            a -= step;
            if (Math.Abs(step) < 1e-9 * Math.Max(1, Math.Abs(a))) break;
        }
        return a;
    }

    /// <summary>
    /// Corrects each amplifier's pixels of <paramref name="step"/>'s image (ADU above the overscan) in place
    /// with the inverse of its response: data replaced by the linear level, the Poisson part of the
    /// variance (signal / gain, ADU²) moved with it, pixels recorded above the valid range flagged
    /// <see cref="MaskBits.Nonlinear"/>. NaN pixels stay NaN. Amplifiers without a response are left alone.
    /// Adds a HISTORY line per corrected amplifier to the image header.
    /// </summary>
    /// <returns>The number of pixels flagged Nonlinear.</returns>
    public static int Apply(DetectorStepResult step, DetectorLayout layout)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(layout);
        if (step.Amplifiers.Count == 0 || layout.Amplifiers.Count == 0 || layout.Amplifiers.All(a => a.Nonlinearity is null)) return 0;
        var image = step.Image;
        if (!double.IsFinite(step.OverscanLevel))
        {
            image.Header.AddHistory("Detector: linearity NOT corrected: the response is in ADU above bias and no overscan was subtracted");
            return 0;
        }
        var flagged = 0;
        for (var i = 0; i < step.Amplifiers.Count && i < layout.Amplifiers.Count; i++)
        {
            if (layout.Amplifiers[i].Nonlinearity is not { } response) continue;
            var raw = layout.Amplifiers[i].Saturation is { } s ? s - step.Amplifiers[i].OverscanLevel : 65535;
            var correction = Inverse(response, raw > 0 ? raw : 65535);
            var gain = step.Gains[i];
            var p = step.Amplifiers[i].Placement;
            flagged += Correct(image, p, correction, (float)(1 / gain));
            image.Header.AddHistory(string.Create(CultureInfo.InvariantCulture,
                $"Detector amp {step.Amplifiers[i].Name}: linearity corrected, response a + {string.Join(" + ", response.Coefficients.Select((c, k) => $"{c:G4} a^{k + 2}"))}{(response.MaxAdu is { } m ? $", valid to {m:0} ADU" : "")}"));
        }
        return flagged;
    }

    private static int Correct(MaskedImage image, ImageSection placement, NonlinearityCorrection correction, float inverseGain)
    {
        var limit = correction.FlagAboveAdu ?? double.PositiveInfinity;
        var xEnd = Math.Min(placement.XEnd, image.Width);
        var flagged = 0;
        for (var y = placement.YStart; y < placement.YEnd && y < image.Height; y++)
        {
            var data = image.DataRow(y)[placement.XStart..xEnd];
            var variance = image.VarianceRow(y)[placement.XStart..xEnd];
            var mask = image.MaskRow(y)[placement.XStart..xEnd];
            for (var x = 0; x < data.Length; x++)
            {
                var m = data[x];
                if (m > limit)
                {
                    mask[x] |= (ushort)MaskBits.Nonlinear;
                    flagged++;
                }
                var a = (float)correction.Apply(m);
                variance[x] += (MathF.Max(a, 0) - MathF.Max(m, 0)) * inverseGain;
                data[x] = a;
            }
        }
        return flagged;
    }
}
