#!/usr/bin/python3
"""Malformed FITS inputs, and what astropy and fitsverify make of them (bad.json).

Usage: /usr/bin/python3 tests/Parallax.Fits.Tests/data/bad/make_bad.py
Writes every file next to this script and rewrites bad.json. The files are built byte by byte here
(astropy refuses to write most of them); README.md says, one line per file, what each is and what a
reader must report.

bad.json, per file: description, bytes, astropy (what fits.open + reading every HDU's data did:
"ok" with the HDU count, or the exception type and message; plus the warnings it issued), and
fitsverify (its verdict line and messages).
"""
import gzip
import json
import os
import subprocess
import warnings

import numpy as np
from astropy.io import fits

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = {}


def card(text):
    b = text.encode("latin-1")
    assert len(b) <= 80, (len(b), text)
    return b.ljust(80, b" ")


def value_card(key, value_field, comment=None):
    field = value_field.rjust(20) if len(value_field) < 20 else value_field
    text = f"{key:<8}= {field}"
    if comment is not None:
        text += f" / {comment}"
    return card(text)


def block(cards, end=True):
    body = b"".join(cards) + (card("END") if end else b"")
    return body + b" " * (-len(body) % 2880)


def primary_cards(bitpix=16, naxes=(64, 48)):
    cards = [value_card("SIMPLE", "T", "conforms to FITS standard"), value_card("BITPIX", str(bitpix)),
             value_card("NAXIS", str(len(naxes)))]
    cards += [value_card(f"NAXIS{i + 1}", str(n)) for i, n in enumerate(naxes)]
    return cards


def good_data(naxes=(64, 48)):
    a = (np.arange(int(np.prod(naxes)), dtype=np.int64) % 1000 - 500).astype(">i2")
    b = a.tobytes()
    return b + b"\0" * (-len(b) % 2880)


