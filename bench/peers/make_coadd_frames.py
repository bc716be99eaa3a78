"""Reduced, astrometrically solved frames for the coadd benchmark, written twice: as Parallax products and as plain images for SWarp.

Usage: /usr/bin/python3 bench/peers/make_coadd_frames.py OUTDIR [N=6] [SIZE=2048]
OUTDIR/px/frame_NN.fits: PRODCATG = 'REDUCED_IMAGE', SCI (electron, TAN WCS, EXPTIME 60), VAR (sky + signal), DQ (0).
OUTDIR/sw/frame_NN.fits: the same SCI as a primary image (SWarp weights it from its background, WEIGHT_TYPE BACKGROUND).
Each frame: sky 500 e + Poisson-like Gaussian noise, ~900 Gaussian stars from one sky catalog, 0.4"/px, dithered by up to
+-40" and rotated by up to +-0.3 deg, as a dithered sequence.
"""
import os
import sys

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 6
size = int(sys.argv[3]) if len(sys.argv) > 3 else 2048
os.makedirs(os.path.join(out, "px"), exist_ok=True)
os.makedirs(os.path.join(out, "sw"), exist_ok=True)
rng = np.random.default_rng(42)
scale = 0.4 / 3600.0
ra0, dec0 = 150.0, 2.2
half = size * scale / 2 + 60 / 3600.0
cat_ra = ra0 + rng.uniform(-half, half, 900) / np.cos(np.deg2rad(dec0))
cat_dec = dec0 + rng.uniform(-half, half, 900)
cat_flux = 10 ** rng.uniform(2.5, 5.5, 900)
for k in range(n):
    dx, dy = rng.uniform(-40, 40, 2) / 3600.0
    rot = np.deg2rad(rng.uniform(-0.3, 0.3))
    h = fits.Header()
    h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
    h["CRPIX1"], h["CRPIX2"] = (size + 1) / 2, (size + 1) / 2
    h["CRVAL1"], h["CRVAL2"] = ra0 + dx / np.cos(np.deg2rad(dec0)), dec0 + dy
    h["CD1_1"], h["CD1_2"] = -scale * np.cos(rot), -scale * np.sin(rot)
    h["CD2_1"], h["CD2_2"] = -scale * np.sin(rot), scale * np.cos(rot)
    h["RADESYS"], h["EQUINOX"] = "ICRS", 2000.0
    h["EXPTIME"], h["OBJECT"], h["FILTER"] = 60.0, "bench field", "V"
    w = WCS(h)
    img = np.full((size, size), 500.0)
    xs, ys = w.all_world2pix(cat_ra, cat_dec, 0)
    for x0, y0, f in zip(xs, ys, cat_flux):
        if not (-10 < x0 < size + 10 and -10 < y0 < size + 10):
            continue
        x1, x2 = max(0, int(x0) - 8), min(size, int(x0) + 9)
        y1, y2 = max(0, int(y0) - 8), min(size, int(y0) + 9)
        if x1 >= x2 or y1 >= y2:
            continue
        yy, xx = np.mgrid[y1:y2, x1:x2]
        img[y1:y2, x1:x2] += f / (2 * np.pi * 1.7**2) * np.exp(-((xx - x0) ** 2 + (yy - y0) ** 2) / (2 * 1.7**2))
    var = img + 25.0
    img = img + np.sqrt(var) * rng.standard_normal((size, size))
    primary = fits.Header()
    primary["PRODCATG"], primary["EXPTIME"], primary["OBJECT"], primary["FILTER"] = "REDUCED_IMAGE", 60.0, "bench field", "V"
    sci = h.copy()
    sci["EXTNAME"], sci["BUNIT"] = "SCI", "electron"
    fits.HDUList([fits.PrimaryHDU(header=primary), fits.ImageHDU(img.astype(np.float32), sci),
                  fits.ImageHDU(var.astype(np.float32), fits.Header([("EXTNAME", "VAR")])),
                  fits.ImageHDU(np.zeros((size, size), np.uint16), fits.Header([("EXTNAME", "DQ")]))]).writeto(os.path.join(out, "px", f"frame_{k:02d}.fits"), overwrite=True)
    fits.PrimaryHDU(img.astype(np.float32), h).writeto(os.path.join(out, "sw", f"frame_{k:02d}.fits"), overwrite=True)
print(f"{n} frames of {size}x{size} in {out}/px and {out}/sw")
