#!/usr/bin/env python3
"""Peer timing for SpectrumFluxBenchmarks: the same four 1-D jobs written the way a numpy/scipy user would.

* sensitivity: counts/s/Angstrom corrected by 10^(0.4 k X) (np.interp on kpnoextinct.dat), read at each Feige 34 band
  (np.interp; the bands are 1 Angstrom, narrower than a pixel), masked windows, m = 2.5 log10(rate / f_lambda), cubic
  LSQ B-spline (scipy make_lsq_spline, breakpoints every <= 500 Angstrom) with a 3-sigma rejection loop;
* flux calibration of a 2048-pixel spectrum;
* flux-conserving resampling with the SpectRes algorithm (Carnall 2017, arXiv:1705.05165; spectres 2.2's pure-numpy loop
  over output pixels, re-typed here because the package is not installed);
* coadd of ten spectra: SpectRes each onto the common grid, median-centred 4-sigma clipping, inverse-variance mean.

Spectra are built as in the C# suite (2048 px on the sim-longslit dispersion, Gaussian noise of variance e + 2000).
Usage: spectrum_flux_timing.py REPO_ROOT [repeats]; prints the median time of each job in ms.
"""
import sys
import time
import numpy as np
from scipy.interpolate import make_lsq_spline

root = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
HC = 1.98644586e-8
N = 2048
rng = np.random.default_rng(5)

table = np.loadtxt(f"{root}/instruments/simulation/data/feige34.dat")
ext = np.loadtxt(f"{root}/instruments/simulation/data/kpnoextinct.dat")
tw, tmag, tband = table[:, 0], table[:, 1], table[:, 2]
tf = 10 ** (-0.4 * (tmag + 48.60)) * 2.99792458e18 / tw ** 2
windows = np.array([(6537.8, 6587.8), (4841.3, 4881.3), (4325.5, 4355.5), (4086.7, 4116.7), (3960.1, 3980.1), (3881.1, 3897.1),
                    (3827.4, 3843.4), (3789.9, 3805.9), (3762.6, 3778.6), (3742.2, 3758.2), (4018.2, 4034.2), (4463.5, 4479.5),
                    (4675.8, 4695.8), (5403.6, 5419.6), (5867.6, 5883.6), (6670.2, 6686.2), (6860, 6960), (7160, 7340),
                    (7590, 7710), (8130, 8360), (8940, 9250)])


def lam(u):
    t = u / (N - 1)
    return 3800 + 3452 * t - 60 * t * t + 8 * t ** 3


def make(flam, exptime, shift):
    x = np.arange(N) + shift
    w = lam(x)
    e = flam(w) * w / HC * 28000 * 0.25 * np.exp(-0.5 * ((w - 5500) / 2000) ** 2) * 10 ** (-0.4 * np.interp(w, ext[:, 0], ext[:, 1]) * 1.2) \
        * exptime * (lam(x + 0.5) - lam(x - 0.5))
    v = e + 2000
    return w, e + rng.normal(size=N) * np.sqrt(v), v


def widths(w):
    edges = np.concatenate([[w[0] - 0.5 * (w[1] - w[0])], 0.5 * (w[1:] + w[:-1]), [w[-1] + 0.5 * (w[-1] - w[-2])]])
    return edges, np.diff(edges)


def sensitivity(w, f, v, exptime=60, airmass=1.2):
    _, dw = widths(w)
    corr = 10 ** (0.4 * np.interp(w, ext[:, 0], ext[:, 1]) * airmass) / (exptime * dw)
    rate = np.interp(tw, w, f * corr, left=np.nan, right=np.nan)
    err = np.interp(tw, w, np.sqrt(v) * corr, left=np.nan, right=np.nan)
    lo, hi = tw - tband / 2, tw + tband / 2
    masked = ((hi[:, None] >= windows[None, :, 0]) & (lo[:, None] <= windows[None, :, 1])).any(axis=1)
    ok = np.isfinite(rate) & (rate > 0) & ~masked
    x, m = tw[ok], 2.5 * np.log10(rate[ok] / tf[ok])
    wt = 1 / np.sqrt((1.0857 * err[ok] / rate[ok]) ** 2 + 0.01 ** 2)
    use = np.ones(len(x), bool)
    for _ in range(6):
        nint = int(np.ceil((x[use].max() - x[use].min()) / 500))
        inner = np.linspace(x[use].min(), x[use].max(), nint + 1)
        knots = np.concatenate([[inner[0]] * 3, inner, [inner[-1]] * 3])
        spl = make_lsq_spline(x[use], m[use], knots, k=3, w=wt[use])
        r = m - spl(x)
        rms = np.sqrt(np.mean(r[use] ** 2))
        new = use & (np.abs(r) <= 3 * rms)
        if new.sum() == use.sum():
            break
        use = new
    return spl, x[use].min(), x[use].max()


