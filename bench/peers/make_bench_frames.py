#!/usr/bin/python3
"""Write N synthetic raw CCD frames for whole-process read/convert/write timings.

Usage: /usr/bin/python3 bench/peers/make_bench_frames.py OUTDIR [N=20] [SIZE=4096]

Each frame is SIZE x SIZE uint16 stored the usual way for raw CCD data: BITPIX = 16, BZERO = 32768,
BSCALE = 1 (astropy writes numpy uint16 like that), about 32 MiB of data per 4096^2 frame, so the
default 20 frames take about 640 MiB. Pixels: bias level 1000 ADU + a smooth sky (~800 ADU with a
gradient) + a few hundred Gaussian stars, Poisson noise on the sky and stars plus 8 ADU read noise,
clipped to 0..65535 (a few saturated star cores). Headers carry a realistic set of keywords
(IMAGETYP, EXPTIME, DATE-OBS, FILTER, GAIN, RDNOISE, OBJECT, ...). The random seed is fixed per
frame index, so reruns give identical files. Do not commit the frames.
"""
import os
import sys
import time

import numpy as np
from astropy.io import fits


def sky_model(size, rng):
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    model = 800.0 + 150.0 * x + 60.0 * y  # gradient across the field
    n_stars = 400
    xs, ys = rng.uniform(20, size - 20, n_stars), rng.uniform(20, size - 20, n_stars)
    peaks = 10 ** rng.uniform(2.0, 5.0, n_stars)  # some saturate after adding bias+sky
    sigma = 2.2
    r = int(6 * sigma)
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    for x0, y0, p in zip(xs, ys, peaks):
        ix, iy = int(x0), int(y0)
        stamp = p * np.exp(-((xx + ix - x0) ** 2 + (yy + iy - y0) ** 2) / (2 * sigma ** 2))
        model[iy - r:iy + r + 1, ix - r:ix + r + 1] += stamp.astype(np.float32)
    return model


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 4096
    os.makedirs(out, exist_ok=True)
    t0 = time.perf_counter()
    model = sky_model(size, np.random.default_rng(1))
    for i in range(n):
        rng = np.random.default_rng(1000 + i)
        electrons = rng.poisson(model).astype(np.float32)
        adu = 1000.0 + electrons + rng.normal(0.0, 8.0, model.shape).astype(np.float32)
        data = np.clip(np.rint(adu), 0, 65535).astype(np.uint16)
        hdu = fits.PrimaryHDU(data)
        h = hdu.header
        h["IMAGETYP"] = ("Light Frame", "type of image")
        h["OBJECT"] = ("BENCH FIELD", "synthetic benchmark frame")
        h["EXPTIME"] = (300.0, "[s] exposure time")
        h["DATE-OBS"] = (f"2025-06-25T03:{i // 60 % 60:02d}:{i % 60:02d}", "UTC start of exposure")
        h["FILTER"] = ("R", "filter name")
        h["GAIN"] = (1.0, "[e-/ADU]")
        h["RDNOISE"] = (8.0, "[ADU] read noise")
        h["CCD-TEMP"] = (-20.0, "[C] detector temperature")
        h["INSTRUME"] = ("BENCH CAM", "synthetic camera")
        h["FRAMENUM"] = (i, "frame index")
        hdu.writeto(os.path.join(out, f"frame_{i:03d}.fits"), overwrite=True)
    print(f"wrote {n} frames of {size}x{size} uint16 to {out} in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
