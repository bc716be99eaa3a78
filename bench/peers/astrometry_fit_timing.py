"""Peer timing for AstrometryBenchmarks: astropy's fit_wcs_from_points (TAN + SIP order 3) on 500 stars placed by the
same kind of WCS (2048 x 2048, 0.4"/px, rotated 0.35 deg, radial SIP), timed back to back. Usage: python3 astrometry_fit_timing.py [repeats]."""
import sys
import time
import warnings

import numpy as np
from astropy.coordinates import SkyCoord
from astropy.wcs import WCS
from astropy.wcs.utils import fit_wcs_from_points

warnings.simplefilter("ignore")
repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
truth = WCS(naxis=2)
truth.wcs.ctype = ["RA---TAN-SIP", "DEC--TAN-SIP"]
truth.wcs.crval = [135.0, 25.0]
truth.wcs.crpix = [1024.5, 1024.5]
s = 0.4 / 3600
c, n = np.cos(np.radians(0.35)), np.sin(np.radians(0.35))
truth.wcs.cd = [[-s * c, -s * n], [-s * n, s * c]]
from astropy.wcs import Sip
a = np.zeros((4, 4)); b = np.zeros((4, 4))
a[3, 0] = a[1, 2] = 1.4e-10; b[2, 1] = b[0, 3] = 1.4e-10
truth.sip = Sip(a, b, None, None, truth.wcs.crpix)
rng = np.random.default_rng(5)
x = rng.random(500) * 2047
y = rng.random(500) * 2047
ra, dec = truth.all_pix2world(x, y, 0)
sky = SkyCoord(ra, dec, unit="deg")
times = []
for _ in range(repeats):
    t = time.perf_counter()
    w = fit_wcs_from_points((x, y), sky, projection="TAN", sip_degree=3)
    times.append(time.perf_counter() - t)
px, py = w.all_world2pix(ra, dec, 0)
print(f"fit_wcs_from_points TAN+SIP3, 500 stars: median {np.median(times) * 1e3:.1f} ms of {repeats}; rms {np.sqrt(np.mean((px - x) ** 2 + (py - y) ** 2)):.2e} px")
