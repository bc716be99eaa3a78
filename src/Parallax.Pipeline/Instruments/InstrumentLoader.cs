using System.Text.RegularExpressions;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// Reads instrument definition files (YAML) with strict validation: unknown fields, wrong types,
/// unparsable expressions, keys that name no logical value, categories that no rule assigns and
/// calibration cycles are all errors naming the file, line, column and field.
/// </summary>
public static partial class InstrumentLoader
{
    private static readonly string[] TopLevel = ["name", "description", "kind", "identity", "keywords", "detector", "classification", "grouping", "cascade", "associations", "recipes", "qc", "spectroscopy", "photometry"];

    /// <summary>Reads and validates one instrument file.</summary>
    /// <exception cref="InstrumentDefinitionException">The file breaks the schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InstrumentDefinition Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads and validates instrument YAML held in memory; <paramref name="fileName"/> is used in messages.</summary>
    /// <exception cref="InstrumentDefinitionException">The text breaks the schema.</exception>
    public static InstrumentDefinition Parse(string yaml, string fileName)
    {
        var r = new YamlNodeReader(fileName);
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e)
        {
            throw new InstrumentDefinitionException(new SourceLocation(fileName, (int)e.Start.Line, (int)e.Start.Column), "", $"not valid YAML: {(e.InnerException ?? e).Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some unterminated flow collections this way, without a position.
            throw new InstrumentDefinitionException(new SourceLocation(fileName, 1, 1), "", $"not valid YAML (an unclosed bracket or brace?): {e.Message}", e);
        }
        if (stream.Documents.Count != 1) throw new InstrumentDefinitionException(new SourceLocation(fileName, 1, 1), "", $"must hold exactly one YAML document, found {stream.Documents.Count}");
        var root = r.Mapping(stream.Documents[0].RootNode, "");
        r.OnlyKeys(root, "", TopLevel);

        var nameNode = r.Required(root, "name", "");
        var name = r.String(nameNode, "name");
        if (!InstrumentName().IsMatch(name)) throw r.Error(nameNode, "name", $"'{name}' must be lower case letters, digits, '_', '-' or '.' (it is used on the command line)");
        var kind = ReadKind(r, root);
        var identity = ReadIdentity(r, r.Required(root, "identity", ""));
        var keywords = r.Optional(root, "keywords") is { } kw ? ReadKeywords(r, kw) : [];
        var logical = keywords.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var detector = r.Optional(root, "detector") is { } det ? ReadDetector(r, det) : DetectorGeometry.Empty;
        var classification = ReadClassification(r, r.Required(root, "classification", ""));
        var categories = classification.Select(c => c.Category).ToHashSet(StringComparer.Ordinal);
        var grouping = r.Optional(root, "grouping") is { } g ? ReadGrouping(r, g, logical, categories) : new GroupingRule();
        var cascade = r.Optional(root, "cascade") is { } c ? ReadCascade(r, c, categories, logical) : [];
        var associations = r.Optional(root, "associations") is { } a ? ReadAssociations(r, a, logical, categories, cascade) : [];
        CheckNoCycles(r, cascade, associations);
        var recipes = r.Optional(root, "recipes") is { } rec ? ReadRecipes(r, rec) : new Dictionary<string, IReadOnlyDictionary<string, object?>>();
        var qc = r.Optional(root, "qc") is { } q ? ReadQc(r, q) : [];
        var spectroscopy = r.Optional(root, "spectroscopy") is { } sp ? ReadSpectroscopy(r, sp) : null;
        var photometry = r.Optional(root, "photometry") is { } ph ? ReadPhotometry(r, ph) : null;

        return new InstrumentDefinition
        {
            Name = name,
            Description = r.OptionalString(root, "description", "") ?? "",
            Kind = kind,
            SourceFile = fileName,
            Identity = identity,
            Keywords = keywords,
            Detector = detector,
            Classification = classification,
            Grouping = grouping,
            Cascade = cascade,
            Associations = associations,
            RecipeDefaults = recipes,
            QcRanges = qc,
            Spectroscopy = spectroscopy,
            Photometry = photometry,
        };
    }

