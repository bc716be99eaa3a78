#!/usr/bin/env python3
"""Writes N small raw frames of Parallax's simulator imager (8x8 uint16, realistic header) into a
folder, for timing `parallax organise` against ccdproc's ImageFileCollection on the same files.
Usage: make_organise_folder.py OUTDIR [N]   (default N = 10000)"""
import os
import sys

import numpy as np
from astropy.io import fits

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
os.makedirs(out, exist_ok=True)
types = [("BIAS", 0.0), ("DARK", 300.0), ("FLAT", 5.0), ("OBJECT", 120.0)]
filters = ["B", "V", "R", "I"]
data = np.zeros((8, 8), dtype=np.uint16)
for i in range(n):
    imagetyp, exptime = types[i % 4]
    night, k = divmod(i, 400)
    h = fits.Header()
    h["INSTRUME"] = "PARALLAX-SIM-IMAGER"
    h["TELESCOP"] = "SIM-1M"
    h["IMAGETYP"] = imagetyp
    h["OBJECT"] = f"field {i % 7}" if imagetyp == "OBJECT" else ""
    h["EXPTIME"] = exptime
    h["FILTER"] = filters[(i // 4) % 4]
    h["XBINNING"] = 1
    h["YBINNING"] = 1
    h["READMODE"] = "normal"
    day = 1 + night % 28
    month = 1 + night // 28
    h["DATE-OBS"] = f"2024-{month:02d}-{day:02d}T{18 + k // 60:02d}:{k % 60:02d}:00"
    for j in range(40):  # the bulk of a real header: ~60 cards
        h[f"EXTRA{j:03d}"] = (j * 1.5, "filler card as real headers carry")
    fits.PrimaryHDU(data, h).writeto(os.path.join(out, f"frame_{i:05d}.fits"), overwrite=True)
print(f"wrote {n} frames to {out}")
