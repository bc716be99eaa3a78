using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Calibration;

/// <summary>
/// The calibration-database suite, run against every backend (one subclass each): storage,
/// concurrency, and selection by the instrument's association rules over the stored records.
/// </summary>
public abstract class CalibrationDatabaseContract : IDisposable
{
    private const double Night = 60400.0;
    private readonly TempFolder _files = new();

    /// <summary>Opens the backend under test (a new connection each call; the same database).</summary>
    protected abstract ICalibrationDatabase Open();

    public virtual void Dispose()
    {
        _files.Dispose();
        GC.SuppressFinalize(this);
    }

    private string NewFile(string name)
    {
        var path = _files.File(name);
        File.WriteAllText(path, name);
        return path;
    }

    private CalibrationRecord Flat(string filter, double mjd, CalibrationQuality quality = CalibrationQuality.Certified, double? from = null, double? to = null, string binning = "1x1")
        => new()
        {
            Category = "MASTER_FLAT", Instrument = "test-imager", Keys = new Dictionary<string, string?> { ["filter"] = filter, ["binning"] = binning },
            Mjd = mjd, ValidFrom = from, ValidTo = to, Quality = quality, Path = NewFile($"flat_{filter}_{mjd}_{Guid.NewGuid():N}.fits"),
        };

    private static CalibrationTarget Science(string filter = "R", double mjd = Night, string binning = "1x1", string exptime = "300")
        => new() { Label = "SCIENCE group SCIENCE-1", Values = new Dictionary<string, string?> { ["filter"] = filter, ["binning"] = binning, ["exptime"] = exptime }, Mjd = mjd };

    private static CalibrationSelection SelectFlat(ICalibrationDatabase db, CalibrationTarget target)
        => CalibrationSelector.Select(TestInstrument.FlatRule, target, db.List(new CalibrationFilter("test-imager", "MASTER_FLAT")).Select(CalibrationCandidate.FromRecord));

    [SkippableFact]
    public void Add_then_Get_returns_every_field()
    {
        using var db = Open();
        var record = Flat("R", Night - 0.25) with { Qc = new Dictionary<string, double> { ["median"] = 12345.5 }, Checksum = "sha256:ab", Note = "twilight", ValidFrom = Night - 1, ValidTo = Night + 1 };
        var id = db.Add(record);
        var back = db.Get(id)!;
        Assert.Equal(id, back.Id);
        Assert.Equal(record with { Id = id, Added = back.Added, Keys = back.Keys, Qc = back.Qc }, back);
        Assert.Equal(record.Keys, back.Keys);
        Assert.Equal(12345.5, back.Qc["median"]);
        Assert.True(Math.Abs((back.Added - record.Added).TotalSeconds) < 1);
    }

    [SkippableFact]
    public void Remove_and_SetQuality_report_whether_the_record_existed()
    {
        using var db = Open();
        var id = db.Add(Flat("R", Night));
        Assert.True(db.SetQuality(id, CalibrationQuality.Bad, "striped"));
        Assert.Equal(CalibrationQuality.Bad, db.Get(id)!.Quality);
        Assert.Equal("striped", db.Get(id)!.Note);
        Assert.True(db.Remove(id));
        Assert.Null(db.Get(id));
        Assert.False(db.Remove(id));
        Assert.False(db.SetQuality(id, CalibrationQuality.Certified));
    }

    [SkippableFact]
    public void List_filters_by_instrument_category_and_quality()
    {
        using var db = Open();
        db.Add(Flat("R", Night));
        db.Add(Flat("V", Night, CalibrationQuality.Provisional));
        db.Add(Flat("R", Night) with { Category = "MASTER_BIAS" });
        db.Add(Flat("R", Night) with { Instrument = "other" });
        Assert.Equal(4, db.List(CalibrationFilter.All).Count);
        Assert.Equal(2, db.List(new CalibrationFilter("test-imager", "MASTER_FLAT")).Count);
        Assert.Equal("V", Assert.Single(db.List(new CalibrationFilter(Quality: CalibrationQuality.Provisional))).Keys["filter"]);
    }

