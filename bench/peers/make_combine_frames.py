#!/usr/bin/python3
"""Write N float32 frames for whole-process stack-combination timings (parallax combine vs ccdproc).

Usage: /usr/bin/python3 bench/peers/make_combine_frames.py OUTDIR [N=20] [SIZE=2048] [float32|uint16]

Each frame is SIZE x SIZE float32 (BITPIX -32, 16 MiB at 2048^2): a bias-like level of 1000 ADU with
a fixed column pattern, Gaussian read noise (sigma 5 ADU) and about 0.1% of pixels hit by
cosmic-ray-like outliers (+200 .. +20000 ADU), so rejection has work to do. EXPTIME = 0. The random
seed is fixed per frame index, so reruns give identical files. Do not commit the frames.
With uint16 the values are rounded and stored as BITPIX 16 with BZERO 32768 (a raw camera's format;
Siril reads floating-point FITS as values in [0, 1], so its comparison uses these).
"""
import os
import sys
import time

import numpy as np
from astropy.io import fits


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 2048
    as_uint16 = len(sys.argv) > 4 and sys.argv[4] == "uint16"
    os.makedirs(out, exist_ok=True)
    t0 = time.perf_counter()
    x = np.arange(size, dtype=np.float32)
    pattern = (1000.0 + 2.0 * np.sin(x / 17.0)).astype(np.float32)[np.newaxis, :]
    for i in range(n):
        rng = np.random.default_rng(5000 + i)
        data = pattern + rng.normal(0.0, 5.0, (size, size)).astype(np.float32)
        hits = rng.choice(size * size, size * size // 1000, replace=False)
        data.flat[hits] += rng.uniform(200.0, 20000.0, hits.size).astype(np.float32)
        h = fits.Header()
        h["IMAGETYP"] = ("Bias Frame", "type of image")
        h["EXPTIME"] = (0.0, "[s] exposure time")
        h["BUNIT"] = ("adu", "pixel unit")
        h["FRAMENUM"] = (i, "frame index")
        pixels = np.clip(np.rint(data), 0, 65535).astype(np.uint16) if as_uint16 else data.astype(np.float32)
        fits.PrimaryHDU(pixels, header=h).writeto(os.path.join(out, f"frame_{i:03d}.fits"), overwrite=True)
    print(f"wrote {n} frames of {size}x{size} {'uint16' if as_uint16 else 'float32'} to {out} in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