    private static InstrumentKind ReadKind(YamlNodeReader r, YamlMappingNode root)
    {
        if (r.Optional(root, "kind") is not { } node) return InstrumentKind.Imaging;
        return r.String(node, "kind") switch
        {
            "imaging" => InstrumentKind.Imaging,
            "longslit" => InstrumentKind.LongSlit,
            "echelle" => InstrumentKind.Echelle,
            var other => throw r.Error(node, "kind", $"'{other}' is not one of imaging, longslit, echelle"),
        };
    }

    private static InstrumentIdentity ReadIdentity(YamlNodeReader r, YamlNode node)
    {
        var map = r.Mapping(node, "identity");
        r.OnlyKeys(map, "identity", "match", "priority");
        var matchNode = r.Required(map, "match", "identity");
        var texts = r.StringList(matchNode, "identity.match");
        if (texts.Count == 0) throw r.Error(matchNode, "identity.match", "needs at least one condition, e.g. \"INSTRUME == 'SBIG ST-8'\"");
        var items = matchNode is YamlSequenceNode seq ? seq.Children : [matchNode];
        var conditions = texts.Select((t, i) => RuleExpression.Parse(t, r.At(items[i]), $"identity.match[{i}]")).ToList();
        var priority = r.Optional(map, "priority") is { } p ? r.Integer(p, "identity.priority") : 0;
        return new InstrumentIdentity { Conditions = conditions, Priority = priority };
    }

