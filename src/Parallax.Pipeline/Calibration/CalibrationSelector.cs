using System.Globalization;
using System.Text;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Calibration;

/// <summary>
/// Chooses a calibration by an association rule: candidates of the rule's category whose match keys
/// agree (numbers within tolerance), that are valid at the target's time and not bad, whose file
/// exists; tiers are tried in order (time window, minimum quality); within a tier the nearest in
/// time wins (then the better quality, then the newest). A miss explains itself.
/// </summary>
public static class CalibrationSelector
{
    /// <summary>How many refused candidates a miss lists.</summary>
    public const int CandidatesShown = 3;

    /// <summary>Applies <paramref name="rule"/> to <paramref name="target"/> over the candidates (other categories are ignored).</summary>
    public static CalibrationSelection Select(AssociationRule rule, CalibrationTarget target, IEnumerable<CalibrationCandidate> candidates)
    {
        var pool = candidates.Where(c => c.Category == rule.Calibration).ToList();
        for (var t = 0; t < rule.Tiers.Count; t++)
        {
            var tier = rule.Tiers[t];
            var chosen = pool
                .Where(c => Check(rule, tier, target, c, null))
                .OrderBy(c => Distance(target, c) ?? double.MaxValue)
                .ThenByDescending(c => c.IsPlanned ? 3 : (int)c.Quality)
                .ThenByDescending(c => c.Record?.Id ?? 0)
                .FirstOrDefault();
            if (chosen is null) continue;
            var days = Distance(target, chosen);
            var how = rule.Tiers.Count == 1 ? "" : t == 0 ? " by the rule's first tier" : $" by fallback tier {t} ({tier})";
            return new CalibrationSelection
            {
                Rule = rule,
                Target = target,
                Chosen = chosen,
                Tier = t,
                DaysApart = days,
                Explanation = $"{rule.Calibration} for {target.Label}: {chosen.Label}{(days is { } d ? $", {Days(d)} apart" : "")}{how}",
            };
        }
        return new CalibrationSelection { Rule = rule, Target = target, Explanation = ExplainMiss(rule, target, pool) };
    }

    /// <summary>Why a candidate fails a tier; empty when it qualifies.</summary>
    public static IReadOnlyList<string> Refusals(AssociationRule rule, AssociationTier tier, CalibrationTarget target, CalibrationCandidate c)
    {
        var why = new List<string>();
        Check(rule, tier, target, c, why);
        return why;
    }

    /// <summary>True when the candidate qualifies; with a list, collects every reason it does not (messages are built only then, as planning checks many candidates).</summary>
    private static bool Check(AssociationRule rule, AssociationTier tier, CalibrationTarget target, CalibrationCandidate c, List<string>? why)
    {
        if (why is null) return Fast(rule, tier, target, c);
        if (c.Quality == CalibrationQuality.Bad && !c.IsPlanned) why.Add("marked bad");
        else if (!c.IsPlanned && c.Quality < tier.MinimumQuality) why.Add($"quality {Name(c.Quality)}, needs {Name(tier.MinimumQuality)}");
        if (c.FileMissing) why.Add($"file is missing ({c.Path})");
        foreach (var key in rule.MatchKeys)
        {
            if (tier.DropKeys.Contains(key)) continue;
            var want = target.Values.GetValueOrDefault(key);
            var have = c.Keys.GetValueOrDefault(key);
            if (want is null) { why.Add($"{key} is absent or not the same for all frames of {target.Label}"); continue; }
            if (have is null) { why.Add($"{key} is not recorded for the calibration"); continue; }
            if (rule.ToleranceFor(key, tier) is { } tol
                && double.TryParse(want, NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                && double.TryParse(have, NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
            {
                if (Math.Abs(w - h) > tol) why.Add($"{key} {have} differs from {want} by more than {tol.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (!string.Equals(want.Trim(), have.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                why.Add($"{key} '{have}' differs from '{want}'");
            }
        }
        if (target.Mjd is { } mjd && (c.ValidFrom is { } from && mjd < from || c.ValidTo is { } to && mjd > to))
            why.Add($"valid {Mjd(c.ValidFrom)}..{Mjd(c.ValidTo)}, frames at MJD {mjd:0.####}");
        if (!double.IsPositiveInfinity(tier.MaxDays))
        {
            var d = Distance(target, c);
            if (d is null) why.Add("no time known to compare with the time window");
            else if (d > tier.MaxDays) why.Add($"{Days(d.Value)} apart, allowed {Days(tier.MaxDays)}");
        }
        return why.Count == 0;
    }

    private static bool Fast(AssociationRule rule, AssociationTier tier, CalibrationTarget target, CalibrationCandidate c)
    {
        if (!c.IsPlanned && (c.Quality == CalibrationQuality.Bad || c.Quality < tier.MinimumQuality)) return false;
        if (c.FileMissing) return false;
        if (!double.IsPositiveInfinity(tier.MaxDays) && !(Distance(target, c) <= tier.MaxDays)) return false;
        if (target.Mjd is { } mjd && (c.ValidFrom is { } from && mjd < from || c.ValidTo is { } to && mjd > to)) return false;
        foreach (var key in rule.MatchKeys)
        {
            if (tier.DropKeys.Contains(key)) continue;
            var want = target.Values.GetValueOrDefault(key);
            var have = c.Keys.GetValueOrDefault(key);
            if (want is null || have is null) return false;
            if (rule.ToleranceFor(key, tier) is { } tol
                && double.TryParse(want, NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                && double.TryParse(have, NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
            {
                if (Math.Abs(w - h) > tol) return false;
            }
            else if (!string.Equals(want.Trim(), have.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private static string ExplainMiss(AssociationRule rule, CalibrationTarget target, List<CalibrationCandidate> pool)
    {
        var sb = new StringBuilder();
        var values = rule.MatchKeys.Count == 0 ? "" : " (" + string.Join(", ", rule.MatchKeys.Select(k => $"{k}={target.Values.GetValueOrDefault(k) ?? "—"}")) + ")";
        sb.Append($"no {rule.Calibration} for {target.Label}{values}{(target.Mjd is { } m ? $" at MJD {m:0.####}" : "")}");
        sb.Append($"\n  rule: {rule}");
        if (pool.Count == 0)
        {
            sb.Append($"\n  no {rule.Calibration} is known at all");
            return sb.ToString();
        }
        // Judge against the most lenient tier: that is what the user must change to get a match.
        var last = rule.Tiers[^1];
        var ranked = pool
            .Select(c => (c, Why: Refusals(rule, last, target, c)))
            .OrderBy(x => x.Why.Count)
            .ThenBy(x => Distance(target, x.c) ?? double.MaxValue)
            .Take(CandidatesShown)
            .ToList();
        sb.Append($"\n  closest candidates ({ranked.Count} of {pool.Count}):");
        foreach (var (c, why) in ranked)
        {
            var d = Distance(target, c);
            sb.Append($"\n    {c.Label}{(d is { } x ? $" ({Days(x)} away)" : "")}: {(why.Count == 0 ? "qualifies only under a tier it was not reached by" : string.Join("; ", why))}");
        }
        return sb.ToString();
    }

    private static double? Distance(CalibrationTarget target, CalibrationCandidate c)
        => target.Mjd is { } a && c.Mjd is { } b ? Math.Abs(a - b) : null;

    private static string Days(double d) => d < 1.0 / 24 ? $"{d * 1440:0.#} min" : d < 1 ? $"{d * 24:0.##} h" : $"{d:0.##} d";

    private static string Mjd(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "open";

    private static string Name(CalibrationQuality q) => q.ToString().ToLowerInvariant();
}
