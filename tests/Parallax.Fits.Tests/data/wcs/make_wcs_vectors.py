#!/usr/bin/python3
"""Writes vectors/<case>.json: reference transforms from astropy.wcs (wcslib) for the Parallax WCS tests.

Run from the repository root:
    /usr/bin/python3 tests/Parallax.Fits.Tests/data/wcs/make_wcs_vectors.py

For every case it records the header as 80-character card images, a grid of zero-based pixel positions
with astropy's all_pix2world(..., 0) and all_world2pix(..., 0) of the result, a second set of sky
positions (rounded to 1e-9 deg, so independent of the pixel grid) with astropy's all_world2pix(..., 0),
and the LONPOLE/LATPOLE wcslib settles on plus astropy's pixel scales. NaN is written as null.
The real header of the ISAAC frame in shared/data/real/misc (found by walking up from this folder) is dumped
card by card as it is in the file.
"""
import glob
import json
import math
import os
import warnings

import astropy
import numpy as np
from astropy import wcs
from astropy.io import fits
from astropy.wcs.utils import proj_plane_pixel_area, proj_plane_pixel_scales

HERE = os.path.dirname(os.path.abspath(__file__))


def find_real_misc():
    d = HERE
    while True:
        candidate = os.path.join(d, "shared", "data", "real", "misc")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(d)
        if parent == d:
            raise SystemExit("shared/data/real/misc not found above " + HERE)
        d = parent


TIGHT = dict(tolerance=1e-12, maxiter=200)


def header_from(cards):
    h = fits.Header()
    for key, value in cards:
        h[key] = value
    return h


def cd_matrix(scale_x, scale_y, rotation_deg, skew=0.0):
    r = math.radians(rotation_deg)
    return [
        ("CD1_1", -scale_x * math.cos(r)),
        ("CD1_2", scale_y * math.sin(r) + skew),
        ("CD2_1", scale_x * math.sin(r)),
        ("CD2_2", scale_y * math.cos(r)),
    ]


def pixel_grid(nx, ny, n=9, extra=()):
    xs = np.linspace(-0.5, nx - 0.5, n)
    ys = np.linspace(-0.5, ny - 0.5, n)
    pts = [(x + 0.123, y - 0.071) for y in ys for x in xs]
    pts += list(extra)
    return np.array(pts, dtype=float)


def sip_coefficients(order, seed, scale):
    rng = np.random.default_rng(seed)
    a = np.zeros((order + 1, order + 1))
    b = np.zeros((order + 1, order + 1))
    for p in range(order + 1):
        for q in range(order + 1 - p):
            if p + q >= 2:
                s = scale / (1000.0 ** (p + q - 2))
                a[p, q] = rng.normal(0, s)
                b[p, q] = rng.normal(0, s)
    return a, b


def fit_inverse(a, b, order, nx, ny, crpix):
    """Least-squares AP/BP (as SIP fitting tools do): approximate, deliberately not exact."""
    u, v = np.meshgrid(np.linspace(-crpix[0], nx - crpix[0], 40), np.linspace(-crpix[1], ny - crpix[1], 40))
    u, v = u.ravel(), v.ravel()

    def poly(c, x, y):
        return sum(c[p, q] * x ** p * y ** q for p in range(c.shape[0]) for q in range(c.shape[0] - p))

    U = u + poly(a, u, v)
    V = v + poly(b, u, v)
    terms = [(p, q) for p in range(order + 1) for q in range(order + 1 - p)]
    M = np.array([U ** p * V ** q for p, q in terms]).T
    ap_c, *_ = np.linalg.lstsq(M, u - U, rcond=None)
    bp_c, *_ = np.linalg.lstsq(M, v - V, rcond=None)
    ap = np.zeros((order + 1, order + 1))
    bp = np.zeros((order + 1, order + 1))
    for (p, q), ca, cb in zip(terms, ap_c, bp_c):
        ap[p, q], bp[p, q] = ca, cb
    return ap, bp


def sip_cards(prefix, c):
    order = c.shape[0] - 1
    out = [(prefix + "_ORDER", order)]
    for p in range(order + 1):
        for q in range(order + 1 - p):
            if c[p, q] != 0.0:
                out.append((f"{prefix}_{p}_{q}", float(c[p, q])))
    return out