    [SkippableFact]
    public void Concurrent_writers_lose_nothing()
    {
        using (Open()) { }
        const int writers = 4, each = 25;
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            using var db = Open();
            for (var i = 0; i < each; i++) db.Add(Flat($"W{w}", Night + i));
        });
        using var check = Open();
        var all = check.List(CalibrationFilter.All);
        Assert.Equal(writers * each, all.Count);
        Assert.Equal(writers * each, all.Select(r => r.Id).Distinct().Count());
    }

    [SkippableFact]
    public void Selection_picks_the_nearest_in_time()
    {
        using var db = Open();
        db.Add(Flat("R", Night - 0.5));
        var nearest = db.Add(Flat("R", Night - 0.2));
        db.Add(Flat("R", Night + 0.3));
        var s = SelectFlat(db, Science());
        Assert.Equal(nearest, s.Chosen!.Record!.Id);
        Assert.Equal(0, s.Tier);
        Assert.Equal(0.2, s.DaysApart!.Value, 9);
        Assert.Contains($"#{nearest}", s.Explanation);
    }

    [SkippableFact]
    public void Selection_respects_validity_windows()
    {
        using var db = Open();
        var expired = db.Add(Flat("R", Night - 0.1, to: Night - 0.05));
        var valid = db.Add(Flat("R", Night - 0.4, from: Night - 1, to: Night + 1));
        Assert.Equal(valid, SelectFlat(db, Science()).Chosen!.Record!.Id);
        db.Remove(valid);
        var miss = SelectFlat(db, Science());
        Assert.False(miss.Found);
        Assert.Contains($"#{expired}", miss.Explanation);
        Assert.Contains($"valid open..{Night - 0.05:0.####}, frames at MJD {Night:0.####}", miss.Explanation);
    }

    [SkippableFact]
    public void A_key_mismatch_is_explained_with_the_rule_and_the_key_that_differed()
    {
        using var db = Open();
        var v = db.Add(Flat("V", Night - 0.1));
        db.Add(Flat("B", Night - 3, binning: "2x2"));
        var s = SelectFlat(db, Science("R"));
        Assert.False(s.Found);
        var lines = s.Explanation.Split('\n');
        Assert.Equal($"no MASTER_FLAT for SCIENCE group SCIENCE-1 (binning=1x1, filter=R) at MJD {Night:0.####}", lines[0]);
        Assert.Equal("  rule: MASTER_FLAT for SCIENCE: match binning, filter; tiers: within 1 d, certified | then within 30 d, provisional or certified (test-imager.yaml:26:7)", lines[1]);
        Assert.Equal("  closest candidates (2 of 2):", lines[2]);
        Assert.StartsWith($"    #{v} ", lines[3]);
        Assert.EndsWith("(2.4 h away): filter 'V' differs from 'R'", lines[3]);
        Assert.EndsWith("(3 d away): binning '2x2' differs from '1x1'; filter 'B' differs from 'R'", lines[4]);
    }

    [SkippableFact]
    public void Bad_masters_are_never_selected()
    {
        using var db = Open();
        var best = db.Add(Flat("R", Night - 0.01));
        var second = db.Add(Flat("R", Night - 0.3));
        db.SetQuality(best, CalibrationQuality.Bad, "gradient");
        Assert.Equal(second, SelectFlat(db, Science()).Chosen!.Record!.Id);
        db.SetQuality(second, CalibrationQuality.Bad);
        var miss = SelectFlat(db, Science());
        Assert.False(miss.Found);
        Assert.Contains($"#{best}", miss.Explanation);
        Assert.Contains("marked bad", miss.Explanation);
    }

    [SkippableFact]
    public void The_fallback_tier_is_used_only_when_the_first_finds_nothing()
    {
        using var db = Open();
        var provisional = db.Add(Flat("R", Night - 5, CalibrationQuality.Provisional));
        var s = SelectFlat(db, Science());
        Assert.Equal(provisional, s.Chosen!.Record!.Id);
        Assert.Equal(1, s.Tier);
        Assert.Contains("by fallback tier 1 (within 30 d, provisional or certified)", s.Explanation);
        var certified = db.Add(Flat("R", Night + 0.9));
        var first = SelectFlat(db, Science());
        Assert.Equal(certified, first.Chosen!.Record!.Id);
        Assert.Equal(0, first.Tier);
        db.Remove(provisional);
        db.Remove(certified);
        db.Add(Flat("R", Night - 40));
        var miss = SelectFlat(db, Science());
        Assert.False(miss.Found);
        Assert.Contains("40 d apart, allowed 30 d", miss.Explanation);
    }

    [SkippableFact]
    public void Numeric_keys_match_within_their_tolerance()
    {
        using var db = Open();
        CalibrationRecord Dark(string exptime, double mjd) => new()
        {
            Category = "MASTER_DARK", Instrument = "test-imager", Keys = new Dictionary<string, string?> { ["binning"] = "1x1", ["exptime"] = exptime }, Mjd = mjd,
            Quality = CalibrationQuality.Certified, Path = NewFile($"dark_{exptime}_{mjd}.fits"),
        };
        db.Add(Dark("305", Night));
        var within = db.Add(Dark("300.5", Night - 1));
        var candidates = db.List(new CalibrationFilter("test-imager", "MASTER_DARK")).Select(CalibrationCandidate.FromRecord).ToList();
        Assert.Equal(within, CalibrationSelector.Select(TestInstrument.DarkRule, Science(), candidates).Chosen!.Record!.Id);
        var miss = CalibrationSelector.Select(TestInstrument.DarkRule, Science(exptime: "30"), candidates);
        Assert.Contains("exptime 305 differs from 30 by more than 1", miss.Explanation);
    }

    [SkippableFact]
    public void A_record_whose_file_has_gone_is_reported_and_passed_over()
    {
        using var db = Open();
        var gone = Flat("R", Night - 0.01);
        var goneId = db.Add(gone);
        var kept = db.Add(Flat("R", Night - 0.5));
        File.Delete(gone.Path);
        Assert.Equal(2, db.List(CalibrationFilter.All).Count);
        Assert.Equal(kept, SelectFlat(db, Science()).Chosen!.Record!.Id);
        db.Remove(kept);
        var miss = SelectFlat(db, Science());
        Assert.Contains($"#{goneId}", miss.Explanation);
        Assert.Contains($"file is missing ({gone.Path})", miss.Explanation);
    }
}
