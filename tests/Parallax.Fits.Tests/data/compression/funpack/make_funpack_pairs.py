#!/usr/bin/python3
"""Builds whole-file pairs for the compressed-image reader tests: <case>.fits.fz written by fpack
and <case>.funpacked.fits, the same file decompressed by funpack (CFITSIO, the reference
implementation of the tiled image convention). The reader must return, from the .fz file, the
values and headers funpack wrote; the plain reader that checks the .funpacked.fits side is itself
checked against astropy by the reference vectors.

Cases (each chosen for something the data/vectors and the per-tile vectors do not cover):
  plio_u16      PLIO_1 tiles of an unsigned 16-bit mask (BZERO 32768): CFITSIO stores them offset by
                +32768; astropy 5.2.1 gets this wrong (1920 of 1920 non-zero pixels), funpack is right
  cube_rice_3d  an int16 cube in the primary HDU, RICE_1 with 3-D tiles 16x12x2 (edge tiles on every
                axis); fpack moves it to extension 1 with ZSIMPLE, funpack restores it as the primary
  fq_nan_rows   quantised float32 (q 4, SUBTRACTIVE_DITHER_1, seed 42) with an all-NaN row, a constant
                row and exact zeros
  mef_tables    a product-like MEF: primary header only, SCI float32 (quantised), a binary table, an
                ASCII table, DQ uint16 (RICE_1): fpack compresses the images and copies the tables

Run from anywhere:  /usr/bin/python3 make_funpack_pairs.py   (needs numpy, astropy, fpack, funpack)
fpack/funpack run with -C, so no timestamped CHECKSUM comments: the output is the same on every run.
"""
import os
import subprocess
import tempfile

import numpy as np
from astropy.io import fits

OUT = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20261125)


def plio_u16():
    m = np.zeros((30, 64), dtype=np.uint16)
    m[5:9, 10:50] = 4096
    m[12, :] = 300
    m[20:25, 30:33] = 1
    m[26:29, :] = RNG.integers(0, 2000, (3, 64))
    h = fits.Header()
    h["EXTNAME"] = "DQ"
    h["BUNIT"] = "flags"
    return fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(m, header=h)])


def cube_rice_3d():
    c = (RNG.normal(500.0, 40.0, (5, 30, 40))).round().astype(np.int16)
    c[2, 10:14, :] = -32768
    c[4, :, 39] = 32767
    h = fits.Header()
    h["OBJECT"] = "cube"
    h["CTYPE3"] = "WAVE"
    h["CRVAL3"] = 5000.0
    h["CDELT3"] = 2.5
    h.add_history("a cube with 3-D tiles")
    return fits.HDUList([fits.PrimaryHDU(c, header=h)])


def fq_nan_rows():
    f = (250.0 + RNG.normal(0.0, 12.0, (24, 80))).astype(np.float32)
    f[3, :] = np.nan
    f[7, :] = 17.25
    f[11, 5:40] = 0.0
    f[15, 60] = np.nan
    h = fits.Header()
    h["EXTNAME"] = "SCI"
    return fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(f, header=h)])


def mef_tables():
    primary = fits.PrimaryHDU()
    primary.header["INSTRUME"] = "TESTCAM"
    primary.header["EXPTIME"] = 30.0
    sci = fits.ImageHDU((1000.0 + RNG.normal(0.0, 15.0, (32, 48))).astype(np.float32), name="SCI")
    table = fits.BinTableHDU.from_columns([
        fits.Column(name="ID", format="J", array=np.arange(7)),
        fits.Column(name="FLUX", format="E", unit="adu", array=RNG.normal(0.0, 1.0, 7).astype(np.float32)),
        fits.Column(name="NAME", format="8A", array=[f"star{i}" for i in range(7)]),
        fits.Column(name="SPEC", format="PE()", array=[np.arange(i, dtype=np.float32) for i in range(7)]),
    ], name="CAT")
    ascii = fits.TableHDU.from_columns([
        fits.Column(name="X", format="F8.3", array=np.linspace(0.0, 9.5, 5)),
        fits.Column(name="LABEL", format="A6", array=["a", "bb", "ccc", "dddd", "eeeee"]),
    ], name="NOTES")
    dq = fits.ImageHDU(np.where(RNG.random((32, 48)) < 0.05, 4, 0).astype(np.uint16), name="DQ")
    return fits.HDUList([primary, sci, table, ascii, dq])


CASES = [
    ("plio_u16", plio_u16, ["-p"]),
    ("cube_rice_3d", cube_rice_3d, ["-r", "-t", "16,12,2"]),
    ("fq_nan_rows", fq_nan_rows, ["-q42", "4"]),
    ("mef_tables", mef_tables, ["-q42", "4"]),
]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, build, args in CASES:
            src = os.path.join(tmp, name + ".fits")
            build().writeto(src, overwrite=True)
            packed = os.path.join(OUT, name + ".fits.fz")
            unpacked = os.path.join(OUT, name + ".funpacked.fits")
            for path in (packed, unpacked):
                if os.path.exists(path):
                    os.remove(path)
            subprocess.run(["fpack", "-C"] + args + ["-O", packed, src], check=True)
            subprocess.run(["funpack", "-C", "-O", unpacked, packed], check=True)
            print(name, os.path.getsize(packed), os.path.getsize(unpacked))


if __name__ == "__main__":
    main()
