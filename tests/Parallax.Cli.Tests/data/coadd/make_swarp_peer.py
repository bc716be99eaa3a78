#!/usr/bin/python3
"""SWarp peer for the coadd recipe (CoaddTruthTests).

Simulates the small sim-imager night (seed 5), reduces it with parallax, gives the two V frames their TRUE WCS
(truth/wcs), coadds them with SWarp 2.41 (Lanczos-3, background subtracted with 64-pixel meshes, one weight per frame from the
median of its VAR plane, fluxes scaled to e/s with FSCALE = 1/EXPTIME, weighted mean) and measures isolated bright truth stars on the
SWarp coadd with photutils (circular aperture r = 4 px, sigma-clipped median sky in a 7-12 px annulus).
Writes swarp_stars.csv: id, ra, dec, flux_e_s (SWarp coadd), truth_e_s (mean of the frames' true electrons / EXPTIME).

Run from the repository root after a Release build:
    /usr/bin/python3 tests/Parallax.Cli.Tests/data/coadd/make_swarp_peer.py
"""
import csv, os, shutil, subprocess, sys, tempfile
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from astropy.stats import sigma_clipped_stats
from photutils.aperture import CircularAperture, CircularAnnulus, aperture_photometry

root = os.getcwd()
parallax = ["dotnet", os.path.join(root, "src/Parallax.Cli/bin/Release/net10.0/parallax.dll")]
here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix="coadd-peer-")
try:
    subprocess.run(parallax + ["simulate", "--instrument", "sim-imager", "--preset", "small", "-o", work, "--seed", "5"], check=True, capture_output=True)
    subprocess.run(parallax + ["reduce", os.path.join(work, "raw"), "-o", os.path.join(work, "out")], check=True, capture_output=True)
    frames = [r for r in csv.DictReader(open(os.path.join(work, "truth/frames.csv"))) if r["imagetyp"] == "OBJECT" and r["filter"] == "V"]
    inputs = []
    for r in frames:
        name = r["file"]
        with fits.open(os.path.join(work, "out", "REDUCED_IMAGE_" + name)) as f:
            sci, var = f["SCI"].data.astype(np.float32), f["VAR"].data.astype(np.float32)
            dq = f["DQ"].data
        truth = fits.getheader(os.path.join(work, "truth/wcs", name))
        header = WCS(truth, relax=True).to_header(relax=True)
        header["EXPTIME"] = float(r["exptime"])
        bad = (dq & 0b101011111) != 0  # Parallax MaskBits.Unusable
        # One variance per frame (its median sky variance), as Parallax's inverse-variance frame weights; bad pixels get none.
        good = ~bad & np.isfinite(var) & (var > 0)
        var = np.where(good, np.median(var[good]), 1e30).astype(np.float32)
        stem = os.path.join(work, name.replace(".fits", ""))
        fits.PrimaryHDU(np.where(bad, 0, sci).astype(np.float32), header).writeto(stem + ".sci.fits", overwrite=True)
        fits.PrimaryHDU(var, header).writeto(stem + ".var.fits", overwrite=True)
        inputs.append((stem, float(r["exptime"]), float(r["airmass"])))
    for stem, exptime, _ in inputs:
        # FSCALE per frame through a .head file would also work; FSCALE_KEYWORD reads it from the header.
        with fits.open(stem + ".sci.fits", mode="update") as f:
            f[0].header["FLXSCALE"] = 1.0 / exptime
    subprocess.run(["/usr/bin/SWarp"] + [s + ".sci.fits" for s, _, _ in inputs] + [
        "-IMAGEOUT_NAME", os.path.join(work, "swarp.fits"), "-WEIGHTOUT_NAME", os.path.join(work, "swarp.weight.fits"),
        "-WEIGHT_TYPE", "MAP_VARIANCE", "-WEIGHT_SUFFIX", ".fits", "-WEIGHT_IMAGE", ",".join(s + ".var.fits" for s, _, _ in inputs),
        "-COMBINE_TYPE", "WEIGHTED", "-RESAMPLING_TYPE", "LANCZOS3", "-SUBTRACT_BACK", "Y", "-BACK_SIZE", "64",
        "-FSCALE_KEYWORD", "FLXSCALE", "-FSCALASTRO_TYPE", "FIXED", "-CENTER_TYPE", "ALL", "-PIXELSCALE_TYPE", "MEDIAN",
        "-RESAMPLE_DIR", work, "-WRITE_XML", "N", "-VERBOSE_TYPE", "QUIET", "-NTHREADS", "1"], check=True, cwd=work)
    image = fits.getdata(os.path.join(work, "swarp.fits")).astype(np.float64)
    wcs = WCS(fits.getheader(os.path.join(work, "swarp.fits")))
    catalog = {int(r["id"]): r for r in csv.DictReader(open(os.path.join(work, "truth/catalog.csv")))}
    rates = {}
    for r in frames:
        for s in csv.DictReader(open(os.path.join(work, "truth/sources", r["file"].replace(".fits", ".csv")))):
            rates.setdefault(int(s["id"]), []).append(float(s["electrons"]) / float(r["exptime"]))
    everything = [(float(catalog[i]["ra"]), float(catalog[i]["dec"]), np.mean(v)) for i, v in rates.items()]
    px = wcs.all_world2pix(np.array([[a, d] for a, d, _ in everything]), 0)
    rows = []
    for k, (i, v) in enumerate(rates.items()):
        if len(v) != len(frames) or catalog[i]["type"] != "star":
            continue
        rate = np.mean(v)
        x, y = px[k]
        near = [(px[j], everything[j][2]) for j in range(len(everything)) if j != k and abs(px[j][0] - x) < 8 and abs(px[j][1] - y) < 8]
        if any(f > 0.01 * rate for _, f in near):
            continue
        if not (15 < x < image.shape[1] - 15 and 15 < y < image.shape[0] - 15) or rate < 200:
            continue
        ap = CircularAperture((x, y), r=4.0)
        ann = CircularAnnulus((x, y), r_in=7.0, r_out=12.0)
        values = ann.to_mask(method="center").get_values(image)
        _, sky, _ = sigma_clipped_stats(values[np.isfinite(values)], sigma=3.0)
        flux = aperture_photometry(image, ap, method="exact")["aperture_sum"][0] - sky * ap.area
        if not np.isfinite(flux):
            continue
        rows.append((i, catalog[i]["ra"], catalog[i]["dec"], f"{flux:.4f}", f"{rate:.4f}"))
    with open(os.path.join(here, "swarp_stars.csv"), "w") as out:
        out.write("# SWarp 2.41.5 coadd of the small sim-imager night (seed 5), V frames with true WCS; see make_swarp_peer.py\n")
        out.write("id,ra,dec,flux_e_s,truth_e_s\n")
        for r in rows:
            out.write(",".join(str(c) for c in r) + "\n")
    print(f"{len(rows)} stars written; SWarp/truth median ratio {np.median([float(r[3]) / float(r[4]) for r in rows]):.4f}")
finally:
    shutil.rmtree(work, ignore_errors=True)
