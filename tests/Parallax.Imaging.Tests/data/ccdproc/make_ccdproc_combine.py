#!/usr/bin/python3
"""Small FITS stacks and ccdproc.combine's results on them, for Parallax's StackCombiner tests.

Usage (from the repository root; needs Debian's python3-ccdproc):
    /usr/bin/python3 tests/Parallax.Imaging.Tests/data/ccdproc/make_ccdproc_combine.py

Writes, next to this script:
  bias_NN.fits   12 frames, 48 x 32 float32: level 500 + fixed pattern + Gaussian noise (sigma 4),
                 with cosmic-ray-like hits (+150 .. +3000) and a few low outliers (-300) injected.
  flat_NN.fits   8 frames, 48 x 32 float32: the same illumination pattern at levels 8000 .. 12000
                 (Poisson-like noise), a few hits.
  ccdproc_results.fits  one float64 image extension per ccdproc.combine call (EXTNAME below),
                 with the call written in the extension's CALL card.

The calls (ccdproc 2.4 sigma clipping is one pass: astropy sigma_clip with maxiters=1):
  MEDIAN        combine(bias, method='median')
  SIGCLIP_MEAN  combine(bias, method='average', sigma_clip=True, low/high 3, func='median', dev_func='std')
  SIGCLIP_MAD   combine(bias, method='average', sigma_clip=True, low 2.5 high 3, func='median', dev_func='mad_std')
  EXTREMA_MEAN  combine(bias, method='average', clip_extrema=True, nlow=1, nhigh=2)
  SCALED_MEDIAN combine(flat, method='median', scale=mean(m)/m_i) with m_i = np.median(flat_i)
"""
import os

import numpy as np
from astropy.io import fits
import ccdproc
from ccdproc import combine

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPE = (32, 48)


def write(name, data):
    fits.PrimaryHDU(data.astype(np.float32), header=fits.Header({"EXPTIME": 0.0, "BUNIT": "adu"})).writeto(
        os.path.join(HERE, name), overwrite=True)


def main():
    rng = np.random.default_rng(1012)
    y, x = np.mgrid[0:SHAPE[0], 0:SHAPE[1]]
    pattern = 3.0 * np.sin(x / 5.0) + 0.05 * y
    bias = []
    for i in range(12):
        d = 500.0 + pattern + rng.normal(0, 4.0, SHAPE)
        hits = rng.choice(d.size, 12, replace=False)
        d.flat[hits] += rng.uniform(150, 3000, hits.size)
        lows = rng.choice(d.size, 2, replace=False)
        d.flat[lows] -= 300.0
        name = f"bias_{i:02d}.fits"
        write(name, d)
        bias.append(os.path.join(HERE, name))
    illumination = 1.0 + 0.1 * (x - 24) / 24 - 0.05 * ((y - 16) / 16) ** 2
    flats = []
    levels = [8000, 9000, 10000, 11000, 12000, 9500, 10500, 8500]
    for i, level in enumerate(levels):
        signal = level * illumination
        d = signal + rng.normal(0, 1, SHAPE) * np.sqrt(signal)
        hits = rng.choice(d.size, 5, replace=False)
        d.flat[hits] += rng.uniform(500, 5000, hits.size)
        name = f"flat_{i:02d}.fits"
        write(name, d)
        flats.append(os.path.join(HERE, name))

    kw = dict(unit="adu")
    results = [
        ("MEDIAN", "combine(bias, method='median')", combine(bias, method="median", **kw)),
        ("SIGCLIP_MEAN", "combine(bias, method='average', sigma_clip=True, sigma_clip_low_thresh=3, sigma_clip_high_thresh=3, "
                         "sigma_clip_func='median', sigma_clip_dev_func='std')",
         combine(bias, method="average", sigma_clip=True, sigma_clip_low_thresh=3, sigma_clip_high_thresh=3,
                 sigma_clip_func="median", sigma_clip_dev_func="std", **kw)),
        ("SIGCLIP_MAD", "combine(bias, method='average', sigma_clip=True, sigma_clip_low_thresh=2.5, sigma_clip_high_thresh=3, "
                        "sigma_clip_func='median', sigma_clip_dev_func='mad_std')",
         combine(bias, method="average", sigma_clip=True, sigma_clip_low_thresh=2.5, sigma_clip_high_thresh=3,
                 sigma_clip_func="median", sigma_clip_dev_func="mad_std", **kw)),
        ("EXTREMA_MEAN", "combine(bias, method='average', clip_extrema=True, nlow=1, nhigh=2)",
         combine(bias, method="average", clip_extrema=True, nlow=1, nhigh=2, **kw)),
    ]
    medians = np.array([np.median(fits.getdata(f).astype(np.float64)) for f in flats])
    scale = medians.mean() / medians
    results.append(("SCALED_MEDIAN", "combine(flat, method='median', scale=mean(m)/m) with m = np.median of each flat",
                    combine(flats, method="median", scale=scale, **kw)))

    primary = fits.Header()
    primary["CCDPROC"] = (ccdproc.__version__, "ccdproc version")
    primary["NUMPY"] = (np.__version__, "numpy version")
    hdus = [fits.PrimaryHDU(header=primary)]
    for extname, call, ccd in results:
        h = fits.Header()
        h["EXTNAME"] = extname
        h["CALL"] = call
        hdus.append(fits.ImageHDU(np.asarray(ccd.data, dtype=np.float64), header=h))
    fits.HDUList(hdus).writeto(os.path.join(HERE, "ccdproc_results.fits"), overwrite=True)
    print("scales:", scale)
    print(f"wrote {len(bias)} bias, {len(flats)} flat frames and {len(results)} ccdproc results to {HERE}")


if __name__ == "__main__":
    main()
