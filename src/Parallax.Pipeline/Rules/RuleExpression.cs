using System.Globalization;
using NCalc;
using NCalc.Exceptions;
using NCalc.Factories;
using NCalc.Handlers;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Rules;

/// <summary>
/// A parsed rule expression from an instrument file (NCalc syntax): identifiers are logical names
/// or raw header keywords (<c>[DATE-OBS]</c> in brackets when they hold a hyphen), compared with
/// <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>like</c> (SQL wildcards <c>%</c> and <c>_</c>, case-sensitive),
/// <c>in (...)</c>, combined with <c>&amp;&amp;</c>/<c>and</c>, <c>||</c>/<c>or</c>, <c>!</c>/<c>not</c>, and the
/// helpers of <c>lower</c>, <c>contains</c>, <c>has</c> and others. A missing keyword is null:
/// comparisons with it are false and text helpers treat it as empty. Parsed once, evaluated many
/// times from many threads.
/// </summary>
public sealed class RuleExpression
{
    private static readonly ExpressionEvaluationOptions EvaluationOptions = new() { AllowNullParameter = true };
    private static readonly EvaluationVisitorFactory VisitorFactory = new();
    private static readonly Dictionary<string, AsyncExpressionFunction> NoAsyncFunctions = [];
    private static readonly Dictionary<string, AsyncExpressionParameter> NoAsyncParameters = [];
    private readonly LogicalExpression _tree;

    private RuleExpression(string text, LogicalExpression tree, SourceLocation location, IReadOnlyList<string> identifiers)
    {
        Text = text;
        _tree = tree;
        Location = location;
        Identifiers = identifiers;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Where the expression is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The identifiers the expression reads (logical names and keywords), without repeats.</summary>
    public IReadOnlyList<string> Identifiers { get; }

    /// <summary>Parses an expression; unknown functions and syntax errors are reported with the file, line and field.</summary>
    /// <exception cref="InstrumentDefinitionException">The expression is empty, does not parse, or calls an unknown function.</exception>
    public static RuleExpression Parse(string text, SourceLocation location, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InstrumentDefinitionException(location, field, "the expression is empty");
        var probe = new Expression(text, ExpressionOptions.NoCache);
        List<string> identifiers;
        List<string> functions;
        LogicalExpression tree;
        try
        {
            tree = probe.GetLogicalExpression() ?? throw new NCalcParserException("no expression");
            identifiers = probe.GetParameterNames();
            functions = probe.GetFunctionNames();
        }
        catch (Exception e) when (e is NCalcException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InstrumentDefinitionException(location, field, $"expression \"{text}\" does not parse ({e.Message.TrimEnd('.')}); write e.g. \"IMAGETYP == 'Bias Frame' || (EXPTIME == 0 && lower(OBJECT) like '%bias%')\"", e);
        }
        foreach (var f in functions)
        {
            if (!RuleFunctions.Descriptions.ContainsKey(f))
                throw new InstrumentDefinitionException(location, field, $"expression \"{text}\" calls unknown function '{f}'; known: {string.Join(", ", RuleFunctions.Descriptions.Keys)}");
        }
        return new RuleExpression(text, tree, location, identifiers.Where(i => i is not ("null" or "true" or "false")).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>Evaluates the expression over a frame's values.</summary>
    /// <exception cref="RuleEvaluationException">The expression cannot be evaluated on these values (the message names the expression and why).</exception>
    public object? Evaluate(IRuleValues values)
    {
        var context = new ExpressionContext(new Dictionary<string, object?>(), new Dictionary<string, ExpressionParameter>(), RuleFunctions.For(values), NoAsyncFunctions, NoAsyncParameters)
        {
            EvaluateParameterHandler = (name, args) => args.Result = values.Get(name),
        };
        try
        {
            var visitor = VisitorFactory.CreateEvaluationVisitor(context, EvaluationOptions, CultureInfo.InvariantCulture, CancellationToken.None);
            return _tree.Accept(visitor);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new RuleEvaluationException($"expression \"{Text}\" ({Location}) cannot be evaluated: {e.Message.TrimEnd('.')}", e);
        }
    }

    /// <summary>Evaluates a condition: true only when the expression yields true (null counts as false).</summary>
    /// <exception cref="RuleEvaluationException">The expression fails, or yields something other than true, false or null.</exception>
    public bool IsTrue(IRuleValues values) => Evaluate(values) switch
    {
        bool b => b,
        null => false,
        var other => throw new RuleEvaluationException($"expression \"{Text}\" ({Location}) yields {RuleFunctions.ToText(other)}, not true or false"),
    };

    /// <inheritdoc/>
    public override string ToString() => Text;
}
