#!/usr/bin/python3
"""Independent reference values for the real-data FITS files, computed with astropy + numpy.

Usage (from the repository root):
    /usr/bin/python3 tests/Parallax.Fits.Tests/data/reference/make_real_stats.py [REAL_DIR] [OUT_JSON]

REAL_DIR defaults to ../shared/data/real (relative to the repository root), OUT_JSON to
real_stats.json next to this script.

Every regular file under REAL_DIR is tried with astropy.io.fits.open (whatever its name);
files that astropy refuses are listed under "skipped" (not FITS: no SIMPLE card) or "failed"
(FITS-like name or SIMPLE card present, but astropy raised), each with astropy's error text.

Conventions of the output (also written into the JSON under "conventions"):
  * naxis: list in FITS order, NAXIS1 first (numpy shape reversed).
  * Image pixel values are astropy's defaults: fits.open(...)[i].data with uint=True,
    do_not_scale_image_data=False, ignore_blank=False. astropy applies BSCALE/BZERO; a header with
    BSCALE=1 and BZERO=2^(n-1) (n = 16, 32, 64) or BITPIX=8 with BZERO=-128 gives unsigned/signed
    integers (BLANK is then NOT applied); otherwise scaled BITPIX 8/16 become float32 and
    BITPIX 32/64 become float64, and pixels equal to BLANK become NaN. The statistics are then
    computed on that array cast to float64:
        count = number of pixels, nan_count = np.isnan(...).sum(),
        sum = math.fsum over the non-NaN values (correctly rounded, order independent),
        sum_numpy = np.nansum (pairwise summation; may differ from sum in the last bits),
        mean = np.nanmean, median = np.nanmedian (mean of the two middle values for even counts),
        min = np.nanmin, max = np.nanmax.
    NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity" (JSON has none).
  * blank_raw_count (integer images with BLANK): the number of stored values equal to BLANK,
    counted on the raw bytes, whatever astropy made of them.
  * samples: exact pixel values at a few positions; "xy" is the FITS 1-based pixel coordinate
    (NAXIS1 index first), the value is the astropy value as a JSON number.
  * data_sha256: SHA-256 of the HDU's data bytes exactly as stored in the (decompressed) file,
    big-endian, without the trailing block padding (length = |BITPIX|/8 * GCOUNT * (PCOUNT + prod NAXISn)).
  * cards: header cards as astropy parses them: keyword (HIERARCH keywords without the
    'HIERARCH ' prefix, as astropy reports them), python type name of the value, the value as JSON
    (complex as [re, im], astropy Undefined as null), repr(value) (left out for str values, where it
    is only Python's quoting), and the comment.
    "first_value_cards" = the first 10 cards that carry a value, skipping the structural keywords
    (SIMPLE, XTENSION, BITPIX, NAXIS*, EXTEND, PCOUNT, GCOUNT, TFIELDS); "extra_cards" = HIERARCH
    cards (first 3), long strings (value longer than 68 chars, i.e. CONTINUE) and selected
    common keywords when present.
  * Tables: rows, columns (name, format TFORMn, dim, unit, TSCAL/TZERO/TNULL when present),
    and per numeric column the sum (math.fsum over all elements of astropy's field array cast to
    float64, NaN skipped) plus the NaN count; logical columns: count of True; string columns: the
    first row's value.
"""
import gzip
import hashlib
import json
import math
import os
import re
import sys
import warnings

import numpy as np
import astropy
from astropy.io import fits

