namespace Parallax.Simulation.Models;

/// <summary>An instrument model or night plan is malformed or inconsistent; the message names the field and the file.</summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public InvalidModelException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and the parser's error.</summary>
    public InvalidModelException(string message, Exception inner) : base(message, inner) { }
}
