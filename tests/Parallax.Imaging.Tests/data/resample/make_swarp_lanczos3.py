"""Peer data for ResamplerSwarpTests: a small frame resampled by SWarp with LANCZOS3.

Writes frame.fits (input: 80x72 float32, stars + smooth sky, TAN WCS) and frame.resamp.fits
(SWarp's resampled image on a grid rotated by 17 degrees, 0.9x the pixel size, shifted by a
fraction of a pixel). Run from this folder: /usr/bin/python3 make_swarp_lanczos3.py
SWarp 2.41.5 settings: RESAMPLE Y, COMBINE N, RESAMPLING_TYPE LANCZOS3, OVERSAMPLING 1,
SUBTRACT_BACK N, FSCALASTRO_TYPE NONE (surface brightness), PROJECTION_ERR 0.001.
"""
import os
import subprocess
import tempfile

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS

rng = np.random.default_rng(20261125)
ny, nx = 72, 80
y, x = np.mgrid[0:ny, 0:nx].astype(float)
img = 200.0 + 30.0 * np.sin(2 * np.pi * x / 37.0 + 0.4) * np.cos(2 * np.pi * y / 29.0) + 0.5 * x
for _ in range(25):
    x0, y0 = rng.uniform(5, nx - 6), rng.uniform(5, ny - 6)
    flux, sigma = rng.uniform(2e3, 2e4), rng.uniform(1.3, 2.2)
    img += flux / (2 * np.pi * sigma**2) * np.exp(-((x - x0) ** 2 + (y - y0) ** 2) / (2 * sigma**2))
img = img.astype(np.float32)

scale = 0.5 / 3600.0
h = fits.Header()
h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
h["CRPIX1"], h["CRPIX2"] = 40.5, 36.5
h["CRVAL1"], h["CRVAL2"] = 150.0, 2.2
h["CD1_1"], h["CD1_2"], h["CD2_1"], h["CD2_2"] = -scale, 0.0, 0.0, scale
h["RADESYS"], h["EQUINOX"] = "ICRS", 2000.0
h["GAIN"] = 0.0

work = tempfile.mkdtemp()
fits.PrimaryHDU(img, h).writeto("frame.fits", overwrite=True)
fits.PrimaryHDU(img, h).writeto(os.path.join(work, "frame.fits"), overwrite=True)

# Target grid: rotated 17 deg, pixels 0.9x, reference moved by a fraction of a pixel.
t = np.deg2rad(17.0)
s2 = 0.9 * scale
head = fits.Header()
head["NAXIS"], head["NAXIS1"], head["NAXIS2"] = 2, 100, 100
head["CTYPE1"], head["CTYPE2"] = "RA---TAN", "DEC--TAN"
head["CRPIX1"], head["CRPIX2"] = 50.37, 49.81
head["CRVAL1"], head["CRVAL2"] = 150.0, 2.2
head["CD1_1"], head["CD1_2"] = -s2 * np.cos(t), -s2 * np.sin(t)
head["CD2_1"], head["CD2_2"] = -s2 * np.sin(t), s2 * np.cos(t)
head["EQUINOX"], head["RADESYS"] = 2000.0, "ICRS"
with open(os.path.join(work, "coadd.head"), "w") as f:
    f.write(head.tostring(sep="\n", endcard=True, padding=False) + "\n")

subprocess.run(["SWarp", "frame.fits", "-c", "/dev/null", "-IMAGEOUT_NAME", "coadd.fits", "-WEIGHTOUT_NAME", "coadd.weight.fits",
                "-RESAMPLE", "Y", "-COMBINE", "N", "-RESAMPLING_TYPE", "LANCZOS3", "-OVERSAMPLING", "1",
                "-SUBTRACT_BACK", "N", "-FSCALASTRO_TYPE", "NONE", "-PROJECTION_ERR", "0.001", "-DELETE_TMPFILES", "N",
                "-WRITE_XML", "N", "-VERBOSE_TYPE", "QUIET", "-NTHREADS", "1", "-CELESTIAL_TYPE", "NATIVE", "-COPY_KEYWORDS", ""],
               cwd=work, check=True)
r = fits.open(os.path.join(work, "frame.resamp.fits"))
out = fits.PrimaryHDU(r[0].data.astype(np.float32), r[0].header)
out.writeto("frame.resamp.fits", overwrite=True)
w = fits.open(os.path.join(work, "frame.resamp.weight.fits"))
fits.PrimaryHDU(w[0].data.astype(np.float32), w[0].header).writeto("frame.resamp.weight.fits", overwrite=True)
print(r[0].data.shape, WCS(r[0].header))