STRUCTURAL = {"SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "TFIELDS", "END"}
SELECTED = ["OBJECT", "EXPTIME", "DATE-OBS", "IMAGETYP", "INSTRUME", "FILTER", "EXTNAME", "BZERO",
            "BSCALE", "BLANK", "CHECKSUM", "DATASUM"]
FITS_SUFFIXES = (".fits", ".fit", ".fts", ".fits.gz", ".fit.gz", ".fz", ".fits.fz")


def jnum(x):
    """A float/int for JSON: NaN and infinities as strings."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def jvalue(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return jnum(v)
    if isinstance(v, complex):
        return [jnum(v.real), jnum(v.imag)]
    if isinstance(v, str):
        return v
    if v is None or type(v).__name__ == "Undefined":
        return None
    return repr(v)


def card_entry(card):
    v = card.value
    e = {"keyword": card.keyword, "type": type(v).__name__, "value": jvalue(v)}
    if not isinstance(v, str):  # for strings repr is only Python's quoting of value
        e["repr"] = repr(v)
    e["comment"] = card.comment
    return e


def is_structural(kw):
    return kw in STRUCTURAL or (kw.startswith("NAXIS") and kw[5:].isdigit())


def header_summary(header, flagged=frozenset()):
    cards = list(header.cards)
    value_cards = [c for c in cards if c.keyword not in ("COMMENT", "HISTORY", "")]
    first = [c for c in value_cards if not is_structural(c.keyword)][:10]
    chosen = {id(c) for c in first}
    extra = []
    hier = [c for c in value_cards if c.image.upper().startswith("HIERARCH")][:3]
    longs = [c for c in value_cards if isinstance(c.value, str) and len(c.value) > 68][:3]
    sel = [c for c in value_cards if c.keyword in SELECTED]
    bad = [c for c in value_cards if c.keyword in flagged]
    for c in bad:
        chosen.add(id(c))
    for c in hier + longs + sel:
        if id(c) not in chosen:
            chosen.add(id(c))
            extra.append(c)
    return {
        "card_count": len(cards),
        "value_card_count": len(value_cards),
        "comment_count": sum(1 for c in cards if c.keyword == "COMMENT"),
        "history_count": sum(1 for c in cards if c.keyword == "HISTORY"),
        "blank_keyword_count": sum(1 for c in cards if c.keyword == ""),
        "first_value_cards": [card_entry(c) for c in first],
        "extra_cards": [card_entry(c) for c in extra],
        # Cards astropy's verification complains about, with the raw 80-char image as stored.
        "flagged_cards": [dict(card_entry(c), image=c._image if c._image else c.image) for c in bad],
    }


def image_stats(data):
    a = np.asarray(data).astype(np.float64).ravel()
    finite_or_inf = a[~np.isnan(a)]
    n = int(a.size)
    nn = int(np.isnan(a).sum())
    out = {"count": n, "nan_count": nn, "astropy_dtype": str(np.asarray(data).dtype)}
    if finite_or_inf.size == 0:
        out.update({"sum": 0.0, "sum_numpy": 0.0, "mean": "NaN", "median": "NaN", "min": "NaN", "max": "NaN"})
        return out
    out.update({
        "sum": jnum(math.fsum(finite_or_inf)) if np.all(np.isfinite(finite_or_inf)) else jnum(np.nansum(a)),
        "sum_numpy": jnum(np.nansum(a)),
        "mean": jnum(np.nanmean(a)),
        "median": jnum(np.nanmedian(a)),
        "min": jnum(np.nanmin(a)),
        "max": jnum(np.nanmax(a)),
    })
    return out


def samples(data, naxis):
    """Exact values at corners, centre and a few interior points; xy is FITS 1-based, NAXIS1 first."""
    shape = data.shape  # numpy: slowest axis first
    pts = set()
    dims = list(reversed(shape))  # FITS order
    def clamp(v, d):
        return max(1, min(d, v))
    pts.add(tuple(1 for _ in dims))
    pts.add(tuple(dims))
    pts.add(tuple(clamp((d + 1) // 2, d) for d in dims))
    pts.add(tuple(clamp(d, d) if i == 0 else 1 for i, d in enumerate(dims)))
    pts.add(tuple(1 if i == 0 else clamp(d, d) for i, d in enumerate(dims)))
    pts.add(tuple(clamp(7 + 13 * i, d) for i, d in enumerate(dims)))
    pts.add(tuple(clamp(d - 5 - 3 * i, d) for i, d in enumerate(dims)))
    res = []
    for p in sorted(pts):
        idx = tuple(v - 1 for v in reversed(p))
        res.append({"xy": list(p), "value": jnum(data[idx].item())})
    return res


def column_entry(col, field):
    e = {"name": col.name, "format": str(col.format)}
    for attr, key in (("dim", "dim"), ("unit", "unit"), ("bscale", "tscal"), ("bzero", "tzero"), ("null", "tnull")):
        v = getattr(col, attr, None)
        if v is not None and v != "":
            e[key] = jvalue(v) if not isinstance(v, str) else v
    try:
        arr = np.asarray(field)
    except Exception as ex:  # variable-length arrays come back as object arrays
        e["error"] = repr(ex)
        return e
    if arr.dtype == object:
        flat = np.concatenate([np.asarray(x, dtype=np.float64).ravel() for x in field]) if len(field) else np.zeros(0)
        arr = flat
        e["variable_length"] = True
    kind = arr.dtype.kind
    if kind == "b":
        e["true_count"] = int(arr.sum())
    elif kind in "iuf":
        f = arr.astype(np.float64).ravel()
        e["sum"] = jnum(math.fsum(f[~np.isnan(f)]))
        e["nan_count"] = int(np.isnan(f).sum())
        e["element_count"] = int(f.size)
    elif kind == "c":
        f = arr.astype(np.complex128).ravel()
        e["sum"] = [jnum(math.fsum(f.real)), jnum(math.fsum(f.imag))]
    elif kind in "SU":
        e["first_value"] = jvalue(arr.ravel()[0].item() if arr.size else None)
        if isinstance(e["first_value"], bytes):
            e["first_value"] = e["first_value"].decode("ascii", "replace")
    return e


def raw_data_hash(raw_bytes, hdu):
    h = hdu.header
    bitpix = abs(int(h["BITPIX"]))
    naxis = int(h.get("NAXIS", 0))
    if naxis == 0:
        nbytes = 0
    else:
        n = 1
        for i in range(1, naxis + 1):
            n *= int(h[f"NAXIS{i}"])
        nbytes = bitpix // 8 * int(h.get("GCOUNT", 1)) * (int(h.get("PCOUNT", 0)) + n)
    loc = hdu.fileinfo()["datLoc"]
    return hashlib.sha256(raw_bytes[loc:loc + nbytes]).hexdigest(), nbytes


def read_bytes(path):
    with open(path, "rb") as f:
        head = f.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        return f.read()


def verify_file(path):
    """astropy's verification of a freshly opened file: 'ok' or its report, plus the cards it names."""
    with warnings.catch_warnings(record=True) as wlist:
        warnings.simplefilter("always")
        with fits.open(path) as hdul:
            try:
                hdul.verify("exception")
                report = "ok"
            except Exception as ex:
                report = str(ex)
    messages = [str(w.message) for w in wlist if not issubclass(w.category, ResourceWarning)]
    named = set(re.findall(r"Card '([^']*)'", report + "\n".join(messages)))
    return report, messages, named


def process_file(path, rel):
    raw = read_bytes(path)
    with open(path, "rb") as f:
        is_gzip = f.read(2) == b"\x1f\x8b"
    report, verify_messages, flagged = verify_file(path)
    entry = {"path": rel, "file_bytes": os.path.getsize(path), "gzip": is_gzip,
             "decompressed_bytes": len(raw), "verify": report, "hdus": []}
    with warnings.catch_warnings(record=True) as wlist:
        warnings.simplefilter("always")
        with fits.open(path) as hdul:
            for i, hdu in enumerate(hdul):
                h = hdu.header
                naxis = int(h.get("NAXIS", 0))
                e = {"index": i, "type": type(hdu).__name__,
                     "extname": h.get("EXTNAME"), "extver": h.get("EXTVER"),
                     "bitpix": int(h["BITPIX"]),
                     "naxis": [int(h[f"NAXIS{k}"]) for k in range(1, naxis + 1)]}
                for k in ("BZERO", "BSCALE", "BLANK"):
                    if k in h:
                        e[k.lower()] = jvalue(h[k])
                e["header_offset"] = hdu.fileinfo()["hdrLoc"]
                e["data_offset"] = hdu.fileinfo()["datLoc"]
                sha, nbytes = raw_data_hash(raw, hdu)
                e["data_bytes"] = nbytes
                e["data_sha256"] = sha
                e["header"] = header_summary(h, flagged)
                if isinstance(hdu, (fits.PrimaryHDU, fits.ImageHDU, fits.CompImageHDU)):
                    data = hdu.data
                    if data is not None:
                        e["shape_numpy"] = list(data.shape)
                        e["stats"] = image_stats(data)
                        e["samples"] = samples(data, naxis)
                        if "BLANK" in h and e["bitpix"] > 0 and not isinstance(hdu, fits.CompImageHDU):
                            # How many stored values equal BLANK: astropy turns them into NaN only
                            # on its float path, never for pseudo-unsigned (BZERO=2^(n-1)) data.
                            code = {8: "u1", 16: ">i2", 32: ">i4", 64: ">i8"}[e["bitpix"]]
                            stored = np.frombuffer(raw, dtype=code, count=e["stats"]["count"],
                                                   offset=e["data_offset"])
                            e["stats"]["blank_raw_count"] = int((stored == int(h["BLANK"])).sum())
                elif isinstance(hdu, (fits.BinTableHDU, fits.TableHDU)):
                    data = hdu.data
                    e["rows"] = 0 if data is None else len(data)
                    e["columns"] = [column_entry(c, data[c.name] if data is not None else [])
                                    for c in hdu.columns]
                entry["hdus"].append(e)
    messages = verify_messages + [str(w.message) for w in wlist if not issubclass(w.category, ResourceWarning)]
    entry["warnings"] = sorted({m.strip() for m in messages})
    return entry


def dumps(obj, depth=0, pretty_depth=4):
    """JSON with indentation for the outer levels and one line per inner object (keeps the file small)."""
    if depth >= pretty_depth or not isinstance(obj, (dict, list)) or not obj:
        return json.dumps(obj, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    pad = " " * (depth + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(k)}:{dumps(v, depth + 1, pretty_depth)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    items = [pad + dumps(v, depth + 1, pretty_depth) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"


def read_manifests(root):
    """file -> hdu_shapes from every MANIFEST.tsv (paths relative to root)."""
    out = {}
    for dirpath, _, files in os.walk(root):
        if "MANIFEST.tsv" in files:
            with open(os.path.join(dirpath, "MANIFEST.tsv")) as f:
                lines = f.read().splitlines()
            cols = lines[0].split("\t")
            for line in lines[1:]:
                if not line.strip():
                    continue
                row = dict(zip(cols, line.split("\t")))
                rel = os.path.relpath(os.path.join(dirpath, row["file"]), root)
                out[rel] = row
    return out


def manifest_shapes(entry):
    """The MANIFEST's notation (hdu_shapes column): numpy shape 'AxB:dtype' per image HDU with data, 'tableN' per table."""
    parts = []
    for h in entry["hdus"]:
        if "rows" in h:
            parts.append(f"table{h['rows']}")
        elif "shape_numpy" in h:
            dt = h["stats"]["astropy_dtype"]
            dt = {"float32": ">f4", "float64": ">f8"}.get(dt, dt)
            parts.append("x".join(str(s) for s in h["shape_numpy"]) + ":" + dt)
    return ";".join(parts)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo_root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo_root, "..", "shared", "data", "real")
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "real_stats.json")
    root = os.path.abspath(root)
    if not os.path.isdir(root):
        sys.exit(f"real data folder not found: {root} (pass it as the first argument)")
    files, skipped, failed = [], [], []
    for dirpath, dirnames, names in os.walk(root):
        dirnames.sort()
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            try:
                files.append(process_file(path, rel))
            except Exception as ex:
                raw = read_bytes(path)
                item = {"path": rel, "error": f"{type(ex).__name__}: {ex}"}
                if raw[:6] == b"SIMPLE" or name.lower().endswith(FITS_SUFFIXES):
                    failed.append(item)
                else:
                    item["reason"] = "not a FITS file (astropy finds no SIMPLE card)"
                    skipped.append(item)
    files.sort(key=lambda e: e["path"])
    # Cross-check against the MANIFEST.tsv files.
    manifest = read_manifests(root)
    done = {e["path"]: e for e in files}
    checks = []
    for rel, row in sorted(manifest.items()):
        if rel not in done:
            checks.append({"path": rel, "status": "listed in MANIFEST but not read"})
            continue
        mine = manifest_shapes(done[rel])
        ok = mine == row.get("hdu_shapes")
        checks.append({"path": rel, "status": "ok" if ok else "shape mismatch",
                       "manifest_hdu_shapes": row.get("hdu_shapes"), "astropy_hdu_shapes": mine,
                       "manifest_bytes_match": str(done[rel]["file_bytes"]) == row.get("bytes")})
    not_in_manifest = sorted(p for p in done if p not in manifest)
    doc = {
        "generator": {"script": "tests/Parallax.Fits.Tests/data/reference/make_real_stats.py",
                      "astropy": astropy.__version__, "numpy": np.__version__,
                      "python": sys.version.split()[0]},
        "root": "../shared/data/real",
        "conventions": __doc__.split("Conventions of the output (also written into the JSON under \"conventions\"):")[1].strip(),
        "files": files,
        "skipped": skipped,
        "failed": failed,
        "manifest_check": {"ok_count": sum(1 for c in checks if c["status"] == "ok"),
                           "problems": [c for c in checks if c["status"] != "ok" or not c.get("manifest_bytes_match")]},
        "not_in_any_manifest": not_in_manifest,
    }
    with open(out_path, "w") as f:
        f.write(dumps(doc))
        f.write("\n")
    print(f"{len(files)} FITS files, {sum(len(e['hdus']) for e in files)} HDUs, "
          f"{len(skipped)} skipped, {len(failed)} failed -> {out_path}")
    for item in skipped:
        print("skipped:", item["path"], "-", item["reason"])
    for item in failed:
        print("FAILED:", item["path"], "-", item["error"])
    bad = [c for c in checks if c["status"] != "ok"]
    for c in bad:
        print("MANIFEST:", c)


if __name__ == "__main__":
    main()
