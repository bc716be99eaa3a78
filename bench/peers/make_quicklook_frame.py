"""A 4096 x 4096 float32 frame (sky noise, a gradient, stars) for the quick-look timing. Usage: make_quicklook_frame.py OUT.fits"""
import sys
import numpy as np
from astropy.io import fits

rng = np.random.default_rng(4)
y, x = np.mgrid[0:4096, 0:4096]
img = 1000 + 0.01 * x + rng.normal(0, 10, (4096, 4096))
for _ in range(300):
    cx, cy = rng.uniform(0, 4096, 2)
    x0, y0 = int(cx) - 8, int(cy) - 8
    sl = np.s_[max(0, y0):y0 + 17, max(0, x0):x0 + 17]
    img[sl] += rng.uniform(100, 20000) * np.exp(-((x[sl] - cx) ** 2 + (y[sl] - cy) ** 2) / 8)
fits.PrimaryHDU(img.astype(np.float32)).writeto(sys.argv[1], overwrite=True)
