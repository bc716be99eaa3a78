#!/usr/bin/python3
"""Small FITS test vectors and their expected values (vectors.json), made with astropy and CFITSIO.

Usage (from anywhere): /usr/bin/python3 tests/Parallax.Fits.Tests/data/vectors/make_vectors.py
Needs astropy + numpy (Debian python3-astropy) and the CFITSIO tools imcopy, fpack, funpack and
fitsverify (Debian libcfitsio-bin, fitsverify). Writes every file next to this script and rewrites
vectors.json. Pixel data come from a fixed random seed, so reruns give the same pixels (astropy's
CHECKSUM/DATASUM comments get a fixed date), so reruns are byte-identical.

What vectors.json holds, per file (key = file name):
  description   what the file exercises
  written_by    "astropy", "hand" (raw 80-char cards built here), "astropy+hand" (astropy file whose
                header got hand-inserted cards), or the CFITSIO command line that made it
  fitsverify    fitsverify's verdict line for the file
  hdus          one entry per HDU as astropy reads it (see below)
  ...           file-specific extras (lookups, checksum results, comparisons with funpack/source)

Per HDU (astropy's view, astropy 5.2.1 defaults: uint=True, scaling applied):
  index, type (astropy class name), extname, extver, bitpix, naxis (FITS order, NAXIS1 first),
  bzero/bscale/blank as in the header when present, card_count.
  Images with data:
    astropy_dtype      dtype astropy returns (uint16 for BZERO=32768, float32 for scaled BITPIX 8/16, ...)
    shape_numpy        numpy shape (slowest axis first)
    stats              count, nan_count, sum (math.fsum, correctly rounded, NaN skipped), mean
                       (np.nanmean), median (np.nanmedian), min, max on the astropy array cast to float64
    pixels             [{"xy": FITS 1-based coordinate, NAXIS1 first, "value": astropy value}]
    values_sha256      SHA-256 of the astropy array cast to float64, C order (NAXIS1 fastest),
                       little-endian, every NaN written as 0x7FF8000000000000
    int_values_sha256  (integer astropy dtypes only) SHA-256 of the values as little-endian int64
                       (uint64 for uint64 data): exact even where float64 is not
    raw_pixels         (when BZERO/BSCALE/BLANK present) stored values at the same coordinates
    physical_f64       (when it differs from astropy) the FITS-standard physical values computed in
                       float64: raw * BSCALE + BZERO, and NaN where raw == BLANK; holds stats,
                       pixels, values_sha256 and a note on why it differs from astropy
  Tables: rows, columns [{name, format, dim, unit, tscal, tzero, tnull, astropy_dtype,
          values (astropy's values per row; arrays as nested lists, FITS TDIM order reversed like
          numpy; complex as [re, im]; X columns as lists of booleans; strings as astropy returns them,
          trailing blanks stripped), raw_values (stored integers, when TSCAL/TZERO present)}]
  Headers: cards = every card astropy reports, in order (CONTINUE cards folded into one logical card):
          {keyword, type (python type name), value (JSON; complex as [re, im], Undefined as null),
           repr (repr of the python value), comment}
  JSON has no NaN/Infinity: such numbers are the strings "NaN", "Infinity", "-Infinity".
"""
import gzip
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import astropy
from astropy.io import fits

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20250624)
W, H = 64, 48  # NAXIS1, NAXIS2 of most images
VECTORS = {}


# ----------------------------------------------------------------------------------------------
# JSON output
# ----------------------------------------------------------------------------------------------
def jnum(x):
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (complex, np.complexfloating)):
        return [jnum(x.real), jnum(x.imag)]
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def jvalue(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, float, complex, np.number)):
        return jnum(v)
    if isinstance(v, bytes):
        return v.decode("ascii", "replace")
    if isinstance(v, str):
        return v
    if v is None or type(v).__name__ == "Undefined":
        return None
    if isinstance(v, np.ndarray):
        return [jvalue(x) for x in v.tolist()] if v.dtype.kind not in "SU" else [jvalue(x) for x in v]
    if isinstance(v, (list, tuple)):
        return [jvalue(x) for x in v]
    return repr(v)


