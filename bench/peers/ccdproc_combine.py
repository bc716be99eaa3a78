#!/usr/bin/python3
"""Time ccdproc.combine on a folder of frames: the peer of `parallax combine`.

Usage: /usr/bin/python3 bench/peers/ccdproc_combine.py INDIR OUT.fits JOB [MEM_LIMIT=16e9]

JOB is one of
  median          combine(files, method='median')
  median-sigclip  combine(files, method='median', sigma_clip=True, sigma_clip_low_thresh=3,
                  sigma_clip_high_thresh=3, sigma_clip_func='median', sigma_clip_dev_func='std')
  mean-sigclip    the same with method='average'
(ccdproc 2.4's sigma clipping is one astropy sigma_clip pass: compare with parallax --maxiters 1.)
Timed from the call until the output file is written, in one Python process, after imports.
Prints one line: job, frames, seconds. CCDPROC_DTYPE=float32 in the environment makes ccdproc combine
in float32 (its dtype argument) instead of its default float64. MEM_LIMIT is ccdproc's mem_limit in bytes (its default,
16e9, keeps 20 x 2048^2 in one chunk; smaller values make it re-read every file once per chunk).
"""
import glob
import os
import sys
import time

import numpy as np
from ccdproc import combine


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    indir, out, job = sys.argv[1], sys.argv[2], sys.argv[3]
    mem_limit = float(sys.argv[4]) if len(sys.argv) > 4 else 16e9
    files = sorted(glob.glob(os.path.join(indir, "*.fits")))
    dtype = np.float32 if os.environ.get("CCDPROC_DTYPE") == "float32" else None  # None: ccdproc default, float64
    kw = dict(unit="adu", mem_limit=mem_limit, output_file=out, overwrite_output=True, dtype=dtype)
    clip = dict(sigma_clip=True, sigma_clip_low_thresh=3, sigma_clip_high_thresh=3,
                sigma_clip_func="median", sigma_clip_dev_func="std")
    t0 = time.perf_counter()
    if job == "median":
        combine(files, method="median", **kw)
    elif job == "median-sigclip":
        combine(files, method="median", **clip, **kw)
    elif job == "mean-sigclip":
        combine(files, method="average", **clip, **kw)
    else:
        sys.exit(f"unknown job {job}")
    print(f"ccdproc {job}: {len(files)} frames, {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