def astropy_outcome(name):
    path = os.path.join(HERE, name)
    with warnings.catch_warnings(record=True) as wl:
        warnings.simplefilter("always")
        try:
            with fits.open(path) as h:
                n = len(h)
                shapes = []
                for x in h:
                    d = x.data
                    shapes.append(None if d is None else list(d.shape))
                result = {"result": "ok", "hdu_count": n, "data_shapes": shapes}
                # How astropy reads each non-structural card: its value, or the error it raises.
                cards = []
                for c in h[0].header.cards:
                    if c.keyword in ("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "END"):
                        continue
                    try:
                        cards.append({"keyword": c.keyword, "type": type(c.value).__name__, "value": c.value,
                                      "comment": c.comment})
                    except Exception as ex:
                        cards.append({"keyword": c.keyword, "error": f"{type(ex).__name__}: {ex}"})
                result["cards"] = cards
                try:
                    h.verify("exception")
                    result["verify"] = "ok"
                except Exception as ex:
                    result["verify"] = " ".join(str(ex).split())
        except Exception as ex:
            result = {"result": "exception", "exception": type(ex).__name__, "message": " ".join(str(ex).split())}
    msgs = sorted({" ".join(str(w.message).split()) for w in wl if not issubclass(w.category, ResourceWarning)})
    if msgs:
        result["warnings"] = msgs
    return result


def fitsverify(name):
    q = subprocess.run(["fitsverify", "-q", name], capture_output=True, text=True, errors="backslashreplace", cwd=HERE)
    r = subprocess.run(["fitsverify", name], capture_output=True, text=True, errors="backslashreplace", cwd=HERE)
    msgs = []
    for line in (r.stdout + "\n" + r.stderr).splitlines():
        if line.startswith(("*** Error", "*** Warning")):
            msgs.append(" ".join(line[4:].split()))
        elif msgs and line.startswith("      ") and line.strip():  # continuation of the last message
            msgs[-1] += " " + " ".join(line.split())
        elif not line.strip() and msgs and not msgs[-1].endswith("|"):
            msgs[-1] += "|"  # a blank line ends the message
    msgs = [m.rstrip("|") for m in msgs]
    out = {"verdict": " ".join((q.stdout + q.stderr).split())}
    if msgs:
        out["messages"] = msgs
    return out


def write(name, content, description, must):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(content)
    BAD[name] = {"description": description, "reader_must": must, "bytes": len(content),
                 "astropy": astropy_outcome(name), "fitsverify": fitsverify(name)}


def main():
    for f in os.listdir(HERE):
        if f.endswith((".fits", ".fits.gz", ".png", ".txt")):
            os.remove(os.path.join(HERE, f))

    header = block(primary_cards())
    data = good_data()

    write("truncated_data.fits", header + data[:3000],
          "64x48 int16 primary: complete header, data unit cut to 3000 of the 6144 data bytes",
          "error: data unit truncated (expected 6144 bytes at offset 2880, file ends at 5880); the header "
          "alone stays readable")

    write("truncated_header.fits", header[:1000],
          "primary header cut after 1000 bytes (12.5 cards), no END, file shorter than one block",
          "error: header truncated / END card not found before end of file")

    write("huge_naxis.fits", block(primary_cards(16, (1_000_000_000, 1))) + data[:2880],
          "BITPIX 16, NAXIS1 = 1000000000, NAXIS2 = 1 (claims 2 GB of data) but only one data block follows",
          "error: data unit truncated (declares 2000000000 bytes, 2880 present), reported without trying to "
          "allocate 2 GB")

    write("overflow_naxis.fits", block(primary_cards(-64, (10_000_000, 10_000_000, 10_000_000))),
          "BITPIX -64, NAXIS1 = NAXIS2 = NAXIS3 = 10^7: the data size (8e21 bytes) overflows a 64-bit integer",
          "error: data size too large / overflow, never a negative or wrapped size")

    cards = primary_cards() + [card("OBJECT  = 'M31\tfield'         / a TAB inside the string"),
                               card("FILTER  = 'R'                  / \x01 control byte in the comment")]
    write("control_char.fits", block(cards) + data,
          "valid 64x48 int16 image whose header has a TAB (0x09) inside a string value and a 0x01 byte in a "
          "comment (header bytes must be ASCII 32-126)",
          "strict: error naming the card (OBJECT / FILTER) and the illegal byte; lenient: warning, values "
          "read as written ('M31<TAB>field', 'R'); the pixel data are fine")

    noend = b"".join(primary_cards() + [value_card(f"KEY{i:05d}", str(i)) for i in range(36 - 5)])
    assert len(noend) == 2880
    binary = bytes(range(256)) * 24
    write("no_end.fits", noend + binary[:5760],
          "a full 2880-byte header block of valid cards without END, followed by 5760 bytes of binary "
          "(non-ASCII) data",
          "error: END card missing (the next block holds non-ASCII bytes, not cards); must not read "
          "binary bytes as cards and must not run past the end of file")

    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                        "0000000d4944415478da63f8cfc0f01f0005000201a0e3f0d70000000049454e44ae426082")
    write("not_fits.png", png, "a 1x1 PNG image (PNG signature), not FITS",
          "error: not a FITS file (does not start with SIMPLE  =)")
    write("not_fits.txt", b"This is a plain text file.\nSIMPLE is mentioned but not in a card.\n",
          "plain ASCII text, not FITS", "error: not a FITS file (does not start with SIMPLE  =)")

    write("empty.fits", b"", "zero-length file", "error: empty file, not FITS")

    cards = primary_cards() + [card("exptime =                 60.0 / lower-case keyword"),
                               value_card("OBJECT", "'M31'")]
    write("lowercase_keyword.fits", block(cards) + data,
          "valid 64x48 int16 image with the card 'exptime =  60.0' (keyword in lower case)",
          "strict: error (keywords are upper case A-Z, 0-9, '-', '_'); lenient: warning and the keyword read "
          "as EXPTIME = 60.0 (astropy upper-cases it when it looks it up); OBJECT still 'M31'")

    cards = primary_cards() + [value_card("EXPTIME", "'060.00'", "exposure written as a string")]
    write("exptime_string.fits", block(cards) + data,
          "valid 64x48 int16 image with EXPTIME = '060.00' (a string, not a number)",
          "the file is valid FITS: the card's value is the string '060.00' (leading zero kept); reading it as "
          "a number must either fail with a type error naming EXPTIME or, where the caller asks for a "
          "lenient conversion, give 60.0 - never silently 0")

    write("bad_bitpix.fits", block(primary_cards(12)) + data,
          "BITPIX = 12 (allowed: 8, 16, 32, 64, -32, -64)", "error: invalid BITPIX 12")

    cards = [value_card("SIMPLE", "T"), value_card("BITPIX", "16"), value_card("NAXIS", "2"),
             value_card("NAXIS1", "64")]
    write("missing_naxis2.fits", block(cards) + data,
          "NAXIS = 2 but no NAXIS2 card", "error: required keyword NAXIS2 missing")

    good = header + data
    gz = gzip.compress(good, mtime=0)
    write("truncated_gzip.fits.gz", gz[:len(gz) // 2],
          "gzip of a valid 64x48 int16 file, cut in the middle of the compressed stream",
          "error: compressed stream truncated / unexpected end of gzip data")

    doc = {"generator": "tests/Parallax.Fits.Tests/data/bad/make_bad.py (astropy " + fits.__name__ + ")",
           "files": dict(sorted(BAD.items()))}
    import astropy
    doc["generator"] = {"script": "tests/Parallax.Fits.Tests/data/bad/make_bad.py", "astropy": astropy.__version__}
    with open(os.path.join(HERE, "bad.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=True)
        f.write("\n")
    for name, e in sorted(BAD.items()):
        a = e["astropy"]
        print(f"{name:26s} astropy: {a['result']} {a.get('exception', '')} {a.get('message', '')[:70]}"
              f" | warnings {len(a.get('warnings', []))} | fitsverify: {e['fitsverify']['verdict'][:60]}")


if __name__ == "__main__":
    main()
