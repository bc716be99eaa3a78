using System.Globalization;
using System.Text;

namespace Parallax.Simulation.Output;

/// <summary>Small CSV writer: invariant culture, fixed formats (so outputs are byte-identical for a seed), quoting only when needed.</summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv(params string[] header) => Row(header);

    public Csv Row(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) _text.Append(',');
            _text.Append(Format(values[i]));
        }
        _text.Append('\n');
        return this;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, _text.ToString());
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("0.#########", CultureInfo.InvariantCulture) : "",
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        string s when s.IndexOfAny([',', '"', '\n']) >= 0 => "\"" + s.Replace("\"", "\"\"") + "\"",
        _ => value.ToString() ?? "",
    };
}
