#!/usr/bin/python3
"""Peer timing: astropy reads each raw frame, converts it to float32 and writes a float32 FITS file.

Usage: /usr/bin/python3 bench/peers/astropy_read_write.py DIR OUTDIR

For every *.fits file in DIR (sorted): fits.open (default options: memmap, uint=True), take the
primary data (uint16 from BITPIX 16 + BZERO 32768), convert to float32 (np.asarray(data, float32)),
write OUTDIR/<name> as BITPIX -32 with the input header (BZERO/BSCALE/BLANK dropped, astropy sets
BITPIX/NAXIS), overwriting. The timed span covers all frames, open to close, and includes the
writes being handed to the OS (no fsync). Prints one JSON line:
  {"tool": "astropy", "version": ..., "frames": N, "seconds": total, "input_bytes": sum of input file
   sizes, "output_bytes": ..., "mb_per_s": input_bytes / 1e6 / seconds}
"""
import json
import os
import sys
import time

import numpy as np
import astropy
from astropy.io import fits


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    names = sorted(f for f in os.listdir(src) if f.endswith(".fits"))
    if not names:
        sys.exit(f"no .fits files in {src}")
    in_bytes = sum(os.path.getsize(os.path.join(src, f)) for f in names)
    t0 = time.perf_counter()
    for name in names:
        with fits.open(os.path.join(src, name)) as hdul:
            header = hdul[0].header.copy()
            data = np.asarray(hdul[0].data, dtype=np.float32)
        for key in ("BZERO", "BSCALE", "BLANK"):
            header.remove(key, ignore_missing=True)
        fits.PrimaryHDU(data, header=header).writeto(os.path.join(out, name), overwrite=True)
    seconds = time.perf_counter() - t0
    out_bytes = sum(os.path.getsize(os.path.join(out, f)) for f in names)
    print(json.dumps({"tool": "astropy", "version": astropy.__version__, "frames": len(names),
                      "seconds": round(seconds, 3), "input_bytes": in_bytes, "output_bytes": out_bytes,
                      "mb_per_s": round(in_bytes / 1e6 / seconds, 1)}))


if __name__ == "__main__":
    main()
