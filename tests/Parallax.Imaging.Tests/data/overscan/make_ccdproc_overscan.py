"""Peer results for the overscan tests (run: /usr/bin/python3 make_ccdproc_overscan.py [REAL_DATA_DIR]).

1. A small synthetic raw frame (synthetic_raw.fits, float32 72 x 50: data columns 3..58 with a row ramp,
   a cosmic ray in the overscan, overscan columns 61..72) and ccdproc.subtract_overscan + trim_image on it
   with mean, median and a degree-2 polynomial model -> ccdproc_overscan_results.fits (MEAN, MEDIAN, POLY2).
2. With the real SAAO 1 m frame (misc/ccdproc_a8280271_SAAO1m_STE3.fits under REAL_DATA_DIR, default
   /work/shared/data/real), ccdproc's median overscan + trim at sampled pixels -> saao_ccdproc_samples.json.
"""
import json
import os
import sys

import astropy
import ccdproc
import numpy as np
from astropy import units as u
from astropy.io import fits
from astropy.modeling import models
from astropy.nddata import CCDData

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(424242)

# --- synthetic frame -------------------------------------------------------------------------------
ny, nx = 50, 72
rows = np.arange(ny)[:, None]
bias = 1000.0 + 0.08 * rows + 3.0 * np.sin(rows / 9.0)
frame = np.broadcast_to(bias, (ny, nx)).copy()
frame[:, 2:58] += 200.0 + 5.0 * np.arange(56)[None, :]  # light in the data columns
frame += rng.normal(0, 4.0, frame.shape)
frame[17, 64] += 900.0  # a cosmic ray in the overscan
frame[30, 66] -= 60.0   # a low pixel in the overscan
frame = frame.astype(np.float32)
hdr = fits.Header()
hdr["BIASSEC"] = "[61:72,1:50]"
hdr["TRIMSEC"] = "[3:58,1:50]"
hdr["GAIN"] = 2.0
hdr["RDNOISE"] = 8.0
fits.PrimaryHDU(frame, hdr).writeto(os.path.join(here, "synthetic_raw.fits"), overwrite=True)

ccd = CCDData(frame.astype(np.float64), unit=u.adu, meta=hdr)
out = [fits.PrimaryHDU(header=fits.Header({"CCDPROC": ccdproc.__version__, "ASTROPY": astropy.__version__}))]
for name, kwargs in (("MEAN", {"median": False}), ("MEDIAN", {"median": True}),
                     ("POLY2", {"median": False, "model": models.Polynomial1D(2)})):
    sub = ccdproc.subtract_overscan(ccd, fits_section=hdr["BIASSEC"], overscan_axis=1, **kwargs)
    trimmed = ccdproc.trim_image(sub, fits_section=hdr["TRIMSEC"])
    out.append(fits.ImageHDU(trimmed.data, name=name))
fits.HDUList(out).writeto(os.path.join(here, "ccdproc_overscan_results.fits"), overwrite=True)

# --- real SAAO frame -----------------------------------------------------------------------------------
real = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/real"
path = os.path.join(real, "misc", "ccdproc_a8280271_SAAO1m_STE3.fits")
if os.path.exists(path):
    ccd = CCDData.read(path, unit=u.adu)
    biassec = ccd.header["BIASSEC"].replace(" ", "")
    trimsec = ccd.header["TRIMSEC"].replace(" ", "")
    sub = ccdproc.subtract_overscan(ccd, fits_section=biassec, overscan_axis=1, median=True)
    trimmed = ccdproc.trim_image(sub, fits_section=trimsec).data
    h, w = trimmed.shape
    ys = rng.integers(0, h, 400)
    xs = rng.integers(0, w, 400)
    samples = [[int(x), int(y), float(trimmed[y, x])] for x, y in zip(xs, ys)]
    samples += [[0, int(y), float(trimmed[y, 0])] for y in range(h)]  # column 0 of every row: the levels
    with open(os.path.join(here, "saao_ccdproc_samples.json"), "w") as f:
        json.dump({"ccdproc": ccdproc.__version__, "biassec": biassec, "trimsec": trimsec, "shape": [w, h],
                   "mean": float(trimmed.mean()), "samples": samples}, f)
else:
    print("SAAO frame not found; saao_ccdproc_samples.json not rewritten")