    private static List<KeywordMapping> ReadKeywords(YamlNodeReader r, YamlNode node)
    {
        var map = r.Mapping(node, "keywords");
        var list = new List<KeywordMapping>();
        var defined = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, keyNode, value) in YamlNodeReader.Entries(map))
        {
            var field = $"keywords.{name}";
            if (!LogicalName().IsMatch(name)) throw r.Error(keyNode, field, $"logical name '{name}' must be lower case letters, digits and '_', starting with a letter");
            var mapping = ReadKeyword(r, name, value, field);
            if (mapping.Expression is { } e)
            {
                var later = e.Identifiers.FirstOrDefault(id => !defined.Contains(id) && map.Children.Keys.OfType<YamlScalarNode>().Any(k => string.Equals(k.Value, id, StringComparison.OrdinalIgnoreCase)) && !string.Equals(id, name, StringComparison.OrdinalIgnoreCase));
                if (later is not null) throw r.Error(value, field + ".expr", $"uses logical name '{later}', which is defined after '{name}'; move '{later}' above it");
            }
            defined.Add(name);
            list.Add(mapping);
        }
        return list;
    }

    private static KeywordMapping ReadKeyword(YamlNodeReader r, string name, YamlNode node, string field)
    {
        if (node is YamlScalarNode or YamlSequenceNode)
            return new KeywordMapping { Name = name, Keys = CheckKeys(r, node, r.StringList(node, field), field), Location = r.At(node) };
        var map = r.Mapping(node, field);
        r.OnlyKeys(map, field, "keys", "type", "transform", "map", "default", "expr", "time");
        var keysNode = r.Optional(map, "keys");
        var exprNode = r.Optional(map, "expr");
        if (keysNode is null == exprNode is null) throw r.Error(node, field, "needs exactly one of 'keys' (header keywords to read) or 'expr' (a value derived from others)");
        var type = KeywordValueType.String;
        if (r.Optional(map, "type") is { } t)
        {
            type = r.String(t, field + ".type") switch
            {
                "string" => KeywordValueType.String,
                "number" => KeywordValueType.Number,
                "bool" => KeywordValueType.Bool,
                "mjd" => KeywordValueType.Mjd,
                var other => throw r.Error(t, field + ".type", $"'{other}' is not one of string, number, bool, mjd"),
            };
        }
        var transforms = new List<StringTransform>();
        if (r.Optional(map, "transform") is { } tr)
        {
            foreach (var (text, i) in r.StringList(tr, field + ".transform").Select((x, i) => (x, i)))
            {
                transforms.Add(text switch
                {
                    "trim" => StringTransform.Trim,
                    "lower" => StringTransform.Lower,
                    "upper" => StringTransform.Upper,
                    _ => throw r.Error(tr, $"{field}.transform[{i}]", $"'{text}' is not one of trim, lower, upper"),
                });
            }
        }
        var pairs = new List<KeyValuePair<string, string>>();
        if (r.Optional(map, "map") is { } mp)
        {
            foreach (var (from, _, to) in YamlNodeReader.Entries(r.Mapping(mp, field + ".map")))
                pairs.Add(KeyValuePair.Create(from, r.String(to, $"{field}.map.{from}")));
        }
        var timeNode = r.Optional(map, "time");
        var time = timeNode is null ? [] : r.StringList(timeNode, field + ".time");
        if (timeNode is not null && type != KeywordValueType.Mjd) throw r.Error(timeNode, field + ".time", "only applies to values of type mjd");
        return new KeywordMapping
        {
            Name = name,
            Keys = keysNode is null ? [] : CheckKeys(r, keysNode, r.StringList(keysNode, field + ".keys"), field + ".keys"),
            Expression = exprNode is null ? null : RuleExpression.Parse(r.String(exprNode, field + ".expr"), r.At(exprNode), field + ".expr"),
            Type = type,
            Transforms = transforms,
            Map = pairs,
            Default = r.Optional(map, "default") is { } d ? r.Scalar(d, field + ".default") : null,
            TimeKeys = time,
            Location = r.At(node),
        };
    }

    private static IReadOnlyList<string> CheckKeys(YamlNodeReader r, YamlNode node, IReadOnlyList<string> keys, string field)
    {
        if (keys.Count == 0) throw r.Error(node, field, "needs at least one header keyword");
        foreach (var k in keys)
        {
            if (k.Length == 0 || k.Any(ch => ch < ' ' || ch > '~') || (k.Length > 8 && !k.Contains(' ')))
                throw r.Error(node, field, $"'{k}' is not a FITS keyword (up to 8 characters, or HIERARCH words such as 'ESO DPR CATG')");
        }
        return keys.Select(k => k.ToUpperInvariant()).ToList();
    }

    private static DetectorGeometry ReadDetector(YamlNodeReader r, YamlNode node)
    {
        var map = r.Mapping(node, "detector");
        r.OnlyKeys(map, "detector", "amplifiers", "nonlinearity");
        var seq = r.Sequence(r.Required(map, "amplifiers", "detector"), "detector.amplifiers");
        var amps = new List<DetectorAmplifier>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var field = $"detector.amplifiers[{i}]";
            var a = r.Mapping(seq.Children[i], field);
            r.OnlyKeys(a, field, "name", "hdu", "datasec", "biassec", "gain", "read_noise", "saturation", "nonlinearity");
            var ampName = r.String(r.Required(a, "name", field), field + ".name");
            if (amps.Any(x => x.Name == ampName)) throw r.Error(a, field + ".name", $"amplifier '{ampName}' is declared twice");
            var hdu = r.Optional(a, "hdu") is { } h ? r.Integer(h, field + ".hdu") : 0;
            if (hdu < 0) throw r.Error(a, field + ".hdu", "must be 0 (primary) or an extension number");
            amps.Add(new DetectorAmplifier
            {
                Name = ampName,
                Hdu = hdu,
                DataSection = DetectorField(r, a, "datasec", field, section: true),
                BiasSection = DetectorField(r, a, "biassec", field, section: true),
                Gain = DetectorField(r, a, "gain", field, section: false),
                ReadNoise = DetectorField(r, a, "read_noise", field, section: false),
                Saturation = DetectorField(r, a, "saturation", field, section: false),
                Nonlinearity = r.Optional(a, "nonlinearity") is { } n ? ReadNonlinearity(r, n, field + ".nonlinearity") : null,
            });
        }
        var shared = r.Optional(map, "nonlinearity") is { } nl ? ReadNonlinearity(r, nl, "detector.nonlinearity") : null;
        return new DetectorGeometry { Amplifiers = amps, Nonlinearity = shared };
    }

    // [c2, c3, ...] or {coefficients: [c2, c3, ...], max_adu: 60000}; the response must rise over its valid range, or it cannot be inverted.
    private static DetectorNonlinearity ReadNonlinearity(YamlNodeReader r, YamlNode node, string field)
    {
        YamlNode coefficientsNode = node;
        double? max = null;
        if (node is YamlMappingNode m)
        {
            r.OnlyKeys(m, field, "coefficients", "max_adu");
            coefficientsNode = r.Required(m, "coefficients", field);
            if (r.Optional(m, "max_adu") is { } mx)
            {
                max = r.Number(mx, field + ".max_adu");
                if (!(max > 0)) throw r.Error(mx, field + ".max_adu", $"must be a positive level in ADU above bias, not {max}");
            }
        }
        var seq = r.Sequence(coefficientsNode, field + (node is YamlMappingNode ? ".coefficients" : ""));
        if (seq.Children.Count == 0) throw r.Error(node, field, "needs at least one coefficient: [c2, c3, ...] of recorded = a + c2 a^2 + c3 a^3 ...");
        var coefficients = seq.Children.Select((c, i) => r.Number(c, $"{field}[{i}]") is var v && double.IsFinite(v) ? v : throw r.Error(c, $"{field}[{i}]", "must be a finite number")).ToList();
        var model = new DetectorNonlinearity { Coefficients = coefficients, MaxAdu = max };
        var top = max ?? 65535;
        for (var i = 0; i <= 64; i++)
        {
            if (!(model.Slope(top * i / 64) > 0))
                throw r.Error(node, field, FormattableString.Invariant($"the response a + c2 a^2 + ... stops rising at {top * i / 64:0} ADU, so it cannot be inverted up to {top:0} ADU (set max_adu lower)"));
        }
        return model;
    }

    private static DetectorValue? DetectorField(YamlNodeReader r, YamlMappingNode amp, string key, string parent, bool section)
    {
        if (r.Optional(amp, key) is not { } node) return null;
        var field = $"{parent}.{key}";
        if (node is YamlMappingNode m)
        {
            r.OnlyKeys(m, field, "keyword", "default");
            var kw = r.String(r.Required(m, "keyword", field), field + ".keyword").ToUpperInvariant();
            var def = r.Optional(m, "default") is { } d ? CheckDetectorLiteral(r, d, r.Scalar(d, field + ".default"), field + ".default", section) : null;
            return new DetectorValue { Keyword = kw, Default = def };
        }
        return new DetectorValue { Literal = CheckDetectorLiteral(r, node, r.Scalar(node, field), field, section) };
    }

    private static object? CheckDetectorLiteral(YamlNodeReader r, YamlNode node, object? value, string field, bool section)
    {
        if (section)
        {
            if (value is not string s || !Section().IsMatch(s)) throw r.Error(node, field, $"must be a FITS section such as '[1:2048,1:350]' or {{keyword: DATASEC}}, not '{value}'");
            return s;
        }
        if (value is not double d || d < 0) throw r.Error(node, field, $"must be a non-negative number or {{keyword: GAIN, default: 1.0}}, not '{value}'");
        return d;
    }

    private static List<ClassificationRule> ReadClassification(YamlNodeReader r, YamlNode node)
    {
        var seq = r.Sequence(node, "classification");
        if (seq.Children.Count == 0) throw r.Error(node, "classification", "needs at least one rule");
        var rules = new List<ClassificationRule>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var field = $"classification[{i}]";
            var m = r.Mapping(seq.Children[i], field);
            r.OnlyKeys(m, field, "category", "when");
            var catNode = r.Required(m, "category", field);
            var category = r.String(catNode, field + ".category");
            if (!CategoryName().IsMatch(category)) throw r.Error(catNode, field + ".category", $"'{category}' must be upper case letters, digits and '_' (e.g. BIAS, SCIENCE)");
            var when = r.Required(m, "when", field);
            rules.Add(new ClassificationRule { Category = category, Condition = RuleExpression.Parse(r.String(when, field + ".when"), r.At(when), field + ".when"), Location = r.At(m) });
        }
        return rules;
    }

    private static GroupingRule ReadGrouping(YamlNodeReader r, YamlNode node, HashSet<string> logical, HashSet<string> categories)
    {
        var map = r.Mapping(node, "grouping");
        r.OnlyKeys(map, "grouping", "keys", "by_category", "max_gap_hours");
        var common = r.Optional(map, "keys") is { } k ? LogicalKeys(r, k, "grouping.keys", logical) : [];
        var byCategory = new Dictionary<string, IReadOnlyList<string>>();
        if (r.Optional(map, "by_category") is { } bc)
        {
            foreach (var (cat, keyNode, value) in YamlNodeReader.Entries(r.Mapping(bc, "grouping.by_category")))
            {
                CheckCategory(r, keyNode, cat, "grouping.by_category", categories);
                byCategory[cat] = LogicalKeys(r, value, $"grouping.by_category.{cat}", logical);
            }
        }
        var gap = double.PositiveInfinity;
        if (r.Optional(map, "max_gap_hours") is { } gn)
        {
            gap = r.Number(gn, "grouping.max_gap_hours");
            if (gap <= 0) throw r.Error(gn, "grouping.max_gap_hours", "must be a positive number of hours");
        }
        return new GroupingRule { CommonKeys = common, KeysByCategory = byCategory, MaxGapHours = gap };
    }

    private static List<CascadeStep> ReadCascade(YamlNodeReader r, YamlNode node, HashSet<string> categories, HashSet<string> logical)
    {
        var seq = r.Sequence(node, "cascade");
        var steps = new List<CascadeStep>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var field = $"cascade[{i}]";
            var m = r.Mapping(seq.Children[i], field);
            r.OnlyKeys(m, field, "category", "from", "group_by", "recipe", "product", "min_frames");
            var catNode = r.Required(m, "category", field);
            var category = r.String(catNode, field + ".category");
            CheckCategory(r, catNode, category, field + ".category", categories);
            var recipeNode = r.Required(m, "recipe", field);
            var recipe = r.String(recipeNode, field + ".recipe");
            if (!LogicalName().IsMatch(recipe)) throw r.Error(recipeNode, field + ".recipe", $"recipe name '{recipe}' must be lower case letters, digits and '_'");
            // Task ids are recipe:GROUP, so one recipe runs at most once on the groups of a category.
            if (steps.FirstOrDefault(s => s.Recipe == recipe && s.Category == category) is { } twin)
                throw r.Error(recipeNode, field + ".recipe", $"{recipe} already runs on {category} ({twin.Location}); give each step of a category its own recipe");
            var productNode = r.Required(m, "product", field);
            var product = r.String(productNode, field + ".product");
            if (!CategoryName().IsMatch(product)) throw r.Error(productNode, field + ".product", $"'{product}' must be upper case letters, digits and '_' (e.g. MASTER_BIAS)");
            if (categories.Contains(product)) throw r.Error(productNode, field + ".product", $"'{product}' is also a raw frame category; name the product differently (e.g. MASTER_{product})");
            if (steps.FirstOrDefault(s => s.Product == product) is { } maker)
                throw r.Error(productNode, field + ".product", $"{product} is already made by {maker.Recipe} ({maker.Location}); each product category has one maker");
            string? from = null;
            if (r.Optional(m, "from") is { } fromNode)
            {
                from = r.String(fromNode, field + ".from");
                var upstream = steps.FirstOrDefault(s => s.Product == from);
                if (upstream is null)
                {
                    var earlier = steps.Select(s => s.Product).ToList();
                    throw r.Error(fromNode, field + ".from", $"'{from}' is not the product of an earlier cascade step (earlier products: {(earlier.Count == 0 ? "none" : string.Join(", ", earlier))})");
                }
                if (upstream.Category != category)
                    throw r.Error(catNode, field + ".category", $"{from} is made from {upstream.Category} frames ({upstream.Location}); a step on it belongs to category {upstream.Category}, not {category}");
            }
            IReadOnlyList<string> groupBy = [];
            if (r.Optional(m, "group_by") is { } gb)
            {
                if (from is null) throw r.Error(gb, field + ".group_by", "only a step with 'from' (on an earlier step's products) can group; raw frames are grouped under 'grouping'");
                groupBy = LogicalKeys(r, gb, field + ".group_by", logical);
            }
            var min = r.Optional(m, "min_frames") is { } mf ? r.Integer(mf, field + ".min_frames") : 1;
            if (min < 1) throw r.Error(m, field + ".min_frames", "must be at least 1");
            steps.Add(new CascadeStep { Category = category, Recipe = recipe, Product = product, From = from, GroupBy = groupBy, MinFrames = min, Location = r.At(m) });
        }
        return steps;
    }

    private static List<AssociationRule> ReadAssociations(YamlNodeReader r, YamlNode node, HashSet<string> logical, HashSet<string> categories, List<CascadeStep> cascade)
    {
        var rules = new List<AssociationRule>();
        // Rules are keyed by the category of the inputs they serve: raw frames, or products a chained step consumes.
        var consumed = cascade.Select(s => s.From).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (cat, keyNode, value) in YamlNodeReader.Entries(r.Mapping(node, "associations")))
        {
            if (!categories.Contains(cat) && !consumed.Contains(cat))
                throw r.Error(keyNode, "associations", $"category '{cat}' is not assigned by any classification rule (categories: {string.Join(", ", categories)}) nor consumed by a 'from' step{(consumed.Count == 0 ? "" : $" ({string.Join(", ", consumed)})")}");
            var seq = r.Sequence(value, $"associations.{cat}");
            for (var i = 0; i < seq.Children.Count; i++)
            {
                var field = $"associations.{cat}[{i}]";
                var m = r.Mapping(seq.Children[i], field);
                r.OnlyKeys(m, field, "calibration", "match", "tolerance", "max_days", "quality", "required", "fallback");
                var calNode = r.Required(m, "calibration", field);
                var calibration = r.String(calNode, field + ".calibration");
                if (!CategoryName().IsMatch(calibration)) throw r.Error(calNode, field + ".calibration", $"'{calibration}' must be upper case letters, digits and '_' (e.g. MASTER_FLAT)");
                var match = r.Optional(m, "match") is { } mn ? LogicalKeys(r, mn, field + ".match", logical) : [];
                var tolerances = r.Optional(m, "tolerance") is { } tn ? ReadTolerances(r, tn, field + ".tolerance", match) : new Dictionary<string, double>();
                var first = ReadTier(r, m, field, match, allowDrop: false);
                var tiers = new List<AssociationTier> { first };
                if (r.Optional(m, "fallback") is { } fb)
                {
                    var fseq = r.Sequence(fb, field + ".fallback");
                    for (var j = 0; j < fseq.Children.Count; j++)
                    {
                        var ff = $"{field}.fallback[{j}]";
                        var fm = r.Mapping(fseq.Children[j], ff);
                        r.OnlyKeys(fm, ff, "max_days", "quality", "tolerance", "drop");
                        tiers.Add(ReadTier(r, fm, ff, match, allowDrop: true));
                    }
                }
                var required = r.Optional(m, "required") is not { } req || r.Bool(req, field + ".required");
                rules.Add(new AssociationRule { TargetCategory = cat, Calibration = calibration, MatchKeys = match, Tolerances = tolerances, Tiers = tiers, Required = required, Location = r.At(m) });
            }
        }
        return rules;
    }

    private static AssociationTier ReadTier(YamlNodeReader r, YamlMappingNode m, string field, IReadOnlyList<string> match, bool allowDrop)
    {
        var maxDays = double.PositiveInfinity;
        if (r.Optional(m, "max_days") is { } md)
        {
            maxDays = r.Number(md, field + ".max_days");
            if (maxDays <= 0) throw r.Error(md, field + ".max_days", "must be a positive number of days");
        }
        var quality = CalibrationQuality.Certified;
        if (r.Optional(m, "quality") is { } q)
        {
            quality = r.String(q, field + ".quality") switch
            {
                "certified" => CalibrationQuality.Certified,
                "provisional" => CalibrationQuality.Provisional,
                "bad" => throw r.Error(q, field + ".quality", "bad calibrations are never selected; use certified or provisional"),
                var other => throw r.Error(q, field + ".quality", $"'{other}' is not one of certified, provisional"),
            };
        }
        var tolerances = allowDrop && r.Optional(m, "tolerance") is { } tn ? ReadTolerances(r, tn, field + ".tolerance", match) : new Dictionary<string, double>();
        IReadOnlyList<string> drop = [];
        if (allowDrop && r.Optional(m, "drop") is { } dn)
        {
            drop = r.StringList(dn, field + ".drop");
            foreach (var d in drop)
                if (!match.Contains(d)) throw r.Error(dn, field + ".drop", $"'{d}' is not one of the rule's match keys ({string.Join(", ", match)})");
        }
        return new AssociationTier { MaxDays = maxDays, MinimumQuality = quality, Tolerances = tolerances, DropKeys = drop };
    }

    private static Dictionary<string, double> ReadTolerances(YamlNodeReader r, YamlNode node, string field, IReadOnlyList<string> match)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, keyNode, value) in YamlNodeReader.Entries(r.Mapping(node, field)))
        {
            if (!match.Contains(key)) throw r.Error(keyNode, $"{field}.{key}", $"'{key}' is not one of the rule's match keys ({string.Join(", ", match)}); add it to 'match'");
            var t = r.Number(value, $"{field}.{key}");
            if (t < 0) throw r.Error(value, $"{field}.{key}", "must not be negative");
            result[key] = t;
        }
        return result;
    }

    private static void CheckNoCycles(YamlNodeReader r, List<CascadeStep> cascade, List<AssociationRule> associations)
    {
        // A step waits on the step whose products it consumes (from) and on the makers of the
        // calibrations its input category's rules ask for. A cycle would make the cascade unplannable.
        var madeBy = cascade.ToDictionary(s => s.Product, StringComparer.Ordinal);
        IEnumerable<(CascadeStep Next, string Why, AssociationRule? Rule)> Needs(CascadeStep step)
        {
            if (step.From is { } from) yield return (madeBy[from], $"takes {from} from", null);
            foreach (var rule in associations.Where(a => a.TargetCategory == step.InputCategory))
                if (madeBy.TryGetValue(rule.Calibration, out var maker)) yield return (maker, $"needs {rule.Calibration} from", rule);
        }
        var state = new Dictionary<CascadeStep, int>();
        foreach (var start in cascade) Visit(start, []);

        void Visit(CascadeStep step, List<(CascadeStep Step, string Why, AssociationRule? Rule)> path)
        {
            if (state.GetValueOrDefault(step) == 2) return;
            state[step] = 1;
            foreach (var (next, why, rule) in Needs(step))
            {
                var walked = new List<(CascadeStep Step, string Why, AssociationRule? Rule)>(path) { (step, why, rule) };
                if (state.GetValueOrDefault(next) == 1)
                {
                    var loop = walked.SkipWhile(w => w.Step != next).ToList();
                    var text = string.Join(" ", loop.Select(w => $"{w.Step.Recipe} ({w.Step.InputCategory}) {w.Why}")) + $" {next.Recipe}";
                    var culprit = loop.Select(w => w.Rule).LastOrDefault(x => x is not null);
                    var location = culprit?.Location ?? step.Location;
                    throw new InstrumentDefinitionException(location, culprit is null ? "cascade" : $"associations.{culprit.TargetCategory}", $"dependency cycle: {text}; drop the association rule or the step that closes it");
                }
                Visit(next, walked);
            }
            state[step] = 2;
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, object?>> ReadRecipes(YamlNodeReader r, YamlNode node)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var (recipe, keyNode, value) in YamlNodeReader.Entries(r.Mapping(node, "recipes")))
        {
            if (!LogicalName().IsMatch(recipe)) throw r.Error(keyNode, $"recipes.{recipe}", $"recipe name '{recipe}' must be lower case letters, digits and '_'");
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (p, _, pv) in YamlNodeReader.Entries(r.Mapping(value, $"recipes.{recipe}")))
                parameters[p] = r.Scalar(pv, $"recipes.{recipe}.{p}");
            result[recipe] = parameters;
        }
        return result;
    }

    private static PhotometrySettings ReadPhotometry(YamlNodeReader r, YamlNode node)
    {
        const string field = "photometry";
        var m = r.Mapping(node, field);
        r.OnlyKeys(m, field, "bands", "colour");
        var bands = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (r.Optional(m, "bands") is { } b)
        {
            foreach (var (filter, _, column) in YamlNodeReader.Entries(r.Mapping(b, field + ".bands")))
                bands[filter] = r.String(column, $"{field}.bands.{filter}");
        }
        (string, string)? colour = null;
        if (r.Optional(m, "colour") is { } c)
        {
            var pair = r.StringList(c, field + ".colour");
            if (pair.Count != 2) throw r.Error(c, field + ".colour", $"needs two catalog columns (e.g. [B, V]: colour = B - V), not {pair.Count}");
            colour = (pair[0], pair[1]);
        }
        return new PhotometrySettings { Bands = bands, Colour = colour };
    }

    private static SpectroscopySettings ReadSpectroscopy(YamlNodeReader r, YamlNode node)
    {
        const string field = "spectroscopy";
        var m = r.Mapping(node, field);
        r.OnlyKeys(m, field, "dispersion_axis", "central_wavelength", "dispersion", "wavelength_tolerance", "dispersion_tolerance", "linelists", "medium");
        var axisNode = r.Required(m, "dispersion_axis", field);
        var axis = r.Integer(axisNode, field + ".dispersion_axis");
        if (axis is not (1 or 2)) throw r.Error(axisNode, field + ".dispersion_axis", $"{axis} must be 1 (along NAXIS1) or 2 (along NAXIS2)");
        var centralNode = r.Required(m, "central_wavelength", field);
        var central = r.Number(centralNode, field + ".central_wavelength");
        if (!(central > 0)) throw r.Error(centralNode, field + ".central_wavelength", $"{central} must be a positive wavelength in Angstrom");
        var dispersionNode = r.Required(m, "dispersion", field);
        var dispersion = r.Number(dispersionNode, field + ".dispersion");
        if (dispersion == 0 || !double.IsFinite(dispersion)) throw r.Error(dispersionNode, field + ".dispersion", "must be a non-zero number of Angstrom per pixel");
        var settings = new SpectroscopySettings { DispersionAxis = axis, CentralWavelength = central, Dispersion = dispersion };
        if (r.Optional(m, "wavelength_tolerance") is { } wt)
        {
            var v = r.Number(wt, field + ".wavelength_tolerance");
            if (!(v >= 0)) throw r.Error(wt, field + ".wavelength_tolerance", $"{v} must not be negative");
            settings = settings with { WavelengthTolerance = v };
        }
        if (r.Optional(m, "dispersion_tolerance") is { } dt)
        {
            var v = r.Number(dt, field + ".dispersion_tolerance");
            if (!(v is >= 0 and < 1)) throw r.Error(dt, field + ".dispersion_tolerance", $"{v} must be a fraction in 0..1");
            settings = settings with { DispersionTolerance = v };
        }
        if (r.Optional(m, "linelists") is { } ll) settings = settings with { LineLists = r.StringList(ll, field + ".linelists") };
        if (r.Optional(m, "medium") is { } md)
        {
            var medium = r.String(md, field + ".medium");
            if (medium is not ("air" or "vacuum")) throw r.Error(md, field + ".medium", $"'{medium}' must be air or vacuum");
            settings = settings with { Medium = medium };
        }
        return settings;
    }

    private static List<QcRange> ReadQc(YamlNodeReader r, YamlNode node)
    {
        var result = new List<QcRange>();
        foreach (var (product, _, value) in YamlNodeReader.Entries(r.Mapping(node, "qc")))
        {
            foreach (var (qcName, _, range) in YamlNodeReader.Entries(r.Mapping(value, $"qc.{product}")))
            {
                var field = $"qc.{product}.{qcName}";
                var m = r.Mapping(range, field);
                r.OnlyKeys(m, field, "min", "max");
                double? min = r.Optional(m, "min") is { } mn ? r.Number(mn, field + ".min") : null;
                double? max = r.Optional(m, "max") is { } mx ? r.Number(mx, field + ".max") : null;
                if (min is null && max is null) throw r.Error(range, field, "needs min, max or both");
                if (min > max) throw r.Error(range, field, $"min {min} is above max {max}");
                result.Add(new QcRange { Product = product, Name = qcName, Min = min, Max = max });
            }
        }
        return result;
    }

    private static IReadOnlyList<string> LogicalKeys(YamlNodeReader r, YamlNode node, string field, HashSet<string> logical)
    {
        var keys = r.StringList(node, field);
        foreach (var k in keys)
        {
            if (!logical.Contains(k))
                throw r.Error(node, field, $"'{k}' is not a logical name defined under 'keywords' (defined: {(logical.Count == 0 ? "none" : string.Join(", ", logical))})");
        }
        return keys;
    }

    private static void CheckCategory(YamlNodeReader r, YamlNode node, string category, string field, HashSet<string> categories)
    {
        if (!categories.Contains(category))
            throw r.Error(node, field, $"category '{category}' is not assigned by any classification rule (categories: {string.Join(", ", categories)})");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$")]
    private static partial Regex InstrumentName();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex LogicalName();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex CategoryName();

    [GeneratedRegex(@"^\[\s*\d+\s*:\s*\d+\s*,\s*\d+\s*:\s*\d+\s*\]$")]
    private static partial Regex Section();
}
