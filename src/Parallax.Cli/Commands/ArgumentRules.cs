using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary>Shared validation for file arguments.</summary>
internal static class ArgumentRules
{
    /// <summary>A value that looks like an option ("-x", "--xyz") and is not an existing file is an unknown option, not a file name.</summary>
    public static Argument<T> RejectUnknownOptions<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1 && !File.Exists(token.Value))
                    result.AddError($"unknown option '{token.Value}'");
            }
        });
        return argument;
    }
}