def dumps(obj, depth=0, pretty_depth=5):
    """Indented outer levels, one line for each inner object: readable and small."""
    if depth >= pretty_depth or not isinstance(obj, (dict, list)) or not obj:
        return json.dumps(obj, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    pad = " " * (depth + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(k)}:{dumps(v, depth + 1, pretty_depth)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    items = [pad + dumps(v, depth + 1, pretty_depth) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"


# ----------------------------------------------------------------------------------------------
# Raw cards and file surgery
# ----------------------------------------------------------------------------------------------
def card(text):
    """One 80-byte card from text (padded with blanks; longer text is an error)."""
    b = text.encode("ascii")
    assert len(b) <= 80, (len(b), text)
    return b.ljust(80, b" ")


def value_card(key, value_field, comment=None):
    """KEYWORD = value, value right-justified to column 30 when shorter than 20 chars."""
    field = value_field.rjust(20) if len(value_field) < 20 else value_field
    text = f"{key:<8}= {field}"
    if comment is not None:
        text += f" / {comment}"
    return card(text)


def header_block(cards, end=True):
    body = b"".join(cards) + (card("END") if end else b"")
    return body + b" " * (-len(body) % 2880)


def pad_data(b, fill=b"\0"):
    return b + fill * (-len(b) % 2880)


def hdu_locations(path):
    with fits.open(path) as h:
        return [(x.fileinfo()["hdrLoc"], x.fileinfo()["datLoc"]) for x in h]


def insert_cards(path, hdu_index, cards):
    """Insert raw 80-byte cards before END of one HDU, re-padding the header (data move along)."""
    locs = hdu_locations(path)
    raw = open(path, "rb").read()
    hstart, dstart = locs[hdu_index]
    header = raw[hstart:dstart]
    for i in range(0, len(header), 80):
        if header[i:i + 8] == b"END     ":
            end = i
            break
    body = header[:end] + b"".join(cards) + card("END")
    body += b" " * (-len(body) % 2880)
    with open(path, "wb") as f:
        f.write(raw[:hstart] + body + raw[dstart:])


def run(cmd, **kw):
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=HERE, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd}: rc={r.returncode}\n{r.stdout}\n{r.stderr}")
    return r.stdout + r.stderr


def fitsverify(name):
    """fitsverify's verdict line plus its warning/error messages (continuation lines joined)."""
    verdict = subprocess.run(["fitsverify", "-q", name], capture_output=True, text=True, cwd=HERE)
    r = subprocess.run(["fitsverify", name], capture_output=True, text=True, cwd=HERE)
    full = r.stdout + "\n" + r.stderr  # errors go to stderr, warnings to stdout
    messages = []
    for line in full.splitlines():
        if line.startswith("*** Warning") or line.startswith("*** Error"):
            messages.append(line[4:].strip())
        elif messages and line.startswith("    ") and line.strip() and not line.strip().startswith(("HDU", "+")):
            if len(messages[-1]) < 300 and not full.startswith(line):
                messages[-1] += " " + line.strip()
    out = {"verdict": " ".join((verdict.stdout + verdict.stderr).split())}
    if messages:
        out["messages"] = messages
    return out


# ----------------------------------------------------------------------------------------------
# Expected values
# ----------------------------------------------------------------------------------------------
def f64_sha(a):
    v = np.array(a, dtype="<f8", copy=True).ravel()
    u = v.view("<u8")
    u[np.isnan(v)] = 0x7FF8000000000000
    return hashlib.sha256(v.tobytes()).hexdigest()


def int_sha(a):
    a = np.asarray(a)
    dt = "<u8" if a.dtype == np.uint64 else "<i8"
    return hashlib.sha256(a.astype(dt).ravel().tobytes()).hexdigest()


def stats(a):
    f = np.asarray(a).astype(np.float64).ravel()
    ok = f[~np.isnan(f)]
    out = {"count": int(f.size), "nan_count": int(f.size - ok.size)}
    if ok.size == 0:
        out.update(sum=0.0, mean="NaN", median="NaN", min="NaN", max="NaN")
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = math.fsum(ok) if np.all(np.isfinite(ok)) else float(np.sum(ok))
        out.update(sum=jnum(s), mean=jnum(np.nanmean(f)), median=jnum(np.nanmedian(f)),
                   min=jnum(np.nanmin(f)), max=jnum(np.nanmax(f)))
    return out


def default_points(shape):
    dims = list(reversed(shape))  # FITS order
    pts = {tuple(1 for _ in dims), tuple(dims), tuple((d + 1) // 2 for d in dims),
           tuple(d if i == 0 else 1 for i, d in enumerate(dims)),
           tuple(1 if i == 0 else d for i, d in enumerate(dims)),
           tuple(min(d, 3 + 2 * i) for i, d in enumerate(dims))}
    return pts


def at(a, xy):
    return a[tuple(v - 1 for v in reversed(xy))]


# Values a card must have by the FITS standard where astropy 5.2.1 reads something else.
LONGSTR_ASTROPY = ("This string is longer than sixty-eight characters, so astropy continues it over "
                   "several cards using the CONTINUE long-string convention, with 'quotes' too.")
LONGSTR_HANDMADE = ("This long string value is split over several cards with the OGIP CONTINUE convention, "
                    "and it carries 'quotes' inside it too, ending here.")
CONTINUE_NOTE = ("astropy 5.2.1 drops the text that follows a doubled quote ('') inside a CONTINUE "
                 "segment (astropy issue #14581, fixed by PR #14598 in later releases); standard_value is "
                 "the string that was written")
CARD_TRUTH = {("hdr_astropy.fits", "LONGSTR"): (LONGSTR_ASTROPY, CONTINUE_NOTE),
              ("hdr_handmade.fits", "STRLONG"): (LONGSTR_HANDMADE, CONTINUE_NOTE)}


def card_json(c, file_name=None):
    image = c._image if getattr(c, "_image", None) else c.image
    try:
        v = c.value
    except Exception as ex:  # astropy refuses to parse the value of this card
        return {"keyword": c.keyword, "error": f"{type(ex).__name__}: {ex}", "image": image}
    e = {"keyword": c.keyword, "type": type(v).__name__, "value": jvalue(v),
         "repr": "Undefined" if type(v).__name__ == "Undefined" else repr(v),  # its repr holds an address
         "comment": c.comment, "image": image}
    truth = CARD_TRUTH.get((file_name, c.keyword))
    if truth is not None and truth[0] != v:
        e["standard_value"], e["note"] = truth
    return e


def describe_image(hdu, raw_hdu, extra_points):
    data = hdu.data
    e = {}
    if data is None:
        return e
    e["astropy_dtype"] = str(data.dtype.newbyteorder("=")) if data.dtype.byteorder not in "=|" else str(data.dtype)
    e["shape_numpy"] = list(data.shape)
    e["stats"] = stats(data)
    pts = sorted(default_points(data.shape) | {tuple(p) for p in extra_points})
    e["pixels"] = [{"xy": list(p), "value": jnum(at(data, p).item())} for p in pts]
    e["values_sha256"] = f64_sha(data)
    if data.dtype.kind in "iu":
        e["int_values_sha256"] = int_sha(data)
    h = raw_hdu.header  # astropy drops BSCALE/BZERO from hdu.header once it has scaled the data
    scaled = any(k in h for k in ("BZERO", "BSCALE", "BLANK"))
    if scaled and raw_hdu is not None and raw_hdu.data is not None:
        raw = raw_hdu.data
        e["raw_pixels"] = [{"xy": list(p), "value": jnum(at(raw, p).item())} for p in pts]
        bscale, bzero = float(h.get("BSCALE", 1.0)), h.get("BZERO", 0)
        if data.dtype.kind in "iu":
            phys = data.astype(np.float64)  # exact integers rounded once
        else:
            phys = raw.astype(np.float64) * bscale + float(bzero)
        if "BLANK" in h and int(h["BITPIX"]) > 0:
            phys = np.where(raw == int(h["BLANK"]), np.nan, phys)
        if f64_sha(phys) != e["values_sha256"]:
            notes = []
            if data.dtype == np.float32:
                notes.append("astropy scales BITPIX 8/16 data into float32 (float32 arithmetic); "
                             "this block uses float64 arithmetic")
            if "BLANK" in h and data.dtype.kind in "iu":
                notes.append("astropy ignores BLANK for pseudo-unsigned (BZERO=2^(n-1)) data")
            if "BLANK" in h and int(h["BLANK"]) == 0 and data.dtype.kind == "f":
                notes.append("astropy 5.2.1 skips the NaN substitution when BLANK = 0 (it tests 'if blank:')")
            e["physical_f64"] = {
                "note": "; ".join(notes) or "differs from astropy",
                "stats": stats(phys),
                "pixels": [{"xy": list(p), "value": jnum(at(phys, p).item())} for p in pts],
                "values_sha256": f64_sha(phys)}
    return e


def describe_column(col, field, raw_field):
    e = {"name": col.name, "format": str(col.format)}
    for attr, key in (("dim", "dim"), ("unit", "unit"), ("bscale", "tscal"), ("bzero", "tzero"),
                      ("null", "tnull"), ("disp", "tdisp")):
        v = getattr(col, attr, None)
        if v is not None and v != "":
            e[key] = jvalue(v)
    arr = field
    if isinstance(arr, np.ndarray) and arr.dtype != object:
        e["astropy_dtype"] = str(arr.dtype.newbyteorder("=")) if arr.dtype.byteorder not in "=|" else str(arr.dtype)
        e["values"] = [jvalue(x) for x in arr]
    else:  # variable-length arrays: one numpy array per row
        e["astropy_dtype"] = "object (variable-length): " + str(np.asarray(arr[0]).dtype) if len(arr) else "object"
        e["values"] = [jvalue(np.asarray(x)) for x in arr]
    if e["format"].startswith(("PA", "QA", "1PA", "1QA")):  # astropy gives arrays of characters
        e["values_as_strings"] = ["".join(x) for x in e["values"]]
    if ("tscal" in e or "tzero" in e) and raw_field is not None:
        e["raw_values"] = [jvalue(x) for x in np.asarray(raw_field)]
    return e


def describe(name, extra_points=None, full_cards=False, open_kwargs=None):
    """astropy's view of every HDU of a file (see the module docstring)."""
    path = os.path.join(HERE, name)
    extra_points = extra_points or {}
    out = []
    kw = open_kwargs or {}
    with warnings.catch_warnings(record=True) as wl:
        warnings.simplefilter("always")
        with fits.open(path, **kw) as hdul, fits.open(path, do_not_scale_image_data=True, **kw) as rawl:
            for i, hdu in enumerate(hdul):
                h = rawl[i].header if not isinstance(hdu, fits.CompImageHDU) else hdu.header
                naxis = int(h.get("NAXIS", 0))
                e = {"index": i, "type": type(hdu).__name__, "extname": h.get("EXTNAME"),
                     "extver": h.get("EXTVER"), "bitpix": int(h["BITPIX"]),
                     "naxis": [int(h[f"NAXIS{k}"]) for k in range(1, naxis + 1)]}
                for k in ("BZERO", "BSCALE", "BLANK"):
                    if k in h:
                        e[k.lower()] = jvalue(h[k])
                e["card_count"] = len(h.cards)
                if isinstance(hdu, fits.CompImageHDU):
                    zh = hdu._header
                    e["compressed"] = {k: jvalue(zh[k]) for k in
                                       ("ZCMPTYPE", "ZQUANTIZ", "ZDITHER0", "ZBITPIX", "ZBLANK", "ZTILE1",
                                        "ZTILE2", "ZTILE3", "ZNAXIS", "ZNAXIS1", "ZNAXIS2", "ZNAXIS3",
                                        "ZSCALE", "ZZERO")
                                       if k in zh}
                    e["compressed"]["columns"] = [c.name for c in hdu.columns] if hasattr(hdu, "columns") else None
                if isinstance(hdu, (fits.PrimaryHDU, fits.ImageHDU, fits.CompImageHDU)):
                    e.update(describe_image(hdu, rawl[i], extra_points.get(i, [])))
                elif isinstance(hdu, (fits.BinTableHDU, fits.TableHDU)):
                    d = hdu.data
                    e["rows"] = 0 if d is None else len(d)
                    base = np.asarray(d).view(np.ndarray) if d is not None else None
                    e["columns"] = [describe_column(c, d[c.name], base[c.name] if base is not None and
                                                    isinstance(hdu, fits.BinTableHDU) else None)
                                    for c in hdu.columns]
                if full_cards:
                    e["cards"] = [card_json(c, name) for c in h.cards]
                out.append(e)
    msgs = sorted({str(w.message).strip() for w in wl if not issubclass(w.category, ResourceWarning)})
    return out, msgs


def record(name, description, written_by, extra_points=None, full_cards=False, **extra):
    hdus, msgs = describe(name, extra_points, full_cards)
    entry = {"description": description, "written_by": written_by, "bytes": os.path.getsize(os.path.join(HERE, name)),
             "fitsverify": fitsverify(name), "hdus": hdus}
    if msgs:
        entry["astropy_warnings"] = msgs
    entry.update(extra)
    VECTORS[name] = entry
    return entry


def arrays_equal(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        return False
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        return bool(np.array_equal(a.astype(np.float64), b.astype(np.float64), equal_nan=True))
    return bool(np.array_equal(a, b))


# ----------------------------------------------------------------------------------------------
# Pixel data
# ----------------------------------------------------------------------------------------------
def sky(shape=(H, W), level=1000.0, noise=15.0):
    y, x = np.indices(shape[-2:])
    base = level + 0.8 * x + 0.3 * y + 40.0 * np.exp(-((x - 40) ** 2 + (y - 20) ** 2) / 18.0)
    return base + noise * RNG.standard_normal(shape)


def write(name, hdus):
    fits.HDUList(hdus).writeto(os.path.join(HERE, name), overwrite=True)


# ----------------------------------------------------------------------------------------------
# 1. Images of every BITPIX and the scaled variants
# ----------------------------------------------------------------------------------------------
def make_images():
    u8 = np.clip(sky(level=120, noise=20), 0, 255).astype(np.uint8)
    u8[0, 0], u8[0, 1] = 0, 255
    write("img_bitpix8.fits", [fits.PrimaryHDU(u8)])
    record("img_bitpix8.fits", "BITPIX 8 (unsigned bytes), 64x48, includes 0 and 255", "astropy",
           {0: [(1, 1), (2, 1)]})

    i16 = np.round(sky(noise=300) - 1000).astype(np.int16)
    i16[0, 0], i16[0, 1], i16[47, 63] = -32768, 32767, -1
    write("img_bitpix16.fits", [fits.PrimaryHDU(i16)])
    record("img_bitpix16.fits", "BITPIX 16, 64x48, includes -32768 and 32767", "astropy", {0: [(1, 1), (2, 1)]})

    i32 = np.round(sky(level=100000, noise=50000)).astype(np.int32)
    i32[0, 0], i32[0, 1] = np.iinfo(np.int32).min, np.iinfo(np.int32).max
    write("img_bitpix32.fits", [fits.PrimaryHDU(i32)])
    record("img_bitpix32.fits", "BITPIX 32, 64x48, includes int32 min and max", "astropy", {0: [(1, 1), (2, 1)]})

    i64 = np.round(sky(level=1e12, noise=1e11)).astype(np.int64)
    i64[0, 0], i64[0, 1], i64[0, 2] = np.iinfo(np.int64).min, np.iinfo(np.int64).max, 2 ** 53 + 1
    write("img_bitpix64.fits", [fits.PrimaryHDU(i64)])
    record("img_bitpix64.fits", "BITPIX 64, 64x48, includes int64 min, max and 2^53+1 (not exact in float64; "
           "use pixels / int_values_sha256 for exact checks)", "astropy", {0: [(1, 1), (2, 1), (3, 1)]})

    f32 = sky().astype(np.float32)
    f32[0, 0], f32[0, 1] = -0.0, np.float32(1e-45)  # negative zero and the smallest subnormal
    write("img_bitpix-32.fits", [fits.PrimaryHDU(f32)])
    record("img_bitpix-32.fits", "BITPIX -32, 64x48, finite; includes -0.0 and the smallest subnormal", "astropy",
           {0: [(1, 1), (2, 1)]})

    f64 = sky() * 1.000000001
    f64[0, 0], f64[0, 1] = 5e-324, np.finfo(np.float64).max
    write("img_bitpix-64.fits", [fits.PrimaryHDU(f64)])
    record("img_bitpix-64.fits", "BITPIX -64, 64x48, finite; includes 5e-324 and float64 max", "astropy",
           {0: [(1, 1), (2, 1)]})

    s32 = sky(shape=(12, 16)).astype(np.float32)
    s32[1, 1], s32[2, 2], s32[3, 3] = np.nan, np.inf, np.nan
    s64 = sky(shape=(12, 16))
    s64[1, 1], s64[2, 2] = np.nan, -np.inf
    write("img_float_special.fits", [fits.PrimaryHDU(s32), fits.ImageHDU(s64, name="F64")])
    record("img_float_special.fits", "NaN and infinities: primary float32 16x12 with 2 NaN and +inf; "
           "extension F64 float64 with 1 NaN and -inf (stats: sum/mean are then infinite)", "astropy",
           {0: [(2, 2), (3, 3), (4, 4)], 1: [(2, 2), (3, 3)]})

    u16 = np.clip(sky(noise=500) + 30000, 0, 65535).astype(np.uint16)
    u16[0, 0], u16[0, 1], u16[0, 2] = 0, 65535, 32768
    write("img_uint16_bzero.fits", [fits.PrimaryHDU(u16)])
    record("img_uint16_bzero.fits", "uint16 written by astropy as BITPIX 16, BZERO 32768, BSCALE 1; "
           "includes 0, 65535 and 32768 (stored 0)", "astropy", {0: [(1, 1), (2, 1), (3, 1)]})

    u32 = (np.clip(sky(noise=200), 0, 4000) * 1e6).astype(np.uint32)
    u32[0, 0], u32[0, 1], u32[0, 2] = 0, 2 ** 32 - 1, 2 ** 31
    write("img_uint32_bzero.fits", [fits.PrimaryHDU(u32)])
    record("img_uint32_bzero.fits", "uint32 written by astropy as BITPIX 32, BZERO 2147483648; includes 0, "
           "2^32-1, 2^31", "astropy", {0: [(1, 1), (2, 1), (3, 1)]})

    u64 = (np.clip(sky(noise=200), 0, 18000) * 1e15).astype(np.uint64)
    u64[0, 0], u64[0, 1], u64[0, 2] = 0, 2 ** 64 - 1, 2 ** 63
    write("img_uint64_bzero.fits", [fits.PrimaryHDU(u64)])
    record("img_uint64_bzero.fits", "uint64 written by astropy as BITPIX 64, BZERO 9223372036854775808 "
           "(an integer that does not fit in int64); includes 0, 2^64-1, 2^63", "astropy",
           {0: [(1, 1), (2, 1), (3, 1)]})

    i8 = np.clip(sky(level=0, noise=40), -128, 127).astype(np.int8)
    i8[0, 0], i8[0, 1] = -128, 127
    write("img_int8_bzero.fits", [fits.PrimaryHDU(i8)])
    record("img_int8_bzero.fits", "int8 written by astropy as BITPIX 8, BZERO -128 (signed bytes)", "astropy",
           {0: [(1, 1), (2, 1)]})

    # Scaled int16: astropy writes the raw integers; BSCALE/BZERO cards are inserted by hand so the
    # stored integers are exactly these.
    raw_a = np.round(sky(noise=200) - 1000).astype(np.int16)
    raw_b = np.round(sky(noise=2000) * 3 - 3000).astype(np.int16)
    write("img_int16_scaled.fits", [fits.PrimaryHDU(raw_a), fits.ImageHDU(raw_b, name="INEXACT")])
    insert_cards(os.path.join(HERE, "img_int16_scaled.fits"), 0,
                 [value_card("BSCALE", "0.5", "exact in binary"), value_card("BZERO", "-100.0")])
    insert_cards(os.path.join(HERE, "img_int16_scaled.fits"), 1,
                 [value_card("BSCALE", "0.1", "not exact in binary"), value_card("BZERO", "1000.0")])
    record("img_int16_scaled.fits", "int16 with BSCALE/BZERO: primary BSCALE 0.5 BZERO -100 (exact); "
           "extension INEXACT BSCALE 0.1 BZERO 1000 (astropy computes in float32: see physical_f64)",
           "astropy+hand")

    # BLANK variants.
    b16 = np.round(sky(noise=300) - 1000).astype(np.int16)
    b16[5, 7] = b16[10, 20] = b16[47, 63] = -32768
    b32 = np.round(sky(noise=3000)).astype(np.int32)
    b32[0, 0] = b32[30, 30] = -999
    bu16 = np.round(sky(noise=300) + 1000).astype(np.int16)  # stored values; BZERO=32768 inserted
    bu16[2, 3] = -32768
    bz = np.round(sky(noise=300) - 1000).astype(np.int16)
    bz[4, 4] = bz[6, 6] = 0
    write("img_blank.fits", [fits.PrimaryHDU(b16), fits.ImageHDU(b32, name="SCALED32"),
                             fits.ImageHDU(bu16, name="UINT16"), fits.ImageHDU(bz, name="BLANK0")])
    p = os.path.join(HERE, "img_blank.fits")
    insert_cards(p, 0, [value_card("BLANK", "-32768", "undefined pixel value")])
    insert_cards(p, 1, [value_card("BSCALE", "2.0"), value_card("BZERO", "1.0"), value_card("BLANK", "-999")])
    insert_cards(p, 2, [value_card("BZERO", "32768"), value_card("BSCALE", "1"), value_card("BLANK", "-32768")])
    insert_cards(p, 3, [value_card("BLANK", "0")])
    record("img_blank.fits", "BLANK: primary int16 BLANK -32768 at (8,6),(21,11),(64,48) -> astropy float32 NaN; "
           "SCALED32 int32 BSCALE 2 BZERO 1 BLANK -999 at (1,1),(31,31) -> float64 NaN; "
           "UINT16 BZERO 32768 BLANK -32768 at (4,3): astropy returns uint16 0 there (BLANK ignored), "
           "the standard says undefined (physical_f64); BLANK0 int16 BLANK 0 at (5,5),(7,7): astropy 5.2.1 "
           "gives 0.0 instead of NaN (physical_f64 has NaN)", "astropy+hand",
           {0: [(8, 6), (21, 11), (64, 48)], 1: [(1, 1), (31, 31)], 2: [(4, 3)], 3: [(5, 5), (7, 7)]})

    cube = np.stack([sky(shape=(16, 20), level=100 * (k + 1)) for k in range(5)]).astype(np.float32)
    write("img_cube.fits", [fits.PrimaryHDU(cube)])
    record("img_cube.fits", "3-D float32 cube NAXIS1=20, NAXIS2=16, NAXIS3=5 (plane k has level 100*(k+1))",
           "astropy", {0: [(1, 1, 2), (20, 16, 3), (5, 6, 4)]})

    with open(os.path.join(HERE, "img_bitpix16.fits"), "rb") as src:
        data = src.read()
    with open(os.path.join(HERE, "img_bitpix16.fits.gz"), "wb") as dst:
        dst.write(gzip.compress(data, compresslevel=9, mtime=0))
    record("img_bitpix16.fits.gz", "gzip of img_bitpix16.fits (whole file, python gzip, mtime 0); same values",
           "astropy + python gzip", {0: [(1, 1), (2, 1)]})


# ----------------------------------------------------------------------------------------------
# 2. Multi-extension file with EXTNAME/EXTVER duplicates
# ----------------------------------------------------------------------------------------------
def make_mef():
    prim = fits.PrimaryHDU()
    prim.header["OBJECT"] = ("MEF test", "primary with NAXIS = 0")
    sci1 = fits.ImageHDU(sky(shape=(24, 32)).astype(np.float32), name="SCI", ver=1)
    var1 = fits.ImageHDU(np.full((24, 32), 225.0, np.float32), name="VAR", ver=1)
    dq1 = fits.ImageHDU(np.zeros((24, 32), np.int16), name="DQ", ver=1)
    dq1.data[3, 4] = 1
    sci2 = fits.ImageHDU(sky(shape=(24, 32), level=2000).astype(np.float32), name="SCI", ver=2)
    var2 = fits.ImageHDU(np.full((24, 32), 400.0, np.float32), name="VAR", ver=2)
    empty = fits.ImageHDU(name="EMPTY")
    dup = fits.ImageHDU(np.arange(24 * 32, dtype=np.int32).reshape(24, 32), name="SCI")
    if "EXTVER" in dup.header:  # no EXTVER: defaults to 1 -> same (SCI, 1) as HDU 1
        del dup.header["EXTVER"]
    write("mef.fits", [prim, sci1, var1, dq1, sci2, var2, empty, dup])
    lookups = []
    with fits.open(os.path.join(HERE, "mef.fits")) as h:
        for key in [("SCI",), ("sci",), ("SCI", 1), ("SCI", 2), ("VAR", 2), ("DQ",), ("EMPTY",), ("NOPE",),
                    ("PRIMARY",)]:
            try:
                idx = h.index_of(key if len(key) > 1 else key[0])
                lookups.append({"extname": key[0], "extver": key[1] if len(key) > 1 else None, "index": idx})
            except Exception as ex:
                lookups.append({"extname": key[0], "extver": key[1] if len(key) > 1 else None,
                                "error": f"{type(ex).__name__}: {ex}"})
    record("mef.fits", "NAXIS=0 primary + SCI/VAR/DQ version 1, SCI/VAR version 2, an EMPTY image extension "
           "(NAXIS=0), and a SCI without EXTVER (so (SCI,1) twice: HDUs 1 and 7)", "astropy",
           {3: [(5, 4)]},
           astropy_lookups=lookups,
           lookup_note="astropy's HDUList.index_of: EXTNAME compared case-insensitively; (name) alone returns the "
                       "first HDU with that name whatever its EXTVER; a missing EXTVER counts as 1; "
                       "duplicates return the first")


# ----------------------------------------------------------------------------------------------
# 3. Headers
# ----------------------------------------------------------------------------------------------
def make_headers():
    p = fits.PrimaryHDU(np.arange(12, dtype=np.int16).reshape(3, 4))
    h = p.header
    h["OBJECT"] = ("NGC 1234", "a plain string")
    h["EXPTIME"] = (60.0, "[s] a float")
    h["NCOMBINE"] = (12, "an integer")
    h["FLAG"] = (True, "a logical")
    h["NOFLAG"] = False
    h["SMALL"] = (1e-10, "astropy writes 1E-10")
    h["PI"] = (math.pi, "pi")
    h["TENTH"] = 0.1
    h["BIGINT"] = (2 ** 62, "large integer")
    h["CPLX"] = (complex(1.5, -2.5), "complex value")
    h["UNDEF"] = (fits.card.UNDEFINED, "undefined value")
    h["QUOTE"] = ("O'Brien's", "embedded quotes")
    h["EMPTY"] = ("", "empty string")
    h["LEADSP"] = ("  two leading blanks", "leading blanks are significant")
    h["LONGSTR"] = (LONGSTR_ASTROPY,
                    "and a comment")
    assert h["LONGSTR"] == LONGSTR_ASTROPY
    h["HIERARCH ESO DET CHIP NAME"] = ("CCD-44", "HIERARCH string")
    h["HIERARCH ESO TEL ALT"] = (45.5, "HIERARCH float")
    h["HIERARCH ESO INS FILT1 ID"] = 7
    h["HIERARCH lower.case-Key"] = ("x", "HIERARCH keeps case?")
    h["DATE-OBS"] = "2025-06-25T03:16:10.123"
    h.add_comment("A COMMENT card with 'quotes' and / a slash")
    h.add_history("A HISTORY card")
    h.add_blank("a blank-keyword card with text")
    h.add_blank()
    write("hdr_astropy.fits", [p])
    record("hdr_astropy.fits", "astropy-written header: strings, quotes, empty/leading-blank strings, CONTINUE, "
           "HIERARCH (incl. mixed case), complex, undefined, logical, large int, float formatting, "
           "COMMENT/HISTORY/blank cards; data 4x3 int16 0..11", "astropy", full_cards=True)

    cards = [
        value_card("SIMPLE", "T", "file conforms to FITS standard"),
        value_card("BITPIX", "16", "16-bit integers"),
        value_card("NAXIS", "2"),
        value_card("NAXIS1", "4"),
        value_card("NAXIS2", "3"),
        value_card("EXTEND", "T"),
        value_card("DEXP", "1.5D+03", "D exponent"),
        value_card("DEXPNEG", "-2.25D-02", "negative D exponent"),
        value_card("EEXP", "6.0221E+23", "E exponent"),
        value_card("INTPLUS", "+42", "explicit plus sign"),
        value_card("FLTDOT", "1.", "trailing decimal point"),
        value_card("FLTLEAD", ".5", "leading decimal point"),
        value_card("NEGZERO", "-0.0", "negative zero"),
        value_card("INT64MAX", "9223372036854775807", "largest int64"),
        value_card("INT64MIN", "-9223372036854775808", "smallest int64"),
        value_card("INTBIG", "123456789012345678901234", "beyond int64"),
        value_card("FLT17", "0.10000000000000001", "17 significant digits"),
        value_card("CPLXF", "(1.5, -2.5)", "complex float"),
        value_card("CPLXI", "(3, 4)", "complex integer"),
        value_card("CPLXD", "(1.0D+01, -2.0D-01)", "complex with D exponents"),
        card("UNDEF   =                      / undefined value with a comment"),
        card("UNDEFNC ="),
        value_card("LOGT", "T"),
        value_card("LOGF", "F"),
        card("LOGFREE =   T / logical not in column 30 (free format)"),
        card("INTFREE = 17 / integer in free format"),
        card("FLTFREE =    -3.25E2/ free format, no blank before slash"),
        card("STRQ    = 'O''Brien'           / embedded quote"),
        card("STREMPTY= ''                   / empty string"),
        card("STRBLANK= '    '               / blanks only"),
        card("STRLEAD = '  leading'          / leading blanks are significant"),
        card("STRTRAIL= 'trailing   '        / trailing blanks are not"),
        card("STRSLASH= 'a / b'              / slash inside the string"),
        card("STRNOCOM= 'no comment'"),
        card("STRSHORT= 'ab'                 / shorter than 8 characters"),
        card("STRFULL = '" + "x" * 68 + "'"),
        card("STRLONG = 'This long string value is split over several cards with the OGIP &'"),
        card("CONTINUE  'CONTINUE convention, and it carries ''quotes'' inside it too, &'"),
        card("CONTINUE  'ending here.'       / comment of the long string"),
        card("HIERARCH ESO DET CHIP NAME = 'CCD-44' / HIERARCH string"),
        card("HIERARCH ESO TEL ALT = 45.5 / HIERARCH float"),
        card("HIERARCH ESO INS FILT1 ID = 7"),
        card("HIERARCH ESO OBS START = '2006-04-13T06:32:38' / HIERARCH date string"),
        card("HIERARCH ESO DET WIN1 BINX = T / HIERARCH logical"),
        card("COMMENT   This is a COMMENT card with 'quotes' and / slashes"),
        card("HISTORY   This is a HISTORY card"),
        card("          blank keyword with text"),
        card(""),
        card("DATE-OBS= '2025-06-25T03:16:10.123' / hyphen in keyword"),
        card("KEY_2   =                  1.0 / underscore and digit in keyword"),
        card("INTCOMM =                    5/no space before comment"),
    ]
    data = np.arange(12, dtype=">i2").reshape(3, 4) * 7 - 20
    with open(os.path.join(HERE, "hdr_handmade.fits"), "wb") as f:
        f.write(header_block(cards) + pad_data(data.tobytes()))
    record("hdr_handmade.fits", "hand-built standard header: D exponents, +sign, '1.' and '.5', -0.0, int64 "
           "limits and an integer beyond int64, complex (float, int, D exponent), undefined values, free-format "
           "values, quoted strings (embedded '', empty, blank-only, leading/trailing blanks, slash inside), "
           "a 68-char string, CONTINUE, HIERARCH, COMMENT/HISTORY/blank cards; data 4x3 int16 = 7*i-20",
           "hand", full_cards=True)

    cards = [
        value_card("SIMPLE", "T"),
        value_card("BITPIX", "8"),
        value_card("NAXIS", "0"),
        value_card("ELOWER", "1.0e-05", "lower-case exponent letter"),
        card("HIERARCH ESO DET CHIP PXSPACE=    1.800e-05 / no blank before '=' as at ESO"),
        card("NOSPACE =5 / '=' in column 9 but no blank in column 10"),
        card("BADTYPE =  unquoted text is no valid value"),
        card("KEYNOEQ   'string but no = sign'"),
        value_card("STRNOCLS", "'unterminated string", "missing closing quote"),
        card("STROK   = 'x'    / a valid card among the bad ones"),
        card("BADVAL  = 12abc / not a number"),
    ]
    with open(os.path.join(HERE, "hdr_nonstandard.fits"), "wb") as f:
        f.write(header_block(cards))
    record("hdr_nonstandard.fits", "non-standard cards that astropy reads with warnings: lower-case exponent, "
           "HIERARCH without blank before '=', '=' in column 9 not followed by a blank (so no value "
           "indicator: astropy makes it a commentary card), a card without '=', unquoted text as value, "
           "unterminated string, unparseable number. The card values are astropy's "
           "(after its silent fixes); astropy_verify holds its verify report", "hand", full_cards=True,
           astropy_verify=verify_report("hdr_nonstandard.fits"))


def verify_report(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(os.path.join(HERE, name)) as h:
            try:
                h.verify("exception")
                return "ok"
            except Exception as ex:
                return str(ex)


# ----------------------------------------------------------------------------------------------
# 4. Tables
# ----------------------------------------------------------------------------------------------
def make_tables():
    n = 5
    cols = [
        fits.Column("FLAG", "L", array=np.array([True, False, True, True, False])),
        fits.Column("FLAGS3", "3L", array=np.array([[True, False, True]] * 2 + [[False, False, False]] * 3)),
        fits.Column("BITS16", "16X", array=np.array([[(r * 7 + k) % 3 == 0 for k in range(16)] for r in range(n)])),
        fits.Column("BITS5", "5X", array=np.array([[(r + k) % 2 == 0 for k in range(5)] for r in range(n)])),
        fits.Column("BYTE", "B", array=np.array([0, 1, 127, 128, 255], np.uint8)),
        fits.Column("BYTES4", "4B", array=np.arange(20, dtype=np.uint8).reshape(5, 4) * 12),
        fits.Column("SHORT", "I", array=np.array([-32768, -1, 0, 1, 32767], np.int16)),
        fits.Column("INT", "J", array=np.array([-2 ** 31, -1, 0, 1, 2 ** 31 - 1], np.int32)),
        fits.Column("LONG", "K", array=np.array([-2 ** 63, -1, 0, 2 ** 53 + 1, 2 ** 63 - 1], np.int64)),
        fits.Column("FLOAT2", "2E", unit="adu", array=np.array([[1.5, -0.0], [np.nan, np.inf], [1e-45, 3.4e38],
                                                               [0.1, 0.2], [-1.0, 100.25]], np.float32)),
        fits.Column("DOUBLE", "D", array=np.array([math.pi, -math.e, np.nan, 5e-324, 1e300])),
        fits.Column("NAME", "8A", array=np.array(["alpha", "  lead", "x y", "", "12345678"])),
        fits.Column("CPLX", "C", array=np.array([1 + 2j, -3.5 - 0.25j, 0j, 1e10 + 1j, -1j], np.complex64)),
        fits.Column("DCPLX2", "2M", array=np.array([[1 + 2j, 3 - 4j]] * 5, np.complex128) * np.arange(1, 6)[:, None]),
        fits.Column("MATRIX", "6I", dim="(3,2)", array=np.arange(30, dtype=np.int16).reshape(5, 2, 3)),
        fits.Column("STRDIM", "12A", dim="(4,3)", array=np.array([["ab", "cde", "f"]] * 5)),
        fits.Column("U16", "I", bzero=32768, array=np.array([0, 1, 32767, 32768, 65535], np.uint16)),
        fits.Column("U32", "J", bzero=2 ** 31, array=np.array([0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1], np.uint32)),
        fits.Column("U64", "K", bzero=2 ** 63, array=np.array([0, 1, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1], np.uint64)),
        fits.Column("NULLJ", "J", null=-999, array=np.array([1, -999, 3, -999, 5], np.int32)),
        fits.Column("NULLB", "B", null=255, array=np.array([1, 255, 3, 4, 255], np.uint8)),
        # Stored integers; TSCAL/TZERO inserted by hand below (astropy 5.2.1 fails to write these).
        fits.Column("SCALED", "I", array=np.array([-2, -1, 0, 1, 1000], np.int16)),
        fits.Column("SBYTE", "B", array=np.array([0, 1, 127, 128, 255], np.uint8)),
    ]
    hdu = fits.BinTableHDU.from_columns(cols, name="TYPES")
    write("bintable_types.fits", [fits.PrimaryHDU(), hdu])
    # TTYPE22 = SCALED, TTYPE23 = SBYTE.
    insert_cards(os.path.join(HERE, "bintable_types.fits"), 1,
                 [value_card("TSCAL22", "0.5"), value_card("TZERO22", "100.0"),
                  value_card("TZERO23", "-128", "signed bytes")])
    record("bintable_types.fits", "binary table TYPES, 5 rows: L, 3L, 16X, 5X, B, 4B, I, J, K (extremes), "
           "2E (with -0, NaN, inf, subnormal), D, 8A (leading blanks, empty), C, 2M, 6I with TDIM (3,2), "
           "12A with TDIM (4,3), unsigned via TZERO (I, J, K), TNULL on J and B, TSCAL 0.5/TZERO 100 on I "
           "(SCALED), TZERO -128 on B (SBYTE: signed bytes)", "astropy+hand")

    vj = [np.array([1, 2, 3], np.int32), np.array([], np.int32), np.array([7], np.int32),
          np.array([-1, -2], np.int32), np.arange(10, dtype=np.int32)]
    qd = [np.array([1.5]), np.array([2.5, 3.5]), np.array([]), np.array([np.nan, 1e300, -0.0]), np.array([42.0])]
    pe = [np.array([1.0, 2.0], np.float32), np.array([3.0], np.float32), np.array([], np.float32),
          np.array([4.0, 5.0, 6.0], np.float32), np.array([7.0], np.float32)]
    pa = ["short", "", "a longer string", "x", "end"]
    cols = [fits.Column("ID", "J", array=np.arange(1, 6, dtype=np.int32)),
            fits.Column("VARJ", "PJ()", array=vj),
            fits.Column("VARD", "QD()", array=qd),
            fits.Column("VARE", "PE()", array=pe),
            fits.Column("VARA", "PA()", array=pa)]
    write("bintable_vla.fits", [fits.PrimaryHDU(), fits.BinTableHDU.from_columns(cols, name="VLA")])
    record("bintable_vla.fits", "binary table VLA, 5 rows, variable-length arrays: PJ, QD (64-bit "
           "descriptors), PE, PA (strings); includes empty arrays; heap after the main table", "astropy")

    cols = [fits.Column("IVAL", "I6", array=np.array([1, -22, 333, 0, 99999])),
            fits.Column("FVAL", "F10.3", array=np.array([1.5, -2.25, 1000.125, 0.0, -0.001])),
            fits.Column("EVAL", "E12.4", array=np.array([1.5e10, -2.5e-3, 0.0, 1.0, -7.25e-30])),
            fits.Column("DVAL", "D20.12", array=np.array([math.pi, -math.e, 1e100, 0.5, -1.0])),
            fits.Column("NAME", "A8", array=np.array(["abc", "  x", "hello wo", "", "z"]))]
    write("asciitable.fits", [fits.PrimaryHDU(), fits.TableHDU.from_columns(cols, name="ASCII")])
    record("asciitable.fits", "ASCII table (XTENSION='TABLE'), 5 rows: I6, F10.3, E12.4, D20.12 (D exponents "
           "in the data), A8", "astropy")

    # Hand-made ASCII table: implicit decimal point, blank fields, TNULL, right/left alignment.
    fields_i = ["   12", "   -3", "     ", "    7"]            # I5, columns 1-5
    fields_f = ["    1234", "    12.5", "     -05", " 1.23E+2"]  # F8.2, columns 6-13
    fields_e = ["  1.5D2", "  -2E-1", "     1.", "    ***"]     # E7.1, columns 14-20
    fields_a = ["abc ", "de  ", "*** ", "  f "]                 # A4, columns 22-25
    rows = [(i + f + e + " " + a + " ").encode() for i, f, e, a in zip(fields_i, fields_f, fields_e, fields_a)]
    width = len(rows[0])
    assert all(len(r) == width for r in rows)
    cards = [
        card("XTENSION= 'TABLE   '           / ASCII table extension"),
        value_card("BITPIX", "8"), value_card("NAXIS", "2"), value_card("NAXIS1", str(width)),
        value_card("NAXIS2", str(len(rows))), value_card("PCOUNT", "0"), value_card("GCOUNT", "1"),
        value_card("TFIELDS", "4"),
        card("TTYPE1  = 'I       '"), card("TFORM1  = 'I5      '"), value_card("TBCOL1", "1"),
        card("TNULL1  = '     '             / blank field is null"),
        card("TTYPE2  = 'F       '"), card("TFORM2  = 'F8.2    '           / implicit decimal point: 1234 = 12.34"),
        value_card("TBCOL2", "6"),
        card("TTYPE3  = 'E       '"), card("TFORM3  = 'E7.1    '"), value_card("TBCOL3", "14"),
        card("TNULL3  = '    ***'"),
        card("TTYPE4  = 'A       '"), card("TFORM4  = 'A4      '"), value_card("TBCOL4", "22"),
        card("TNULL4  = '***     '"),
    ]
    with open(os.path.join(HERE, "asciitable_handmade.fits"), "wb") as f:
        f.write(header_block([value_card("SIMPLE", "T"), value_card("BITPIX", "8"), value_card("NAXIS", "0"),
                              value_card("EXTEND", "T")]))
        f.write(header_block(cards) + pad_data(b"".join(rows), b" "))
    record("asciitable_handmade.fits", "hand-built ASCII table: I5 with TNULL blank, F8.2 where '1234' means "
           "12.34 and '-05' means -0.05 (implicit decimal point), E7.1 with D exponent and TNULL '    ***', "
           "A4 with TNULL; astropy's values (its handling of null/implicit-decimal fields) are recorded; the raw "
           "rows are in raw_rows; standard_values are what the FITS standard (section 7.2.5: Fortran-style input, "
           "implied decimal point, TNULL) gives, null meaning undefined", "hand", raw_rows=[r.decode() for r in rows],
           standard_values={"I": [12, -3, None, 7], "F": [12.34, 12.5, -0.05, 123.0],
                            "E": [150.0, -0.2, 1.0, None], "A": ["abc", "de", None, "  f"]},
           standard_note="astropy 5.2.1 ignores the implied decimal point (gives 1234.0 and -5.0) and does not "
                         "turn TNULL fields into nulls (gives 0, 0.0 and '***'); fitsverify calls a number "
                         "without decimal point in an F/E field an error. A strings: astropy strips trailing "
                         "blanks only, keeps leading ones")


# ----------------------------------------------------------------------------------------------
# 5. Checksums
# ----------------------------------------------------------------------------------------------
def ones_complement_sum(b):
    words = np.frombuffer(b, dtype=">u4").astype(np.uint64)
    s = int(words.sum())
    while s >> 32:
        s = (s & 0xFFFFFFFF) + (s >> 32)
    return s


def checksum_facts(name):
    raw = open(os.path.join(HERE, name), "rb").read()
    out = []
    with fits.open(os.path.join(HERE, name)) as h:
        locs = [(x.fileinfo()["hdrLoc"], x.fileinfo()["datLoc"], x.fileinfo()["datSpan"]) for x in h]
        for i, (hs, ds, span) in enumerate(locs):
            hd = h[i].header
            data = raw[ds:ds + span]
            whole = raw[hs:ds + span]
            out.append({"index": i, "CHECKSUM": hd.get("CHECKSUM"), "DATASUM": hd.get("DATASUM"),
                        "datasum_computed": str(ones_complement_sum(data)),
                        "hdu_sum_computed": ones_complement_sum(whole),
                        "checksum_ok": ones_complement_sum(whole) == 0xFFFFFFFF,
                        "datasum_ok": str(ones_complement_sum(data)) == hd.get("DATASUM")})
    with warnings.catch_warnings(record=True) as wl:
        warnings.simplefilter("always")
        with fits.open(os.path.join(HERE, name), checksum=True) as h:
            for x in h:
                _ = x.data
    msgs = sorted({str(w.message) for w in wl if not issubclass(w.category, ResourceWarning)})
    return out, msgs


def make_checksums():
    # astropy stamps the CHECKSUM/DATASUM comments with the current time; a fixed stamp keeps reruns
    # byte-identical.
    from astropy.io.fits.hdu.base import _ValidHDU
    _ValidHDU._get_timestamp = lambda self: "2025-06-25T00:00:00"
    img = np.round(sky(shape=(24, 32), noise=100)).astype(np.int16)
    tab = fits.BinTableHDU.from_columns([fits.Column("X", "E", array=np.arange(10, dtype=np.float32)),
                                         fits.Column("N", "8A", array=np.array(["row"] * 10))], name="TAB")
    fits.HDUList([fits.PrimaryHDU(img), tab]).writeto(os.path.join(HERE, "chk_ok.fits"), overwrite=True,
                                                        checksum=True)
    facts, msgs = checksum_facts("chk_ok.fits")
    record("chk_ok.fits", "primary int16 32x24 + table TAB, both with CHECKSUM/DATASUM written by astropy "
           "(checksum=True); all sums verify", "astropy", checksums=facts, astropy_checksum_warnings=msgs)

    raw = bytearray(open(os.path.join(HERE, "chk_ok.fits"), "rb").read())
    loc = hdu_locations(os.path.join(HERE, "chk_ok.fits"))[0][1]
    raw[loc + 101] ^= 0x01  # one bit of one pixel of the primary data
    open(os.path.join(HERE, "chk_bad_data.fits"), "wb").write(bytes(raw))
    facts, msgs = checksum_facts("chk_bad_data.fits")
    record("chk_bad_data.fits", f"chk_ok.fits with one data bit flipped (byte {loc + 101}, primary data unit): "
           "primary DATASUM and CHECKSUM fail, TAB still verifies", "astropy + bit flip",
           {0: [(19, 2)]}, checksums=facts, astropy_checksum_warnings=msgs, corrupted_byte_offset=loc + 101)


# ----------------------------------------------------------------------------------------------
# 6. CFITSIO-written files
# ----------------------------------------------------------------------------------------------
def astropy_data(name, index):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(os.path.join(HERE, name)) as h:
            return np.array(h[index].data)


def make_cfitsio():
    def imcopy(src, dst):
        target = os.path.join(HERE, dst.split("[")[0])
        if os.path.exists(target):
            os.remove(target)
        run(f"imcopy '{src}' '{dst}'")
        return f"imcopy '{src}' '{dst}'"

    cmd = imcopy("mef.fits[SCI,2]", "cf_imcopy_ext.fits")
    same = arrays_equal(astropy_data("cf_imcopy_ext.fits", 0), astropy_data("mef.fits", 4))
    record("cf_imcopy_ext.fits", "CFITSIO copy of extension (SCI,2) of mef.fits into a primary HDU", cmd,
           equals_source=same, source="mef.fits HDU 4")

    cmd = imcopy("img_bitpix32.fits[5:20,3:10]", "cf_imcopy_section.fits")
    same = arrays_equal(astropy_data("cf_imcopy_section.fits", 0), astropy_data("img_bitpix32.fits", 0)[2:10, 4:20])
    record("cf_imcopy_section.fits", "CFITSIO image section x 5..20, y 3..10 (1-based, inclusive) of "
           "img_bitpix32.fits: 16x8", cmd, equals_source=same, source="img_bitpix32.fits data[2:10, 4:20]")

    cmd = imcopy("img_int16_scaled.fits[1][pixr1 X]", "cf_pixr_scaled.fits")
    cf = astropy_data("cf_pixr_scaled.fits", 0)
    with fits.open(os.path.join(HERE, "img_int16_scaled.fits"), do_not_scale_image_data=True) as h:
        raw = np.array(h[1].data)
    f64_then_f32 = (raw.astype(np.float64) * 0.1 + 1000.0).astype(np.float32)
    ap = astropy_data("img_int16_scaled.fits", 1)
    record("cf_pixr_scaled.fits", "CFITSIO pixel filter to float32 of the INEXACT extension of "
           "img_int16_scaled.fits (BSCALE 0.1, BZERO 1000)", cmd,
           equals_float64_scaling_rounded_to_float32=arrays_equal(cf, f64_then_f32),
           pixels_differing_from_astropy_float32=int(np.sum(cf != ap)),
           note="CFITSIO scales in double and rounds to float32 once; astropy scales inside a float32 array "
                "(np.multiply then +=, two float32 roundings). The counts above say where they differ.")

    cmd = imcopy("img_blank.fits[0][pixr1 X]", "cf_pixr_blank.fits")
    cf = astropy_data("cf_pixr_blank.fits", 0)
    record("cf_pixr_blank.fits", "CFITSIO pixel filter to float32 of the int16 BLANK=-32768 primary of "
           "img_blank.fits: BLANK pixels become NaN", cmd, {0: [(8, 6), (21, 11), (64, 48)]},
           equals_astropy=arrays_equal(cf, astropy_data("img_blank.fits", 0)))

    cmd = imcopy("img_blank.fits[UINT16][pixr1 X]", "cf_pixr_blank_u16.fits")
    cf = astropy_data("cf_pixr_blank_u16.fits", 0)
    record("cf_pixr_blank_u16.fits", "CFITSIO pixel filter to float32 of the UINT16 extension of img_blank.fits "
           "(BZERO 32768, BLANK -32768): what CFITSIO does with BLANK on pseudo-unsigned data", cmd,
           {0: [(4, 3)]}, nan_count=int(np.isnan(cf).sum()))

    cmd = imcopy("img_bitpix16.fits", "cf_imcopy_tiled.fits[compress GZIP 16,12]")
    record("cf_imcopy_tiled.fits", "img_bitpix16.fits tile-compressed by imcopy: GZIP_1, 16x12 tiles", cmd,
           {1: [(1, 1), (2, 1)]},
           equals_source=arrays_equal(astropy_data("cf_imcopy_tiled.fits", 1), astropy_data("img_bitpix16.fits", 0)))

    # fpack sources that are not already vectors.
    mask = np.zeros((H, W), np.int16)
    mask[10:20, 5:30] = 1
    mask[30:35, 40:60] = 4
    mask[0, :] = 2
    mask[47, 63] = 255
    write("src_mask_int16.fits", [fits.PrimaryHDU(mask)])
    record("src_mask_int16.fits", "source for PLIO: int16 mask with values 0, 1, 2, 4, 255", "astropy")
    f = sky(noise=20).astype(np.float32)
    f[0, :4] = 0.0
    f[5, 5] = f[6, 6] = np.nan
    write("src_float32.fits", [fits.PrimaryHDU(f)])
    record("src_float32.fits", "source for float quantisation: float32 sky ~1000 with noise 20, four exact "
           "zeros (row 1, x 1..4) and NaN at (6,6), (7,7)", "astropy", {0: [(1, 1), (4, 1), (6, 6), (7, 7)]})

    fz = [
        ("fz_rice_i16.fits.fz", "img_bitpix16.fits", "-r", "RICE_1, int16, row tiles"),
        ("fz_rice_i32.fits.fz", "img_bitpix32.fits", "-r", "RICE_1, int32, row tiles"),
        ("fz_rice_u16_tiles.fits.fz", "img_uint16_bzero.fits", "-r -t 16,12",
         "RICE_1, uint16 (BZERO 32768), 16x12 tiles"),
        ("fz_gzip1_i16.fits.fz", "img_bitpix16.fits", "-g1", "GZIP_1, int16"),
        ("fz_gzip2_i32.fits.fz", "img_bitpix32.fits", "-g2", "GZIP_2 (byte shuffled), int32"),
        ("fz_hcompress_i16.fits.fz", "img_bitpix16.fits", "-h", "HCOMPRESS_1 lossless (scale 0), int16"),
        ("fz_plio_mask.fits.fz", "src_mask_int16.fits", "-p", "PLIO_1, int16 mask"),
        ("fz_q4_dither1_f32.fits.fz", "src_float32.fits", "-q42 4",
         "RICE_1, float32 quantised q=4, SUBTRACTIVE_DITHER_1, seed ZDITHER0=42"),
        ("fz_q4_dither2_f32.fits.fz", "src_float32.fits", "-qz42 4",
         "float32 quantised q=4, SUBTRACTIVE_DITHER_2 (zeros kept exact), seed 42; CFITSIO then writes "
         "ZCMPTYPE='RICE_ONE'"),
        ("fz_q4_nodither_f32.fits.fz", "src_float32.fits", "-q0 4", "RICE_1, float32 quantised q=4, NO_DITHER"),
        ("fz_gzip_lossless_f32.fits.fz", "src_float32.fits", "-g -q 0", "GZIP_1, float32 lossless (no quantisation)"),
        ("fz_mef.fits.fz", "mef.fits", "-r -q42 4", "RICE_1 of every image extension of mef.fits (float ones "
         "quantised q=4 with dither seed 42, so lossy; primary NAXIS=0 kept, EMPTY extension kept as is)"),
    ]
    tmp = tempfile.mkdtemp()
    try:
        for out, src, opts, what in fz:
            target = os.path.join(HERE, out)
            if os.path.exists(target):
                os.remove(target)
            cmd = f"fpack {opts} -C -O {out} {src}"
            run(cmd)
            unpacked = os.path.join(tmp, out + ".funpacked.fits")
            run(f"funpack -C -O {unpacked} {out}")
            comparisons = []
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with fits.open(target) as a, fits.open(unpacked) as b, fits.open(os.path.join(HERE, src)) as s:
                    # fpack moves a primary image into extension 1 (empty primary); pair the HDUs that
                    # hold data, in order.
                    pa, pb, ps = data_hdus(a), data_hdus(b), data_hdus(s)
                    assert len(pa) == len(pb) == len(ps), (out, len(pa), len(pb), len(ps))
                    for (ia, da), (ib, db), (isrc, ds) in zip(pa, pb, ps):
                        c = {"index": ia, "funpack_index": ib, "source_index": isrc,
                             "astropy_equals_funpack": arrays_equal(da, db),
                             "funpack_equals_source": arrays_equal(db, ds)}
                        if not c["astropy_equals_funpack"]:
                            fa, fb = np.asarray(da, np.float64), np.asarray(db, np.float64)
                            diff = np.argwhere(~((fa == fb) | (np.isnan(fa) & np.isnan(fb))))
                            c["differing_count"] = int(len(diff))
                            c["differing_pixels_xy"] = [[int(v) + 1 for v in reversed(p)] for p in diff[:10]]
                            c["astropy_values"] = [jnum(fa[tuple(p)]) for p in diff[:10]]
                            c["funpack_values"] = [jnum(fb[tuple(p)]) for p in diff[:10]]
                        if not c["funpack_equals_source"]:
                            dd = np.asarray(db, np.float64) - np.asarray(ds, np.float64)
                            c["max_abs_error_vs_source"] = jnum(np.nanmax(np.abs(dd)))
                            c["nan_count_source"] = int(np.isnan(np.asarray(ds, np.float64)).sum())
                            c["nan_count_funpack"] = int(np.isnan(fb if not c["astropy_equals_funpack"]
                                                                  else np.asarray(db, np.float64)).sum())
                        comparisons.append(c)
            # For the funpack output keep its stats/pixels as the CFITSIO truth where astropy disagrees.
            pts = [(1, 1), (4, 1), (6, 6), (7, 7)]
            fun_hdus, _ = describe_abs(unpacked, {i: pts for i in range(8)})
            entry = record(out, f"fpack of {src}: {what}", cmd, {i: pts for i in range(1, 8)},
                           source=src, comparisons=comparisons)
            if any(not c["astropy_equals_funpack"] for c in comparisons):
                entry["funpack_hdus"] = fun_hdus
                entry["note"] = ("astropy 5.2.1 and funpack disagree: the expected values are funpack's "
                                 "(funpack_hdus, CFITSIO being the reference implementation of tile "
                                 "compression); hdus holds astropy's reading")
    finally:
        shutil.rmtree(tmp)


def data_hdus(hdul):
    out = []
    for i, h in enumerate(hdul):
        d = h.data
        if d is not None and isinstance(h, (fits.PrimaryHDU, fits.ImageHDU, fits.CompImageHDU)) and d.size:
            out.append((i, np.array(d)))
    return out


def describe_abs(path, extra_points):
    """describe() for a file outside HERE (funpack output)."""
    global HERE
    saved = HERE
    HERE = os.path.dirname(path)
    try:
        return describe(os.path.basename(path), extra_points)
    finally:
        HERE = saved


# ----------------------------------------------------------------------------------------------
def main():
    for f in os.listdir(HERE):
        if f.endswith((".fits", ".fz", ".gz")):
            os.remove(os.path.join(HERE, f))
    make_images()
    make_mef()
    make_headers()
    make_tables()
    make_checksums()
    make_cfitsio()
    doc = {"generator": {"script": "tests/Parallax.Fits.Tests/data/vectors/make_vectors.py",
                         "astropy": astropy.__version__, "numpy": np.__version__,
                         "cfitsio_tools": run("fpack -V").strip()},
           "conventions": __doc__.split("What vectors.json holds, per file (key = file name):")[1].strip(),
           "files": dict(sorted(VECTORS.items()))}
    with open(os.path.join(HERE, "vectors.json"), "w") as f:
        f.write(dumps(doc))
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(HERE, f)) for f in os.listdir(HERE))
    print(f"{len(VECTORS)} vector files, directory total {total} bytes")


if __name__ == "__main__":
    main()
