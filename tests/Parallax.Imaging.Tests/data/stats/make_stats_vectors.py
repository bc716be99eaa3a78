#!/usr/bin/python3
"""Reference statistics from numpy and astropy.stats for Parallax's RobustStatistics tests.

Usage (from the repository root):
    /usr/bin/python3 tests/Parallax.Imaging.Tests/data/stats/make_stats_vectors.py

Writes stats_vectors.json next to this script. Every array is drawn as float32 (the pixel type
Parallax works in) and the statistics are computed by numpy / astropy on those exact values
promoted to float64, so the only difference left between the two implementations is the order of
floating-point additions. An input NaN is written as null, an expected NaN as the string "NaN"; "mask" lists the masked positions (astropy
receives them as a numpy masked array / the mask= argument).
"""
import json
import os

import numpy as np
import astropy
from astropy.stats import (biweight_location, biweight_midvariance, biweight_scale, mad_std,
                           median_absolute_deviation, sigma_clipped_stats)

PERCENTS = [0, 1, 10, 15.865525393145708, 25, 33.3, 50, 66.6, 75, 84.13447460685429, 90, 99, 100]


def arrays():
    rng = np.random.default_rng(20250625)
    out = {}
    g = rng.normal(100.0, 5.0, 101)
    g[[3, 40, 77]] = [180.0, 160.0, -20.0]
    out["gauss_odd_outliers"] = (g, None)
    g = rng.normal(-3.0, 2.0, 200)
    g[:6] = [30, 31, 35, -40, -41, 50]
    out["gauss_even_outliers"] = (g, None)
    out["skewed_lognormal"] = (rng.lognormal(3.0, 0.6, 500), None)
    g = rng.normal(1000.0, 30.0, 64)
    g[[2, 9, 33, 34, 60]] = np.nan
    mask = np.zeros(64, bool)
    mask[[0, 5, 9, 17, 44, 45, 63]] = True
    g[[5, 17]] = [1.0e6, -1.0e6]  # masked, so they must not matter
    out["nan_and_masked"] = (g, mask)
    out["one"] = (np.array([7.25]), None)
    out["two"] = (np.array([1.0, 4.0]), None)
    out["three"] = (np.array([5.0, -1.0, 2.5]), None)
    out["four_ties"] = (np.array([3.0, 3.0, 1.0, 3.0]), None)
    out["five"] = (np.array([10.0, 12.0, 11.0, 50.0, 9.0]), None)
    out["constant"] = (np.full(10, 42.5), None)
    big = rng.normal(0.0, 1.0, 3001)
    big[rng.choice(3001, 60, replace=False)] += rng.uniform(5, 50, 60)
    out["big_with_tail"] = (big, None)
    out["integer_ties"] = (rng.integers(0, 12, 257).astype(float), None)
    out["wide_range"] = (rng.normal(0, 1, 300) * 10.0 ** rng.uniform(-3, 6, 300), None)
    return out


def stats(values, mask):
    v = values.astype(np.float32).astype(np.float64)
    good = np.isfinite(v) & (~mask if mask is not None else True)
    x = v[good]
    ma = np.ma.masked_array(v, mask=~good)
    r = {
        "count": int(x.size),
        "mean": float(np.mean(x)),
        "std": float(np.std(x)),
        "std_ddof1": float(np.std(x, ddof=1)) if x.size > 1 else None,
        "median": float(np.median(x)),
        "percents": PERCENTS,
        "percentiles": [float(p) for p in np.percentile(x, PERCENTS)],
        "mad": float(median_absolute_deviation(x)),
        "mad_std": float(mad_std(x)),
        "biweight_location": float(biweight_location(x)),
        "biweight_location_c9": float(biweight_location(x, c=9.0)),
        "biweight_location_M0": float(biweight_location(x, M=np.float64(0.0))),
        "biweight_scale": float(biweight_scale(x)),
        "biweight_scale_c6": float(biweight_scale(x, c=6.0)),
        "biweight_midvariance_modified": float(biweight_midvariance(x, modify_sample_size=True)),
        "mode_estimate": float(2.5 * np.median(x) - 1.5 * np.mean(x)),
    }
    variants = {
        "default": dict(),
        "lower2_upper4_until_converged": dict(sigma_lower=2.0, sigma_upper=4.0, maxiters=None),
        "mad_std_spread": dict(stdfunc="mad_std"),
        "mean_centre_ddof1": dict(cenfunc="mean", std_ddof=1, sigma=2.5),
        "one_iteration": dict(maxiters=1),
    }
    clipped = {}
    for name, kw in variants.items():
        # Masked array in, as a user with a DQ plane would call it; NaN are masked too.
        m, med, s = sigma_clipped_stats(ma, **kw)
        clipped[name] = {"args": {k: (None if v is None else v) for k, v in kw.items()},
                         "mean": float(m), "median": float(med), "std": float(s)}
    r["sigma_clipped_stats"] = clipped
    return r


def nan_as_string(o):
    """JSON has no NaN: an expected NaN is written as the string "NaN"."""
    if isinstance(o, float) and np.isnan(o):
        return "NaN"
    if isinstance(o, dict):
        return {k: nan_as_string(v) for k, v in o.items()}
    if isinstance(o, list):
        return [nan_as_string(v) for v in o]
    return o


def main():
    cases = []
    for name, (values, mask) in arrays().items():
        v32 = values.astype(np.float32)
        cases.append({
            "name": name,
            "values": [None if np.isnan(a) else float(a) for a in v32],
            "mask": [] if mask is None else [int(i) for i in np.flatnonzero(mask)],
            "expected": stats(v32, mask),
        })
    doc = {"generator": "make_stats_vectors.py", "numpy": np.__version__, "astropy": astropy.__version__, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stats_vectors.json")
    with open(path, "w") as f:
        json.dump(nan_as_string(doc), f, indent=1, allow_nan=False)
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
