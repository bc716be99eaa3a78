"""A simulated 4096x4096 star field with cosmic rays for the `parallax cosmics` timing.

    /usr/bin/python3 make_cosmics_frame.py OUT.fits [SIZE]

float32 ADU, gain 2 e-/ADU, read noise 5 e-; about 20000 Moffat stars and 6000 cosmic rays
(tracks and blobs). Seeded: the same file every time.
"""
import sys
import numpy as np
from astropy.io import fits

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 4096
rng = np.random.default_rng(4096)
gain, readnoise = 2.0, 5.0
electrons = np.full((n, n), 800.0)
yy, xx = np.mgrid[-12:13, -12:13]
for _ in range(int(20000 * (n / 4096) ** 2)):
    cx, cy = rng.uniform(12, n - 13, 2)
    ix, iy = int(cx), int(cy)
    fwhm, beta = rng.uniform(3.0, 4.5), 3.0
    alpha = fwhm / (2 * np.sqrt(2 ** (1 / beta) - 1))
    p = (1 + ((xx - (cx - ix)) ** 2 + (yy - (cy - iy)) ** 2) / alpha ** 2) ** (-beta)
    electrons[iy - 12:iy + 13, ix - 12:ix + 13] += 10 ** rng.uniform(3, 6) * p / p.sum()
electrons = rng.poisson(electrons).astype(np.float32) + rng.normal(0, readnoise, (n, n)).astype(np.float32)
for k in range(int(6000 * (n / 4096) ** 2)):
    if k % 2 == 0:
        x0, y0 = rng.uniform(0, n, 2)
        length, phi, q = rng.uniform(2, 30), rng.uniform(0, 2 * np.pi), rng.uniform(500, 4000)
        steps = int(np.ceil(length * 4))
        f = (np.arange(steps) + 0.5) / steps
        ix = (x0 + f * length * np.cos(phi)).astype(int)
        iy = (y0 + f * length * np.sin(phi)).astype(int)
        ok = (ix >= 0) & (ix < n) & (iy >= 0) & (iy < n)
        np.add.at(electrons, (iy[ok], ix[ok]), q / 4)
    else:
        cx, cy = rng.uniform(3, n - 4, 2)
        ix, iy = int(cx), int(cy)
        s = rng.uniform(0.3, 0.7)
        spot = np.exp(-((xx[9:16, 9:16] + ix + 0.5 - cx) ** 2 + (yy[9:16, 9:16] + iy + 0.5 - cy) ** 2) / (2 * s * s))
        electrons[iy - 3:iy + 4, ix - 3:ix + 4] += 10 ** rng.uniform(2.8, 4.3) * spot / spot.sum()
hdu = fits.PrimaryHDU((electrons / gain).astype(np.float32))
hdu.header['GAIN'] = (gain, 'e-/ADU')
hdu.header['RDNOISE'] = (readnoise, 'e-')
hdu.writeto(out, overwrite=True)