def cases():
    base_tan = [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRPIX1", 512.3), ("CRPIX2", 498.7),
                ("CRVAL1", 150.11917), ("CRVAL2", 2.20583)]
    yield "tan_cd", "TAN with a rotated, slightly skewed CD matrix", \
        base_tan + cd_matrix(5.6e-5, 5.5e-5, 25.0, skew=2e-7) + [("RADESYS", "ICRS")], (1024, 1024)
    yield "tan_pc_cdelt", "TAN with PC rotation and CDELT", \
        base_tan + [("CDELT1", -2.5e-4), ("CDELT2", 2.5e-4), ("PC1_1", math.cos(0.7)), ("PC1_2", -math.sin(0.7)),
                    ("PC2_1", math.sin(0.7)), ("PC2_2", math.cos(0.7)), ("RADESYS", "FK5"), ("EQUINOX", 2000.0)], (800, 600)
    yield "tan_crota2", "TAN with CDELT and the AIPS CROTA2 (unequal scales)", \
        base_tan + [("CDELT1", -3.0e-4), ("CDELT2", 2.8e-4), ("CROTA2", 33.3), ("EQUINOX", 1950.0)], (700, 700)
    # The keywords Wcs.CreateTan(10.68, 41.27, 400.5, 300.5, 1e-4, 17.5) stands for (east left, rotated as CROTA2).
    yield "tan_create_equivalent", "TAN with CDELT1 = -CDELT2 and CROTA2, the convention of Wcs.CreateTan", \
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRPIX1", 400.5), ("CRPIX2", 300.5), ("CRVAL1", 10.68),
         ("CRVAL2", 41.27), ("CDELT1", -1e-4), ("CDELT2", 1e-4), ("CROTA2", 17.5)], (800, 600)
    # wcslib's precedence when a header has both: PC (with CDELT) wins and CD is ignored.
    yield "tan_pc_over_cd", "TAN with both CD and PC/CDELT: wcslib uses PC/CDELT", \
        base_tan + cd_matrix(1e-4, 1e-4, -10.0) + [("CDELT1", -2e-4), ("CDELT2", 2e-4), ("PC1_1", 0.5), ("PC2_2", 0.5)], (600, 600)
    yield "tan_cd_over_crota2", "TAN with CD and a stray CDELT/CROTA2: CD wins", \
        base_tan + cd_matrix(1e-4, 1e-4, 5.0) + [("CDELT1", -1.0), ("CDELT2", 1.0), ("CROTA2", 30.0)], (600, 600)
    yield "tan_lonpole", "TAN with a non-default LONPOLE", \
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRPIX1", 300.0), ("CRPIX2", 250.5), ("CRVAL1", 83.633),
         ("CRVAL2", 22.0145), ("CDELT1", -1e-3), ("CDELT2", 1e-3), ("LONPOLE", 150.0)], (600, 500)
    yield "tan_near_pole", "TAN with the celestial pole in the field", \
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRPIX1", 100.4), ("CRPIX2", 100.6), ("CRVAL1", 37.95),
         ("CRVAL2", 89.95), ("CDELT1", -0.01), ("CDELT2", 0.01)], (200, 200)
    yield "tan_negative_ra", "TAN with a negative CRVAL1 in the south (wcslib keeps longitudes negative)", \
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRPIX1", 256.0), ("CRPIX2", 256.0), ("CRVAL1", -45.5),
         ("CRVAL2", -60.2)] + cd_matrix(2e-3, 2e-3, 70.0), (512, 512)
    yield "tan_swapped_axes", "TAN with CTYPE1 = DEC, CTYPE2 = RA", \
        [("CTYPE1", "DEC--TAN"), ("CTYPE2", "RA---TAN"), ("CRPIX1", 200.0), ("CRPIX2", 180.0), ("CRVAL1", -12.5),
         ("CRVAL2", 210.3), ("CD1_1", 0.0), ("CD1_2", 3e-4), ("CD2_1", -3e-4), ("CD2_2", 1e-5)], (400, 400)
    yield "tan_galactic", "GLON/GLAT TAN", \
        [("CTYPE1", "GLON-TAN"), ("CTYPE2", "GLAT-TAN"), ("CRPIX1", 150.0), ("CRPIX2", 150.0), ("CRVAL1", 30.0),
         ("CRVAL2", -2.0), ("CDELT1", -0.02), ("CDELT2", 0.02)], (300, 300)
    yield "tan_wide_far_side", "TAN over 180 degrees: the plane is finite but the grid spans it", \
        [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRPIX1", 50.5), ("CRPIX2", 50.5), ("CRVAL1", 10.0),
         ("CRVAL2", 45.0), ("CDELT1", -5.0), ("CDELT2", 5.0)], (100, 100)
    yield "sin", "SIN (orthographic) with the disc edge inside the grid", \
        [("CTYPE1", "RA---SIN"), ("CTYPE2", "DEC--SIN"), ("CRPIX1", 150.5), ("CRPIX2", 150.5), ("CRVAL1", 201.365),
         ("CRVAL2", -43.019), ("CDELT1", -0.5), ("CDELT2", 0.5)], (300, 300)
    yield "sin_pv", "SIN slant projection with PV2_1/PV2_2", \
        [("CTYPE1", "RA---SIN"), ("CTYPE2", "DEC--SIN"), ("CRPIX1", 120.0), ("CRPIX2", 130.0), ("CRVAL1", 45.0),
         ("CRVAL2", 30.0), ("CDELT1", -0.4), ("CDELT2", 0.4), ("PV2_1", 0.2), ("PV2_2", -0.15)], (240, 260)
    yield "sin_ncp", "SIN in the NCP form (PV2_2 = cot(CRVAL2))", \
        [("CTYPE1", "RA---SIN"), ("CTYPE2", "DEC--SIN"), ("CRPIX1", 64.0), ("CRPIX2", 64.0), ("CRVAL1", 187.7),
         ("CRVAL2", 60.0), ("CDELT1", -0.05), ("CDELT2", 0.05), ("PV2_1", 0.0), ("PV2_2", 1.0 / math.tan(math.radians(60.0)))], (128, 128)
    yield "arc", "ARC, grid beyond 180 degrees from the reference point", \
        [("CTYPE1", "RA---ARC"), ("CTYPE2", "DEC--ARC"), ("CRPIX1", 200.5), ("CRPIX2", 200.5), ("CRVAL1", 120.0),
         ("CRVAL2", -30.0), ("CDELT1", -1.0), ("CDELT2", 1.0)], (400, 400)
    yield "zea", "ZEA, grid beyond the projection boundary", \
        [("CTYPE1", "RA---ZEA"), ("CTYPE2", "DEC--ZEA"), ("CRPIX1", 150.5), ("CRPIX2", 150.5), ("CRVAL1", 0.0),
         ("CRVAL2", 90.0), ("CDELT1", -1.0), ("CDELT2", 1.0)], (300, 300)
    yield "stg", "STG (stereographic)", \
        [("CTYPE1", "RA---STG"), ("CTYPE2", "DEC--STG"), ("CRPIX1", 100.5), ("CRPIX2", 100.5), ("CRVAL1", 300.0),
         ("CRVAL2", 10.0), ("CDELT1", -0.5), ("CDELT2", 0.5)], (200, 200)
    yield "car", "CAR on the equator, grid beyond |x| = 180", \
        [("CTYPE1", "RA---CAR"), ("CTYPE2", "DEC--CAR"), ("CRPIX1", 200.5), ("CRPIX2", 100.5), ("CRVAL1", 0.0),
         ("CRVAL2", 0.0), ("CDELT1", -1.0), ("CDELT2", 1.0)], (400, 200)
    yield "car_oblique", "CAR with CRVAL2 != 0 (LATPOLE default +90)", \
        [("CTYPE1", "RA---CAR"), ("CTYPE2", "DEC--CAR"), ("CRPIX1", 100.5), ("CRPIX2", 60.5), ("CRVAL1", 120.0),
         ("CRVAL2", 30.0), ("CDELT1", -0.5), ("CDELT2", 0.5)], (200, 120)
    yield "car_oblique_latpole", "CAR with CRVAL2 != 0 and LATPOLE choosing the southern solution", \
        [("CTYPE1", "RA---CAR"), ("CTYPE2", "DEC--CAR"), ("CRPIX1", 100.5), ("CRPIX2", 60.5), ("CRVAL1", 120.0),
         ("CRVAL2", 30.0), ("CDELT1", -0.5), ("CDELT2", 0.5), ("LATPOLE", -90.0)], (200, 120)
    yield "car_lonpole", "CAR with a non-default LONPOLE", \
        [("CTYPE1", "RA---CAR"), ("CTYPE2", "DEC--CAR"), ("CRPIX1", 90.0), ("CRPIX2", 45.0), ("CRVAL1", 250.0),
         ("CRVAL2", 20.0), ("CDELT1", -0.5), ("CDELT2", 0.5), ("LONPOLE", 30.0)], (180, 90)
    yield "ait", "AIT all-sky in galactic coordinates, corners outside the ellipse", \
        [("CTYPE1", "GLON-AIT"), ("CTYPE2", "GLAT-AIT"), ("CRPIX1", 200.5), ("CRPIX2", 100.5), ("CRVAL1", 0.0),
         ("CRVAL2", 0.0), ("CDELT1", -1.0), ("CDELT2", 1.0)], (400, 200)
    yield "ait_oblique", "AIT centred off the equator", \
        [("CTYPE1", "RA---AIT"), ("CTYPE2", "DEC--AIT"), ("CRPIX1", 100.5), ("CRPIX2", 50.5), ("CRVAL1", 266.4),
         ("CRVAL2", -28.9), ("CDELT1", -1.5), ("CDELT2", 1.5)], (200, 100)
    yield "mer", "MER (Mercator)", \
        [("CTYPE1", "RA---MER"), ("CTYPE2", "DEC--MER"), ("CRPIX1", 100.5), ("CRPIX2", 150.5), ("CRVAL1", 10.0),
         ("CRVAL2", 0.0), ("CDELT1", -1.0), ("CDELT2", 1.0)], (200, 300)
    yield "cea", "CEA with PV2_1 = 0.75", \
        [("CTYPE1", "RA---CEA"), ("CTYPE2", "DEC--CEA"), ("CRPIX1", 100.5), ("CRPIX2", 100.5), ("CRVAL1", 180.0),
         ("CRVAL2", 0.0), ("CDELT1", -1.0), ("CDELT2", 1.0), ("PV2_1", 0.75)], (200, 200)
    yield "sfl", "SFL (Sanson-Flamsteed), corners outside", \
        [("CTYPE1", "RA---SFL"), ("CTYPE2", "DEC--SFL"), ("CRPIX1", 200.5), ("CRPIX2", 100.5), ("CRVAL1", 90.0),
         ("CRVAL2", 0.0), ("CDELT1", -1.0), ("CDELT2", 1.0)], (400, 200)

    # SIP: third-order distortion of a few pixels at the corners, as in HST/Spitzer/ZTF headers.
    nx, ny, crpix = 2048, 2048, (1024.5, 1020.25)
    a, b = sip_coefficients(3, seed=7, scale=4e-6)
    ap, bp = fit_inverse(a, b, 3, nx, ny, crpix)
    sip_base = [("CTYPE1", "RA---TAN-SIP"), ("CTYPE2", "DEC--TAN-SIP"), ("CRPIX1", crpix[0]), ("CRPIX2", crpix[1]),
                ("CRVAL1", 53.1625), ("CRVAL2", -27.7914)] + cd_matrix(3.3e-5, 3.3e-5, 12.0)
    yield "tan_sip_with_inverse", "TAN-SIP with A/B order 3 and fitted AP/BP", \
        sip_base + sip_cards("A", a) + sip_cards("B", b) + sip_cards("AP", ap) + sip_cards("BP", bp), (nx, ny)
    yield "tan_sip_without_inverse", "TAN-SIP with A/B only (inverse by iteration)", \
        sip_base + sip_cards("A", a) + sip_cards("B", b), (nx, ny)
    a4, b4 = sip_coefficients(4, seed=11, scale=6e-6)
    yield "tan_sip_pc_order4", "TAN-SIP order 4 with PC + CDELT", \
        [("CTYPE1", "RA---TAN-SIP"), ("CTYPE2", "DEC--TAN-SIP"), ("CRPIX1", 800.0), ("CRPIX2", 600.0),
         ("CRVAL1", 280.1), ("CRVAL2", 65.3), ("CDELT1", -2e-4), ("CDELT2", 2e-4), ("PC1_1", 0.9), ("PC1_2", -0.3),
         ("PC2_1", 0.3), ("PC2_2", 0.9)] + sip_cards("A", a4) + sip_cards("B", b4), (1600, 1200)