def calibrate(w, f, v, spl, lo, hi, exptime=600, airmass=1.2):
    _, dw = widths(w)
    s = np.where((w >= lo) & (w <= hi), 10 ** (0.4 * spl(w)), np.nan)
    factor = 10 ** (0.4 * np.interp(w, ext[:, 0], ext[:, 1]) * airmass) / (exptime * dw * s)
    return f * factor, v * factor ** 2


def spectres(new_wavs, spec_wavs, spec_fluxes, spec_errs):
    """SpectRes 2.2 (pure numpy): flux-density resampling with error propagation."""
    old_edges, old_widths = widths(spec_wavs)
    new_edges, new_widths = widths(new_wavs)
    new_fluxes = np.zeros(len(new_wavs))
    new_errs = np.zeros(len(new_wavs))
    start = 0
    stop = 0
    for j in range(len(new_wavs)):
        if (new_edges[j] < old_edges[0]) or (new_edges[j + 1] > old_edges[-1]):
            new_fluxes[j] = np.nan
            new_errs[j] = np.nan
            continue
        while old_edges[start + 1] <= new_edges[j]:
            start += 1
        while old_edges[stop + 1] < new_edges[j + 1]:
            stop += 1
        if stop == start:
            new_fluxes[j] = spec_fluxes[start]
            new_errs[j] = spec_errs[start]
        else:
            start_factor = (old_edges[start + 1] - new_edges[j]) / (old_edges[start + 1] - old_edges[start])
            end_factor = (new_edges[j + 1] - old_edges[stop]) / (old_edges[stop + 1] - old_edges[stop])
            old_widths_local = old_widths[start:stop + 1].copy()
            old_widths_local[0] *= start_factor
            old_widths_local[-1] *= end_factor
            f_widths = old_widths_local * spec_fluxes[start:stop + 1]
            new_fluxes[j] = np.sum(f_widths) / np.sum(old_widths_local)
            e_wid = old_widths_local * spec_errs[start:stop + 1]
            new_errs[j] = np.sqrt(np.sum(e_wid ** 2)) / np.sum(old_widths_local)
    return new_fluxes, new_errs


def resample_counts(grid, w, f, v):
    _, dw = widths(w)
    _, gw = widths(grid)
    d, e = spectres(grid, w, f / dw, np.sqrt(v) / dw)
    return d * gw, (e * gw) ** 2


def coadd(grid, exposures):
    stack = np.array([resample_counts(grid, *x) for x in exposures])
    f, v = stack[:, 0, :], stack[:, 1, :]
    sig = np.sqrt(v)
    med = np.nanmedian(f, axis=0)
    keep = np.isfinite(f) & (np.abs(f - med) <= 4 * sig)
    wgt = np.where(keep, 1 / v, 0)
    return np.nansum(wgt * np.where(keep, f, 0), axis=0) / wgt.sum(axis=0), 1 / wgt.sum(axis=0)


def std_flux(w):
    return np.interp(w, tw, tf)


standard = make(std_flux, 60, 0)
science = make(lambda w: 1e-15 * (5500 / w) ** 2, 600, 0)
exposures = [make(lambda w: 1e-15 * (5500 / w) ** 2, 600, 0.1 * k) for k in range(10)]
lo = min(x[0][0] for x in exposures)
hi = max(x[0][-1] for x in exposures)
step = min(np.median(widths(x[0])[1]) for x in exposures)
grid = lo + step * np.arange(int(np.floor((hi - lo) / step + 1e-9)) + 1)
spl, slo, shi = sensitivity(*standard)


def timed(label, fn):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    print(f"{label}: median {np.median(times):.3f} ms over {repeats}")


timed("sensitivity", lambda: sensitivity(*standard))
timed("calibrate", lambda: calibrate(*science, spl, slo, shi))
timed("resample", lambda: resample_counts(grid, *exposures[3]))
timed("coadd10", lambda: coadd(grid, exposures))
