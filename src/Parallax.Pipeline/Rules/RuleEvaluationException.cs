namespace Parallax.Pipeline.Rules;

/// <summary>A rule expression that could not be evaluated on one frame (e.g. comparing text with a number); the message names the rule and why.</summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException(string message, Exception? inner = null) : base(message, inner) { }
}
