#!/usr/bin/python3
"""Builds the tile-compression test vectors used by tests/Parallax.Fits.Tests/Compression.

Independent truth: every compressed file is written by CFITSIO (`fpack`) or by astropy
(`fits.CompImageHDU`, which compresses through CFITSIO), and every expected value comes from
astropy's decompression, cross-checked against `funpack` (and, for lossless cases, against the
original numpy array).

For each case this writes:
  <case>.fits.fz          the whole compressed file (kept for later whole-file readers)
  <case>.tiles.bin        the raw heap bytes of a few tiles' compressed column, concatenated
  <case>.expected.bin     the decoded pixels of those tiles, little-endian int32 or float32
  <case>.json             the header facts and, per tile, offsets, lengths, ZSCALE/ZZERO/ZBLANK

Run from anywhere:  /usr/bin/python3 make_compression_vectors.py
Needs: numpy, astropy, fpack and funpack (Debian: python3-astropy, libcfitsio-bin).
"""
import json
import os
import subprocess
import tempfile

import numpy as np
from astropy.io import fits

OUT = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20261125)


# ---------------------------------------------------------------- images

def stars(img, spec):
    ny, nx = img.shape
    y, x = np.mgrid[0:ny, 0:nx]
    for cy, cx, amp, sigma in spec:
        img += amp * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2.0 * sigma * sigma))
    return img


def sky_i16(ny=96, nx=200):
    img = 1000.0 + RNG.normal(0.0, 30.0, (ny, nx))
    img = stars(img, [(20, 50, 25000, 1.5), (60, 150, 8000, 3.0), (88, 120, 30000, 1.0)])
    img[30:36, :] = 1234.0                                   # constant: low-entropy Rice blocks
    img[40:44, :] = RNG.integers(-32768, 32768, (4, nx))     # full range: high-entropy blocks
    img[70:74, 100:180] = -500.0 + RNG.normal(0.0, 5.0, (4, 80))
    return np.clip(np.rint(img), -32768, 32767).astype(np.int16)


def pattern_u8(ny=48, nx=160):
    y, x = np.mgrid[0:ny, 0:nx]
    img = ((x + 2 * y) % 256).astype(np.float64)
    img[10:20] = 128.0 + RNG.normal(0.0, 6.0, (10, nx))
    img[20:24] = 0.0
    img[24:28] = RNG.integers(0, 256, (4, nx))
    img[28:32] = 255.0
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def wide_i32(ny=64, nx=160, full_range=True):
    img = 1_000_000.0 + RNG.normal(0.0, 300.0, (ny, nx))
    img = stars(img, [(15, 40, 2.0e8, 1.2), (50, 120, 5.0e6, 2.5)])
    if full_range:
        img[8:12] = RNG.integers(-2**31, 2**31, (4, nx))     # differences overflow 32 bits
    img[20:23] = 7.0
    img[30:34] = -50_000_000.0 + RNG.normal(0.0, 20.0, (4, nx))
    return np.clip(np.rint(img), -2**31, 2**31 - 1).astype(np.int32)


def sky_f32(ny=80, nx=160):
    img = 250.0 + RNG.normal(0.0, 12.0, (ny, nx))
    img = stars(img, [(12, 30, 9000.0, 1.3), (45, 100, 3000.0, 2.2)])
    img = img.astype(np.float32)
    img[5, 10:20] = np.nan
    img[50:52, 100:103] = np.nan
    img[RNG.integers(0, ny, 20), RNG.integers(0, nx, 20)] = np.nan
    img[70:72, 0:80] = 0.0                                   # exact zeros: SUBTRACTIVE_DITHER_2
    return img


def mask_i16(ny=64, nx=256):
    m = np.zeros((ny, nx), np.int16)
    m[4:20, 10:60] = 1
    m[8:12, 30:40] = 3
    m[25:30, 0:256] = 7
    m[33, 5] = 2          # single pixels: the one-pixel opcodes
    m[33, 6] = 9
    m[33, 7] = 4
    m[40:50, 100:200] = 4000
    m[44:46, 150:160] = 9000   # jump > 4095: the two-word set-high opcode
    m[55:60, 200:256] = 32767
    return m


