#!/usr/bin/env python3
"""Writes samples/sample_frame.fits: a small synthetic CCD frame (uint16 with BZERO, overscan,
stars, a cosmic ray) with the headers a real camera writes. Made with astropy, independent of
Parallax, so the bundled demo reads a file that Parallax did not write.

    /usr/bin/python3 samples/make_sample.py
"""
import numpy as np
from astropy.io import fits

rng = np.random.default_rng(20251125)
ny, nx, overscan = 200, 232, 32
img = np.zeros((ny, nx))
img += 1000.0 + rng.normal(0, 5.0, size=img.shape)            # bias + read noise (ADU)
yy, xx = np.mgrid[0:ny, 0:nx - overscan]
sky = 250.0 + 0.2 * xx
stars = np.zeros_like(sky)
for _ in range(25):
    x0, y0 = rng.uniform(5, nx - overscan - 5), rng.uniform(5, ny - 5)
    flux, sigma = 10 ** rng.uniform(3, 5), 1.6
    stars += flux / (2 * np.pi * sigma**2) * np.exp(-((xx - x0) ** 2 + (yy - y0) ** 2) / (2 * sigma**2))
img[:, : nx - overscan] += rng.poisson(sky + stars)
img[120, 40:44] = 60000                                         # a cosmic-ray track
img = np.clip(np.round(img), 0, 65535).astype(np.uint16)

hdr = fits.Header()
hdr["OBJECT"] = ("NGC 6946 field", "target name")
hdr["IMAGETYP"] = ("Light Frame", "frame type")
hdr["EXPTIME"] = (120.0, "[s] exposure time")
hdr["FILTER"] = ("V", "filter")
hdr["DATE-OBS"] = ("2025-06-25T04:12:33.120", "UTC start of exposure")
hdr["MJD-OBS"] = (60851.175383, "modified Julian date of start")
hdr["GAIN"] = (1.45, "[e-/ADU] detector gain")
hdr["RDNOISE"] = (7.2, "[e-] read noise")
hdr["BIASSEC"] = ("[201:232,1:200]", "overscan region (FITS 1-based)")
hdr["DATASEC"] = ("[1:200,1:200]", "illuminated region")
hdr["HIERARCH ESO DPR CATG"] = "SCIENCE"
hdr["HISTORY"] = "synthetic frame written by samples/make_sample.py"
fits.PrimaryHDU(img, header=hdr).writeto("samples/sample_frame.fits", overwrite=True, checksum=True)
print("wrote samples/sample_frame.fits")
