"""Peer timings for the Fitting and Detector suites (OverscanBenchmarks, PolynomialFitBenchmarks), in-process:

- numpy Legendre.fit of order 5 on 4096 points, scipy make_lsq_spline every 64 points;
- ccdproc.subtract_overscan(median=True) + trim_image on a 4096 x 4096 data area (raw 4160 x 4096 float32,
  64 overscan columns), and the same with a Polynomial1D(3) model of the row medians.

Run: /usr/bin/python3 bench/peers/fitting_overscan_timing.py [repeats]
Prints min and median seconds per job.
"""
import sys
import time

import ccdproc
import numpy as np
from astropy import units as u
from astropy.modeling import models
from astropy.nddata import CCDData
from numpy.polynomial import Legendre
from scipy.interpolate import make_lsq_spline

repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def timed(name, job, n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        job()
        times.append(time.perf_counter() - t0)
    print(f"{name}: min {min(times) * 1e3:.3f} ms, median {np.median(times) * 1e3:.3f} ms ({n} runs)")


rng = np.random.default_rng(4)
x = np.arange(4096, dtype=float)
y = 1000 + 0.01 * x + 3 * np.sin(x / 500) + (rng.random(4096) - 0.5) * 4
timed("numpy Legendre.fit order 5, 4096 points", lambda: Legendre.fit(x, y, 5), repeats * 20)
t = np.r_[[0.0] * 4, np.arange(64, 4095, 64), [4095.0] * 4]
timed("scipy make_lsq_spline every 64, 4096 points", lambda: make_lsq_spline(x, y, t, k=3), repeats * 20)

raw = (1000 + rng.random((4096, 4160)) * 8).astype(np.float32)
ccd = CCDData(raw, unit=u.adu)


def overscan(model=None):
    sub = ccdproc.subtract_overscan(ccd, fits_section="[4097:4160,1:4096]", overscan_axis=1, median=True, model=model)
    return ccdproc.trim_image(sub, fits_section="[1:4096,1:4096]")


timed("ccdproc subtract_overscan(median) + trim_image, 4096x4096", overscan, repeats)
timed("ccdproc subtract_overscan(median, Polynomial1D(3)) + trim_image", lambda: overscan(models.Polynomial1D(3)), repeats)