def mask_i32(ny=48, nx=128):
    m = np.zeros((ny, nx), np.int32)
    m[2:10, 5:50] = 100
    m[12:20, 60:120] = 1_000_000
    m[14:16, 70:72] = 1_000_001
    m[30:40, 0:128] = 5000
    m[42, 3] = 250_000
    return m


# ---------------------------------------------------------------- writing

def write_plain(path, data):
    fits.PrimaryHDU(data).writeto(path, overwrite=True)


def fpack(args, data, name, tmp):
    src = os.path.join(tmp, name + ".fits")
    write_plain(src, data)
    dst = os.path.join(OUT, name + ".fits.fz")
    if os.path.exists(dst):
        os.remove(dst)
    subprocess.run(["fpack"] + args + ["-O", dst, src], check=True)
    return "fpack " + " ".join(args)


def astropy_compress(kwargs, data, name, header_values=None):
    dst = os.path.join(OUT, name + ".fits.fz")
    hdu = fits.CompImageHDU(data, **kwargs)
    for key, value in (header_values or {}).items():
        # astropy 5.2 has no argument for Rice's BLOCKSIZE; CFITSIO takes it from ZVAL1
        hdu._header[key] = value
    fits.HDUList([fits.PrimaryHDU(), hdu]).writeto(dst, overwrite=True)
    said = "astropy.io.fits.CompImageHDU(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
    if header_values:
        said += " with compressed header " + ", ".join(f"{k}={v!r}" for k, v in header_values.items())
    return said


# ---------------------------------------------------------------- decoding truth

def decoded_by_astropy(path):
    with fits.open(path) as f:
        return np.array(f[1].data)


def decoded_by_funpack(path, tmp):
    out = os.path.join(tmp, "funpacked.fits")
    if os.path.exists(out):
        os.remove(out)
    subprocess.run(["funpack", "-O", out, path], check=True)
    with fits.open(out) as f:
        hdu = f[0] if f[0].data is not None else f[1]
        return np.array(hdu.data)


def same(a, b):
    """Bit-exact equality, except that any NaN equals any NaN (CFITSIO writes its own NaN pattern)."""
    if a.shape != b.shape:
        return False
    if a.dtype.kind == "f":
        a64, b64 = a.astype(np.float64), b.astype(np.float64)
        nan_a, nan_b = np.isnan(a64), np.isnan(b64)
        return np.array_equal(nan_a, nan_b) and np.array_equal(a64[~nan_a], b64[~nan_b])
    return np.array_equal(a.astype(np.int64), b.astype(np.int64))


# ---------------------------------------------------------------- tile extraction

