namespace Parallax.Pipeline.Rules;

/// <summary>The values a rule expression can name: logical names and raw header keywords.</summary>
public interface IRuleValues
{
    /// <summary>The value of an identifier (case-insensitive): a string, double, long, bool, or null when absent or undefined.</summary>
    object? Get(string name);

    /// <summary>The value of a raw header keyword, bypassing logical names (the <c>header('KEY')</c> function).</summary>
    object? GetKeyword(string keyword);
}
