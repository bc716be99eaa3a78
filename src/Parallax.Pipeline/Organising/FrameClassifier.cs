using Parallax.Fits.Headers;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Organising;

/// <summary>Applies an instrument's classification rules to a primary header: first rule that holds wins.</summary>
public static class FrameClassifier
{
    /// <summary>Classifies one frame. Never throws for bad header values: a rule that cannot be evaluated counts as false and is reported in <see cref="ClassifiedFrame.Problems"/>.</summary>
    public static ClassifiedFrame Classify(string path, Header header, InstrumentDefinition instrument)
    {
        var values = FrameValues.For(instrument, header);
        var problems = new List<string>(values.Problems);
        foreach (var rule in instrument.Classification)
        {
            bool holds;
            try { holds = rule.Condition.IsTrue(values); }
            catch (RuleEvaluationException e)
            {
                problems.Add($"rule for {rule.Category}: {e.Message}");
                continue;
            }
            if (holds) return new ClassifiedFrame { Path = path, Instrument = instrument, Values = values, Category = rule.Category, Rule = rule, Problems = problems };
        }
        return new ClassifiedFrame { Path = path, Instrument = instrument, Values = values, Reason = NoMatchReason(instrument, values, problems), Problems = problems };
    }

    private static string NoMatchReason(InstrumentDefinition instrument, FrameValues values, List<string> problems)
    {
        // Show the values the rules looked at, so the reader sees at once why none held.
        var names = instrument.Classification.SelectMany(r => r.Condition.Identifiers).Distinct(StringComparer.OrdinalIgnoreCase).Take(8);
        var shown = string.Join(", ", names.Select(n => $"{n}={(values.Get(n) is { } v ? $"'{RuleFunctions.ToText(v)}'" : "absent")}"));
        var reason = $"no {instrument.Name} classification rule matched ({shown})";
        return problems.Count > 0 ? $"{reason}; {problems[0]}" : reason;
    }
}
