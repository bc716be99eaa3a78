"""Compares the products of `parallax reduce` with those of bench/peers/night_python.py on the same night.

Usage:
    /usr/bin/python3 bench/peers/night_compare.py OURS PEER [--parallax "dotnet path/to/parallax.dll"] [--json OUT.json]

OURS is the output folder of `parallax reduce D/raw -o OURS`, PEER the output folder of night_python.py.
Prints, and writes as JSON with --json:
    master bias   mean of each; rms of the pixel difference against the master's own noise (robust sigma)
    master flats  per filter: robust rms of the pixel ratio ours / peer (should be << the flat's noise)
    frames        per science frame: sky medians and their ratio; median ratio of sky-subtracted pixels
                  brighter than 20 sigma (stars); median ratio of matched star fluxes (our CAT table when the
                  product has one, else `parallax detect` on our reduced frame, vs the peer's sep catalog;
                  matched within 1 px, both in 5 px apertures)
    coadds        when a COADD product exists: matched star flux ratio against SWarp's coadd
"""
import argparse
import glob
import json
import os
import shlex
import subprocess
import tempfile

import numpy as np
from astropy.io import fits
from astropy.stats import mad_std
from scipy.spatial import cKDTree


def sci(path):
    with fits.open(path) as f:
        hdu = f['SCI'] if 'SCI' in f else f[0]
        return hdu.data.astype(np.float64), f[0].header


def our_catalog(path, parallax, tmp):
    with fits.open(path) as f:
        if 'CAT' in f:
            t = f['CAT'].data
            return np.asarray(t['X_IMAGE']) - 1, np.asarray(t['Y_IMAGE']) - 1, np.asarray(t['FLUX_APER'])
    out = os.path.join(tmp, os.path.basename(path) + '.cat.fits')
    subprocess.run([*shlex.split(parallax), 'detect', path, '-o', out], check=True, capture_output=True)
    with fits.open(out) as f:
        t = f['CAT'].data
        return np.asarray(t['X_IMAGE']) - 1, np.asarray(t['Y_IMAGE']) - 1, np.asarray(t['FLUX_APER'])


def peer_catalog(path):
    with fits.open(path) as f:
        t = f['CAT'].data
        return np.asarray(t['X']), np.asarray(t['Y']), np.asarray(t['FLUX'])


def match_ratio(ours, peer, radius=1.0, min_flux=0.0):
    ox, oy, of = ours
    px, py, pf = peer
    if len(ox) == 0 or len(px) == 0:
        return {'matched': 0, 'median_ratio': None}
    d, i = cKDTree(np.column_stack([ox, oy])).query(np.column_stack([px, py]), distance_upper_bound=radius)
    ok = np.isfinite(d) & (pf > min_flux)
    ratio = of[i[ok]] / pf[ok]
    ratio = ratio[np.isfinite(ratio)]
    return {'matched': int(len(ratio)), 'peer_sources': int(len(px)), 'our_sources': int(len(ox)),
            'median_ratio': float(np.median(ratio)) if len(ratio) else None,
            'robust_rms_ratio': float(mad_std(ratio)) if len(ratio) > 1 else None}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_parallax = 'dotnet ' + os.path.join(here, '..', '..', 'src', 'Parallax.Cli', 'bin', 'Release', 'net10.0', 'parallax.dll')
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('ours')
    ap.add_argument('peer')
    ap.add_argument('--parallax', default=default_parallax)
    ap.add_argument('--json')
    args = ap.parse_args()
    result = {}
    tmp = tempfile.mkdtemp()

    ob, _ = sci(glob.glob(os.path.join(args.ours, 'MASTER_BIAS_*.fits'))[0])
    pb = fits.getdata(os.path.join(args.peer, 'master_bias.fits')).astype(np.float64)
    diff = ob - pb
    result['master_bias'] = {'our_mean_adu': float(np.nanmean(ob)), 'peer_mean_adu': float(np.nanmean(pb)),
                             'diff_rms_adu': float(np.sqrt(np.nanmean(diff ** 2))),
                             'master_noise_adu': float(mad_std(pb, ignore_nan=True))}

    result['master_flats'] = {}
    for path in sorted(glob.glob(os.path.join(args.ours, 'MASTER_FLAT_*.fits'))):
        of, h = sci(path)
        f = str(h.get('FILTER', '')).strip()
        peer = os.path.join(args.peer, f'master_flat_{f}.fits')
        if not os.path.exists(peer):
            continue
        ratio = of / fits.getdata(peer)
        ratio = ratio[np.isfinite(ratio)]
        result['master_flats'][f] = {'ratio_median': float(np.median(ratio)), 'ratio_robust_rms': float(mad_std(ratio)),
                                     'ratio_rms': float(np.std(ratio))}

    result['frames'] = {}
    for path in sorted(glob.glob(os.path.join(args.ours, 'REDUCED_IMAGE_*.fits'))):
        name = os.path.basename(path)[len('REDUCED_IMAGE_'):-len('.fits')]
        peer = os.path.join(args.peer, f'reduced_{name}.fits')
        if not os.path.exists(peer):
            continue
        o, _ = sci(path)
        p = fits.getdata(peer).astype(np.float64)
        osky, psky = np.nanmedian(o), np.nanmedian(p)
        noise = mad_std(p, ignore_nan=True)
        bright = (p - psky) > 20 * noise
        pix = ((o - osky)[bright]) / ((p - psky)[bright])
        result['frames'][name] = {
            'our_sky_e': float(osky), 'peer_sky_e': float(psky), 'sky_ratio': float(osky / psky),
            'bright_pixels': int(bright.sum()), 'bright_pixel_ratio_median': float(np.nanmedian(pix)) if bright.any() else None,
            'stars': match_ratio(our_catalog(path, args.parallax, tmp), peer_catalog(os.path.join(args.peer, f'catalog_{name}.fits')),
                                 min_flux=20 * noise),
        }

    result['coadds'] = {}
    for path in sorted(glob.glob(os.path.join(args.ours, 'COADD*.fits'))):
        _, h = sci(path)
        f = str(h.get('FILTER', '')).strip()
        peer = os.path.join(args.peer, f'catalog_coadd_{f}.fits')
        if os.path.exists(peer):
            # Star fluxes compare across different grids; positions by sky coordinates would be needed otherwise,
            # so both coadds must share the first frame's grid orientation (true WCS): match within 2 px after
            # aligning the brightest star.
            ours = our_catalog(path, args.parallax, tmp)
            theirs = peer_catalog(peer)
            if len(ours[0]) and len(theirs[0]):
                a, b = np.argmax(ours[2]), np.argmax(theirs[2])
                shifted = (theirs[0] - theirs[0][b] + ours[0][a], theirs[1] - theirs[1][b] + ours[1][a], theirs[2])
                result['coadds'][f] = match_ratio(ours, shifted, radius=2.0)

    print(json.dumps(result, indent=1))
    if args.json:
        with open(args.json, 'w') as fh:
            json.dump(result, fh, indent=1)


if __name__ == '__main__':
    main()
