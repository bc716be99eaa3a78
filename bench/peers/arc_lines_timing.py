#!/usr/bin/python3
"""Peer timing for arc line detection: the same synthetic He-Ne-Ar arc as ArcSolutionBenchmarks (2048 columns, the
simulator's sim-longslit dispersion, FWHM 2.6 px Gaussians, Poisson + read noise; numpy's own random draws), measured the
way PypeIt's arc.detect_lines does it: scipy.signal.find_peaks above a noise threshold, then scipy.optimize.curve_fit of a
Gaussian in a window around each peak. Prints the median of N runs in milliseconds.

    /usr/bin/python3 bench/peers/arc_lines_timing.py [runs]
"""
import sys, time, pathlib
import numpy as np
from scipy.signal import find_peaks
from scipy.ndimage import median_filter
from scipy.optimize import curve_fit

root = pathlib.Path(__file__).resolve().parents[2]
waves = [float(l.split()[0]) for l in open(root / "instruments/simulation/data/henear.dat") if l.strip() and not l.startswith("#")]
x = np.arange(2048.0)
lam = lambda u: 3800 + 3452 * (u / 2047) - 60 * (u / 2047) ** 2 + 8 * (u / 2047) ** 3
grid = np.linspace(-50, 2098, 200001)
rng = np.random.default_rng(11)
flux = np.zeros(2048)
for w in waves:
    if not (lam(-50) <= w <= lam(2098)):
        continue
    u = np.interp(w, lam(grid), grid)
    flux += 10000 * 10 ** (-2 * rng.random()) * np.exp(-0.5 * ((x - u) / 1.104) ** 2)
var = flux / 1.2 + 9
spec = flux + np.sqrt(var) * rng.standard_normal(2048)

gauss = lambda x, a, b, c: a * np.exp(-0.5 * ((x - b) / c) ** 2)

def detect():
    cont = median_filter(spec, 61, mode="nearest")
    r = spec - cont
    noise = 1.4826 * np.median(np.abs(r - np.median(r)))
    peaks, _ = find_peaks(r, height=5 * np.sqrt(var + noise**2 * 0))
    out = []
    for p in peaks:
        if p < 3 or p > 2044:
            continue
        s = slice(p - 3, p + 4)
        try:
            popt, pcov = curve_fit(gauss, x[s], r[s], p0=[r[p], p, 1.1])
            out.append((popt[1], np.sqrt(pcov[1, 1])))
        except RuntimeError:
            pass
    return out

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
times = []
for _ in range(runs):
    t = time.perf_counter()
    n = len(detect())
    times.append((time.perf_counter() - t) * 1000)
print(f"scipy find_peaks + curve_fit: {n} lines, median {np.median(times):.2f} ms over {runs} runs")
