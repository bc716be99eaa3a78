"""Peer for 'parallax quicklook': astropy + matplotlib, the same job (read SCI or the primary
image, block-average to at most 1024 px, zscale limits, linear stretch, greyscale PNG with FITS
row 1 at the bottom). Usage: /usr/bin/python3 quicklook_astropy.py IN.fits OUT.png"""
import sys
import numpy as np
from astropy.io import fits
from astropy.visualization import ZScaleInterval
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

with fits.open(sys.argv[1]) as f:
    data = f["SCI"].data if "SCI" in f else f[0].data
data = data.astype(np.float32)
factor = max(1, -(-max(data.shape) // 1024))
h, w = (data.shape[0] // factor) * factor, (data.shape[1] // factor) * factor
small = np.nanmean(data[:h, :w].reshape(h // factor, factor, w // factor, factor), axis=(1, 3))
vmin, vmax = ZScaleInterval().get_limits(small)
plt.imsave(sys.argv[2], small, cmap="gray", vmin=vmin, vmax=vmax, origin="lower")
