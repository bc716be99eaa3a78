using Parallax.Simulation.Plans;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Parallax.Simulation.Models;

/// <summary>Strict YAML reading for models and plans: snake_case keys, unknown keys are errors.</summary>
internal static class SimulationYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(LowerCaseNamingConvention.Instance)
        // Models are immutable records with read-only collections; YamlDotNet fills them through these concrete types.
        .WithTypeMapping<IReadOnlyList<AmplifierModel>, List<AmplifierModel>>()
        .WithTypeMapping<IReadOnlyList<BadColumnModel>, List<BadColumnModel>>()
        .WithTypeMapping<IReadOnlyList<FilterModel>, List<FilterModel>>()
        .WithTypeMapping<IReadOnlyList<LampModel>, List<LampModel>>()
        .WithTypeMapping<IReadOnlyList<StandardStarModel>, List<StandardStarModel>>()
        .WithTypeMapping<IReadOnlyList<CalibrationBlock>, List<CalibrationBlock>>()
        .WithTypeMapping<IReadOnlyList<ScienceBlock>, List<ScienceBlock>>()
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyDictionary<string, NightPlan>, Dictionary<string, NightPlan>>()
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(LowerCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>Reads a document; a syntax error or an unknown key becomes an <see cref="InvalidModelException"/> naming the source and line.</summary>
    public static T Read<T>(string yaml, string source)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml) ?? throw new InvalidModelException($"{source}: the file is empty");
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is { } i && i is not YamlException ? $": {i.Message}" : "";
            throw new InvalidModelException($"{source}:{e.Start.Line}: {e.Message}{inner}", e);
        }
    }

    /// <summary>Writes an object as YAML (the effective plan in the truth folder).</summary>
    public static string Write<T>(T value) => Serializer.Serialize(value);
}
