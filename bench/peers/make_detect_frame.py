"""Writes a simulated 4096 x 4096 float32 star field for the detection timings (keep it outside the repository).
Usage: /usr/bin/python3 bench/peers/make_detect_frame.py OUT.fits [NSTARS=20000]
Sky 1000 ADU with a gentle gradient, Gaussian stars (FWHM 3 px, fluxes log-uniform 300..300000), noise 10 ADU, seed 1."""
import sys
import numpy as np
from astropy.io import fits
out = sys.argv[1]
nstars = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rng = np.random.default_rng(1)
n = 4096
img = rng.normal(0, 10.0, (n, n)).astype(np.float32)
img += (1000.0 + 0.01 * np.arange(n)[None, :] + 0.005 * np.arange(n)[:, None]).astype(np.float32)
s = 3.0 / 2.3548
yy, xx = np.mgrid[-7:8, -7:8]
for x, y, f in zip(rng.uniform(8, n - 8, nstars), rng.uniform(8, n - 8, nstars), 10 ** rng.uniform(2.5, 5.5, nstars)):
    ix, iy = int(x), int(y)
    img[iy - 7:iy + 8, ix - 7:ix + 8] += (f / (2 * np.pi * s * s) * np.exp(-((xx + ix - x) ** 2 + (yy + iy - y) ** 2) / (2 * s * s))).astype(np.float32)
fits.PrimaryHDU(img).writeto(out, overwrite=True)
