using System.Collections.Concurrent;
using System.Reflection;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// The parameters of one <see cref="RecipeParameters"/> record type, found once by reflection from
/// its <see cref="ParameterAttribute"/> properties (in declaration order), with the defaults read
/// from a fresh instance.
/// </summary>
public sealed class ParameterSchema
{
    private static readonly ConcurrentDictionary<Type, ParameterSchema> Cache = new();

    private readonly Dictionary<string, ParameterDescriptor> _byName;

    private ParameterSchema(Type type)
    {
        ParametersType = type;
        Defaults = (RecipeParameters)Activator.CreateInstance(type)!;
        var list = new List<ParameterDescriptor>();
        // A recipe's own parameters first, then those it shares through a base record (detector options ...).
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.DeclaringType == type ? 0 : 1).ThenBy(p => p.MetadataToken))
        {
            if (p.GetCustomAttribute<ParameterAttribute>() is not { } attribute) continue;
            if (p.SetMethod is null) throw new InvalidOperationException($"{type.Name}.{p.Name}: a recipe parameter needs an init accessor");
            list.Add(new ParameterDescriptor(p, attribute, p.GetValue(Defaults)));
        }
        Parameters = list;
        _byName = new Dictionary<string, ParameterDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in list)
        {
            if (!_byName.TryAdd(d.Name, d)) throw new InvalidOperationException($"{type.Name}: two parameters are named '{d.Name}'");
        }
    }

    /// <summary>The schema of a parameter record type (cached).</summary>
    /// <exception cref="InvalidOperationException">The type is not a <see cref="RecipeParameters"/> record with a parameterless constructor, or a parameter is malformed.</exception>
    public static ParameterSchema For(Type parametersType)
    {
        if (!typeof(RecipeParameters).IsAssignableFrom(parametersType)) throw new InvalidOperationException($"{parametersType.Name} does not derive from RecipeParameters");
        return Cache.GetOrAdd(parametersType, t => new ParameterSchema(t));
    }

    /// <summary>The record type.</summary>
    public Type ParametersType { get; }

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<ParameterDescriptor> Parameters { get; }

    /// <summary>An instance holding every default.</summary>
    public RecipeParameters Defaults { get; }

    /// <summary>The parameter with this name (case-insensitive), or null.</summary>
    public ParameterDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The known name closest to <paramref name="name"/> when it is a likely typo (edit distance ≤ 2), else null.</summary>
    public string? Suggest(string name)
    {
        var best = Parameters.Select(p => (p.Name, D: EditDistance(p.Name, name.ToLowerInvariant()))).OrderBy(x => x.D).FirstOrDefault();
        return best.Name is not null && best.D <= 2 ? best.Name : null;
    }

    /// <summary>A record with the given typed values (parameter name → value); parameters not given keep their defaults.</summary>
    internal RecipeParameters Create(IReadOnlyDictionary<string, object?> values)
    {
        var instance = (RecipeParameters)Activator.CreateInstance(ParametersType)!;
        foreach (var d in Parameters)
        {
            // init accessors are ordinary setters to reflection; the record stays immutable to its users.
            if (values.TryGetValue(d.Name, out var v)) d.Property.SetValue(instance, v);
        }
        return instance;
    }

    /// <summary>The typed value of a parameter in a record.</summary>
    public object? ValueOf(RecipeParameters parameters, ParameterDescriptor descriptor) => descriptor.Property.GetValue(parameters);

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