def real_cards(path):
    """The header's card images exactly as in the file, up to (not including) END."""
    cards = []
    with open(path, "rb") as f:
        while True:
            block = f.read(2880)
            if len(block) < 2880:
                raise ValueError("no END card")
            for i in range(36):
                image = block[i * 80:(i + 1) * 80].decode("ascii")
                if image.rstrip() == "END":
                    return cards
                cards.append(image)


def offset(lon, lat, distance, position_angle):
    """The point at an angular distance and position angle (east of north) from (lon, lat), all in degrees."""
    lon, lat, d, pa = map(math.radians, (lon, lat, distance, position_angle))
    lat2 = math.asin(math.sin(lat) * math.cos(d) + math.cos(lat) * math.sin(d) * math.cos(pa))
    lon2 = lon + math.atan2(math.sin(pa) * math.sin(d) * math.cos(lat), math.cos(d) - math.sin(lat) * math.sin(lat2))
    return [round(math.degrees(lon2) % 360.0, 9), round(math.degrees(lat2), 9)]


def nan_to_none(a):
    return [[None if not np.isfinite(v) else float(v) for v in row] for row in np.asarray(a, dtype=float)]


def record(name, description, header, size, cards_images, real=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = wcs.WCS(header)
    # astropy works in FITS axis order; the vectors hold sky positions as (longitude, latitude).
    order = [w.wcs.lng, w.wcs.lat]

    def pix2world(pix):
        return w.all_pix2world(pix, 0)[:, order]

    def world2pix(lonlat, exact=True):
        axis_order = np.empty_like(lonlat)
        axis_order[:, order] = lonlat
        return w.all_world2pix(axis_order, 0, **TIGHT) if exact else w.wcs_world2pix(axis_order, 0)

    nx, ny = size
    pixels = pixel_grid(nx, ny)
    world = pix2world(pixels)
    ok = np.all(np.isfinite(world), axis=1)
    back = np.full_like(world, np.nan)
    if ok.any():
        back[ok] = world2pix(world[ok])

    # Independent sky positions: a shifted, finer-spaced grid, rounded to 1e-9 deg.
    probe_pixels = pixel_grid(nx, ny, n=6) * 0.83 + np.array([0.37 * nx * 0.1, -0.21 + 0.05 * ny])
    probe_world = np.round(pix2world(probe_pixels), 9)
    probe_world = probe_world[np.all(np.isfinite(probe_world), axis=1)]
    world_to_pixel = world2pix(probe_world) if len(probe_world) else np.zeros((0, 2))
    # Positions far from the reference point (120 and 150 degrees away): off the visible hemisphere for TAN and SIN
    # (astropy gives NaN), far outside the image for the others. Not nearer the antipode, where every projection
    # is so ill-conditioned that rounding alone moves the pixel by more than the test tolerance.
    # wcs_world2pix is used here because there is no SIP on these cases; astropy gives NaN where wcslib rejects.
    if w.sip is None:
        crval = w.wcs.crval
        far = np.array([offset(crval[w.wcs.lng], crval[w.wcs.lat], 150.0, 40.0),
                        offset(crval[w.wcs.lng], crval[w.wcs.lat], 120.0, 200.0)])
        probe_world = np.vstack([probe_world, far])
        world_to_pixel = np.vstack([world_to_pixel, world2pix(far, exact=False)])

    w.wcs.set()
    out = {
        "name": name,
        "description": description,
        "cards": cards_images,
        "lng_axis": int(w.wcs.lng) + 1,
        "pixels": pixels.tolist(),
        "world": nan_to_none(world),
        "back": nan_to_none(back),
        "world_inputs": nan_to_none(probe_world),
        "world_to_pixel": nan_to_none(world_to_pixel),
        "lonpole": float(w.wcs.lonpole),
        "latpole": float(w.wcs.latpole),
        "pixel_scales": [float(s) for s in proj_plane_pixel_scales(w)],
        "pixel_area": float(proj_plane_pixel_area(w)),
        "radesys": w.wcs.radesys or None,
        "equinox": None if not np.isfinite(w.wcs.equinox) else float(w.wcs.equinox),
    }
    if real is not None:
        out["real_file"] = real
    return out


def main():
    provenance = {
        "generator": "tests/Parallax.Fits.Tests/data/wcs/make_wcs_vectors.py",
        "astropy": astropy.__version__,
        "wcslib": wcs._wcs.__version__ if hasattr(wcs._wcs, "__version__") else None,
        "numpy": np.__version__,
    }
    out = []
    for name, description, cards, size in cases():
        header = header_from(cards)
        images = [card.image for card in header.cards]
        out.append(record(name, description, header, size, images))

    for path in sorted(glob.glob(os.path.join(find_real_misc(), "ISAAC*.fits"))):
        images = real_cards(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            header = fits.getheader(path)
        size = (header["NAXIS1"], header["NAXIS2"])
        out.append(record("real_isaac", "ISAAC frame, header as in the file (RA---TAN, CD)",
                                   header, size, images, real=os.path.join("misc", os.path.basename(path))))

    folder = os.path.join(HERE, "vectors")
    os.makedirs(folder, exist_ok=True)
    for old in glob.glob(os.path.join(folder, "*.json")):
        os.remove(old)
    total = 0
    for case in out:
        target = os.path.join(folder, case["name"] + ".json")
        with open(target, "w") as f:
            json.dump({**provenance, **case}, f, indent=None, separators=(",", ":"))
            f.write("\n")
        total += os.path.getsize(target)
    print(f"wrote {len(out)} cases to {folder}, {total} bytes")


if __name__ == "__main__":
    main()