def tile_grid(h):
    naxis = [h[f"ZNAXIS{i}"] for i in range(1, h["ZNAXIS"] + 1)]
    tile = [h.get(f"ZTILE{i}", naxis[0] if i == 1 else 1) for i in range(1, h["ZNAXIS"] + 1)]
    counts = [(n + t - 1) // t for n, t in zip(naxis, tile)]
    return naxis, tile, counts


def tile_index_for(h, row, col):
    naxis, tile, counts = tile_grid(h)
    return (row // tile[1]) * counts[0] + col // tile[0]


def tile_bounds(h, index):
    naxis, tile, counts = tile_grid(h)
    tx, ty = index % counts[0], index // counts[0]
    x0, y0 = tx * tile[0], ty * tile[1]
    x1, y1 = min(x0 + tile[0], naxis[0]), min(y0 + tile[1], naxis[1])
    return x0, x1, y0, y1


def heap_bytes(value, tform):
    """The bytes exactly as they sit in the FITS heap (big-endian)."""
    code = tform.strip().lstrip("0123456789")[1]          # 'PB(..)' -> 'B'
    dtype = {"B": ">u1", "I": ">i2", "J": ">i4", "K": ">i8", "E": ">f4", "D": ">f8"}[code]
    return np.asarray(value).astype(dtype).tobytes(), code


def extract(name, source, feature_pixels, expected_image, notes=""):
    path = os.path.join(OUT, name + ".fits.fz")
    with fits.open(path, disable_image_compression=True) as f:
        table = f[1]
        h = table.header
        data = table.data
        names = [c.name for c in table.columns]
        naxis, tile, counts = tile_grid(h)
        ntiles = counts[0] * counts[1]
        # the tiles holding the image's features first, then first/last/middle tiles while
        # the expected pixels stay small (the committed data must stay small)
        chosen = []
        budget = 6000
        for index in [tile_index_for(h, r, c) for r, c in feature_pixels] + [0, ntiles - 1, ntiles // 2, 1]:
            x0, x1, y0, y1 = tile_bounds(h, index)
            size = (x1 - x0) * (y1 - y0)
            if index in chosen or (len(chosen) >= 2 and size > budget):
                continue
            chosen.append(index)
            budget -= size
        chosen.sort()

        zparams = {}
        for i in range(1, 10):
            if f"ZNAME{i}" in h:
                zparams[h[f"ZNAME{i}"].strip()] = h[f"ZVAL{i}"]

        tiles_blob = bytearray()
        expected_blob = bytearray()
        tiles = []
        is_float = expected_image.dtype.kind == "f"
        for index in chosen:
            row = data[index]
            column = None
            for candidate in ("COMPRESSED_DATA", "UNCOMPRESSED_DATA", "GZIP_COMPRESSED_DATA"):
                if candidate in names and len(row[candidate]) > 0:
                    column = candidate
                    break
            tform = h[f"TFORM{names.index(column) + 1}"]
            raw, code = heap_bytes(row[column], tform)
            x0, x1, y0, y1 = tile_bounds(h, index)
            pixels = expected_image[y0:y1, x0:x1]
            values = pixels.astype("<f4") if is_float else pixels.astype("<i4")
            entry = {
                "row": index + 1,
                "column": column,
                "column_type": code,
                "offset": len(tiles_blob),
                "length": len(raw),
                "width": x1 - x0,
                "height": y1 - y0,
                "expected_offset": len(expected_blob),
            }
            for col in ("ZSCALE", "ZZERO", "ZBLANK"):
                if col in names:
                    entry[col.lower()] = row[col].item()
            tiles.append(entry)
            tiles_blob += raw
            expected_blob += values.tobytes()

        meta = {
            "case": name,
            "source": source,
            "notes": notes,
            "zcmptype": h["ZCMPTYPE"].strip(),
            "zbitpix": h["ZBITPIX"],
            "znaxis": naxis,
            "ztile": tile,
            "params": zparams,
            "zquantiz": h.get("ZQUANTIZ"),
            "zdither0": h.get("ZDITHER0"),
            "zblank": h.get("ZBLANK"),
            "expected_type": "float32" if is_float else "int32",
            "tiles_file": name + ".tiles.bin",
            "expected_file": name + ".expected.bin",
            "tiles": tiles,
        }
    with open(os.path.join(OUT, name + ".tiles.bin"), "wb") as fh:
        fh.write(tiles_blob)
    with open(os.path.join(OUT, name + ".expected.bin"), "wb") as fh:
        fh.write(expected_blob)
    with open(os.path.join(OUT, name + ".json"), "w") as fh:
        json.dump(meta, fh, indent=1)
        fh.write("\n")


def quantisation_steps(path):
    with fits.open(path, disable_image_compression=True) as f:
        return np.asarray(f[1].data["ZSCALE"])


def case(name, source, original, features, tmp, lossless):
    path = os.path.join(OUT, name + ".fits.fz")
    hcompress_float = original.dtype.kind == "f" and "HCOMPRESS" in fits.getheader(path, 1, disable_image_compression=True)["ZCMPTYPE"]
    by_funpack = decoded_by_funpack(path, tmp)
    if source.startswith("fpack -d"):
        # astropy 5.2 cannot read NOCOMPRESS tiles; funpack is the truth there
        truth, said = by_funpack, "expected = funpack decode"
    else:
        by_astropy = decoded_by_astropy(path)
        truth, said = by_astropy, "expected = astropy decode, equal to funpack"
        if not same(by_astropy, by_funpack):
            # astropy 5.2 skips the ZBLANK keyword of quantised float images and turns blank
            # pixels into finite numbers; CFITSIO (funpack) restores NaN as the convention says.
            # Accept that one difference only, and take funpack's NaNs.
            blank = np.isnan(by_funpack.astype(np.float64))
            if by_funpack.dtype.kind == "f" and same(by_astropy[~blank], by_funpack[~blank]):
                truth = by_funpack
                said = ("expected = funpack decode; astropy 5.2 agrees bit for bit except at ZBLANK pixels, "
                        "which it does not restore to NaN")
            elif hcompress_float:
                # funpack of libcfitsio 4.2.0 decodes HCOMPRESS tiles of quantised floats wrongly
                # (errors of thousands of ADU); astropy's decode stays within one quantisation step
                # of the original.  Take astropy's values, with NaN where the original is NaN
                # (those pixels hold ZBLANK, which astropy 5.2 does not restore).
                blank = np.isnan(original)
                step = float(np.max(quantisation_steps(path)))
                error = np.abs(by_astropy.astype(np.float64) - original.astype(np.float64))[~blank]
                if not np.all(error <= step):
                    raise SystemExit(f"{name}: astropy decode is not within one step of the original")
                truth = by_astropy.copy()
                truth[blank] = np.nan
                said = ("expected = astropy decode with NaN at the original's NaN pixels (ZBLANK); "
                        "funpack 4.2 decodes HCOMPRESS float tiles wrongly, astropy is within one "
                        "quantisation step of the original")
            else:
                raise SystemExit(f"{name}: astropy and funpack disagree")
    if lossless:
        if not same(truth, original.astype(truth.dtype)):
            raise SystemExit(f"{name}: lossless case does not round-trip")
        said += " and to the original"
    extract(name, source, features, truth, said)


def main():
    i16 = sky_i16()
    u8 = pattern_u8()
    i32 = wide_i32()
    i32_sky = wide_i32(full_range=False)
    f32 = sky_f32()
    # astropy 5.2 writes quantised NaN pixels without ZBLANK, so its files get an image without NaN
    f32_finite = np.where(np.isnan(f32), np.float32(250.0), f32)
    m16 = mask_i16()
    m32 = mask_i32()

    i16_features = [(20, 50), (30, 0), (41, 10), (72, 120), (88, 120)]
    u8_features = [(15, 0), (22, 0), (25, 0), (30, 0)]
    i32_features = [(9, 0), (15, 40), (21, 0), (31, 0)]
    f32_features = [(5, 12), (12, 30), (50, 101), (70, 10), (71, 150)]
    m16_features = [(10, 35), (27, 0), (33, 6), (45, 155), (57, 230)]
    m32_features = [(5, 10), (15, 71), (35, 0), (42, 3)]

    with tempfile.TemporaryDirectory() as tmp:
        # RICE_1, one tile per row (fpack's default), BYTEPIX 1, 2 and 4
        case("rice_i16", fpack(["-r"], i16, "rice_i16", tmp), i16, i16_features, tmp, True)
        case("rice_u8", fpack(["-r"], u8, "rice_u8", tmp), u8, u8_features, tmp, True)
        case("rice_i32", fpack(["-r"], i32, "rice_i32", tmp), i32, i32_features, tmp, True)
        case("rice_i16_bs16", astropy_compress(dict(compression_type="RICE_1"), i16, "rice_i16_bs16", {"ZVAL1": 16}),
             i16, i16_features, tmp, True)
        case("rice_i16_2d", fpack(["-r", "-t", "64,24"], i16, "rice_i16_2d", tmp), i16, i16_features, tmp, True)

        # GZIP_1 / GZIP_2 on every integer width and on lossless floats
        case("gzip1_i16", fpack(["-g1", "-t", "100,16"], i16, "gzip1_i16", tmp), i16, i16_features, tmp, True)
        case("gzip2_i16", fpack(["-g2"], i16, "gzip2_i16", tmp), i16, i16_features, tmp, True)
        case("gzip1_u8", fpack(["-g1"], u8, "gzip1_u8", tmp), u8, u8_features, tmp, True)
        case("gzip2_i32", fpack(["-g2"], i32, "gzip2_i32", tmp), i32, i32_features, tmp, True)
        case("gzip2_f32_lossless", fpack(["-g2", "-q", "0"], f32, "gzip2_f32_lossless", tmp), f32, f32_features, tmp, True)
        case("gzip1_f32_lossless", fpack(["-g1", "-q", "0"], f32, "gzip1_f32_lossless", tmp), f32, f32_features, tmp, True)

        # HCOMPRESS_1: lossless 16 and 32 bit, lossy with relative and absolute scale, smoothing
        case("hcomp_i16", fpack(["-h", "-t", "100,16"], i16, "hcomp_i16", tmp), i16, i16_features, tmp, True)
        case("hcomp_i32", fpack(["-h", "-t", "80,16"], i32_sky, "hcomp_i32", tmp), i32_sky, i32_features, tmp, True)
        case("hcomp_i32_full", fpack(["-h", "-t", "32,8"], i32, "hcomp_i32_full", tmp), i32, i32_features, tmp, True)
        case("hcomp_i16_s4", fpack(["-h", "-s", "4", "-t", "100,16"], i16, "hcomp_i16_s4", tmp), i16, i16_features, tmp, False)
        case("hcomp_i16_abs", fpack(["-h", "-s", "-25", "-t", "50,13"], i16, "hcomp_i16_abs", tmp), i16, i16_features, tmp, False)
        case("hcomp_i16_smooth", astropy_compress(dict(compression_type="HCOMPRESS_1", tile_size=(100, 16),
                                                       hcomp_scale=3, hcomp_smooth=True), i16, "hcomp_i16_smooth"),
             i16, i16_features, tmp, False)

        # PLIO_1
        case("plio_i16", fpack(["-p", "-t", "256,32"], m16, "plio_i16", tmp), m16, m16_features, tmp, True)
        case("plio_i32", astropy_compress(dict(compression_type="PLIO_1", tile_size=(128, 4)), m32, "plio_i32"),
             m32, m32_features, tmp, True)

        # NOCOMPRESS
        case("nocompress_i16", fpack(["-d"], i16, "nocompress_i16", tmp), i16, i16_features, tmp, True)

        # Quantised floats: every dither mode, several codecs, seeds that wrap past 10000
        case("fq_rice_sd1", fpack(["-q123", "4"], f32, "fq_rice_sd1", tmp), f32, f32_features, tmp, False)
        case("fq_rice_sd2", fpack(["-qz77", "4"], f32, "fq_rice_sd2", tmp), f32, f32_features, tmp, False)
        case("fq_rice_nodither", fpack(["-q0", "4"], f32, "fq_rice_nodither", tmp), f32, f32_features, tmp, False)
        case("fq_gzip1_sd1_wrap", fpack(["-g1", "-q9990", "8"], f32, "fq_gzip1_sd1_wrap", tmp), f32, f32_features, tmp, False)
        case("fq_hcomp_sd1", fpack(["-h", "-q5", "4", "-t", "40,20"], f32, "fq_hcomp_sd1", tmp), f32, f32_features, tmp, False)
        case("fq_gzip2_sd2", astropy_compress(dict(compression_type="GZIP_2", quantize_level=16.0,
                                                    quantize_method=2, dither_seed=5000), f32_finite,
                                              "fq_gzip2_sd2"),
             f32_finite, f32_features, tmp, False)
        case("fq_hcomp_smooth_sd2", astropy_compress(dict(compression_type="HCOMPRESS_1", tile_size=(40, 20),
                                                           hcomp_scale=2.5, hcomp_smooth=True, quantize_level=4.0,
                                                           quantize_method=2, dither_seed=42), f32_finite,
                                                      "fq_hcomp_smooth_sd2"),
             f32_finite, f32_features, tmp, False)


if __name__ == "__main__":
    main()
