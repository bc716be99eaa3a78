"""The Python reduction of a simulated sim-imager night that `parallax reduce` is compared with and timed
against: what a careful astropy user writes with ccdproc, astroscrappy, sep and SWarp.

Usage:
    /usr/bin/python3 bench/peers/night_python.py D OUT [--no-cosmics] [--no-coadd] [--stars N]

D is the folder written by `parallax simulate --instrument sim-imager --preset small|standard -o D --seed 1`
(raw frames in D/raw, the true WCS of each science frame in D/truth/wcs/<frame>.fits). OUT receives:
    master_bias.fits, master_dark.fits, master_flat_<filter>.fits   (masters, ADU / dimensionless)
    reduced_<frame>.fits    science frame in electrons, true WCS in the header; crmask_<frame>.fits (astroscrappy)
    catalog_<frame>.fits    sep catalog (0-based x, y; flux in a 5 px circle, electrons)
    coadd_<filter>.fits, coadd_<filter>.weight.fits, catalog_coadd_<filter>.fits   (SWarp)
    summary.json            the values night_compare.py and the PeerNight tests read

Steps and the `parallax reduce` defaults they mirror (instruments/parallax-sim-imager.yaml and the recipes'
parameters in src/Parallax.Recipes/Imaging):
    overscan = median, overscan_order = 3   -> ccdproc.subtract_overscan(median=True, overscan_axis=1,
                                               model=Legendre1D(degree=3)) per amplifier (BIASSECn), then
                                               trim_image to DATASECn; amplifiers placed side by side by DETSECn.
                                               (ours rejects lines beyond 3 sigma from the fit; ccdproc fits all lines)
    master_bias: combine=median, clip_sigma=3 -> ccdproc.combine(method='median', sigma_clip=True, 3/3 sigma,
                                               median centre, MAD-std deviation)
    master_dark: combine=median, clip_sigma=3 -> bias-subtracted darks, the same combine; kept in ADU at the
                                               darks' EXPTIME
    master_flat: combine=median, normalise=median -> bias subtracted, dark scaled by EXPTIME (subtract_dark
                                               scale=True), each flat scaled by 1/its median, median combine
                                               with 3-sigma clipping, master divided by its median
    reduce_image: subtract_bias, subtract_dark (scaled by EXPTIME), divide_flat -> ccdproc.subtract_bias,
                                               subtract_dark(scale=True), flat_correct(norm_value=1)
    to_electrons = true                     -> each amplifier's columns times its own gain (GAINA, GAINB) before
                                               the flat; the flats are converted the same way before they are
                                               combined, so the master flat holds no gain ratio
    cosmic_rays (false by default in ours), cr_sigma_clip = 4.5, cr_object_limit = 5
                                            -> astroscrappy.detect_cosmics(sigclip=4.5, objlim=5, gain=1
                                               (frame in electrons), readnoise = mean RDNOISEn); the cleaned
                                               frame is kept; --no-cosmics skips it, as our default does
    `parallax detect` defaults              -> sep.Background(bw=bh=64, fw=fh=3), sep.extract(1.5 x globalrms,
                                               minarea=5, 3x3 kernel, deblend 32 / 0.005), sum_circle r=5
    coadd                                    -> SWarp per filter of the reduced frames, each with its true WCS
                                               (TAN; SWarp reads TPV, not SIP, so the SIP terms, about 0.2 px at the corners of
                                               these frames, are dropped), LANCZOS3, COMBINE_TYPE=MEDIAN,
                                               no background subtraction
Pixels set to NaN by a non-positive flat stay NaN; statistics ignore NaN.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import time

import numpy as np
from astropy import units as u
from astropy.io import fits
from astropy.modeling import models
from astropy.nddata import CCDData
from astropy.stats import mad_std
import ccdproc
import astroscrappy
import sep

BLOCK = 32  # block size of the block-mean maps written into summary.json (pixels)


def section(text):
    """FITS section '[x1:x2,y1:y2]' (1-based, inclusive) -> numpy slices (rows, columns)."""
    x, y = text.strip().strip('[]').split(',')
    x1, x2 = (int(v) for v in x.split(':'))
    y1, y2 = (int(v) for v in y.split(':'))
    return slice(y1 - 1, y2), slice(x1 - 1, x2)


def amplifiers(header):
    names = header.get('AMPLIST', 'A B').split()
    return [n for n in names if f'DATASEC{n}' in header]


def overscan_and_trim(path):
    """Per-amplifier overscan subtraction and trim; amplifiers placed by DETSECn (or in order)."""
    ccd = CCDData.read(path, unit='adu')
    header = ccd.header
    pieces = []
    for amp in amplifiers(header):
        corrected = ccdproc.subtract_overscan(ccd, fits_section=header[f'BIASSEC{amp}'], overscan_axis=1,
                                              median=True, model=models.Legendre1D(degree=3))
        trimmed = ccdproc.trim_image(corrected, fits_section=header[f'DATASEC{amp}'])
        detsec = header.get(f'DETSEC{amp}')
        start = section(detsec)[1].start if detsec else len(pieces)
        pieces.append((start, trimmed.data))
    pieces.sort(key=lambda p: p[0])
    data = np.hstack([p[1] for p in pieces]).astype(np.float32)
    out = CCDData(data, unit='adu', header=header)
    out.header['GAINMEAN'] = float(np.mean([header[f'GAIN{a}'] for a in amplifiers(header)]))
    out.header['RNMEAN'] = float(np.mean([header[f'RDNOISE{a}'] for a in amplifiers(header)]))
    return out


def gain_columns(header):
    """The gain (e-/ADU) of each trimmed column: each amplifier's GAINn over its data columns, placed as overscan_and_trim places them."""
    pieces = []
    for amp in amplifiers(header):
        width = section(header[f'DATASEC{amp}'])[1]
        detsec = header.get(f'DETSEC{amp}')
        start = section(detsec)[1].start if detsec else len(pieces)
        pieces.append((start, np.full(width.stop - width.start, float(header[f'GAIN{amp}']), dtype=np.float32)))
    pieces.sort(key=lambda p: p[0])
    return np.concatenate([p[1] for p in pieces])


def to_electrons(ccd, header):
    """Each amplifier's columns times its own gain (variance, if any, by the gain squared)."""
    return ccd.multiply(gain_columns(header)[np.newaxis, :] * u.electron / u.adu, handle_meta='first_found')


def combine(frames, scale=None):
    return ccdproc.combine(frames, method='median', scale=scale, sigma_clip=True, sigma_clip_low_thresh=3,
                           sigma_clip_high_thresh=3, sigma_clip_func=np.ma.median, sigma_clip_dev_func=mad_std,
                           dtype=np.float32)


def block_means(data):
    h, w = data.shape
    ny, nx = h // BLOCK, w // BLOCK
    b = data[:ny * BLOCK, :nx * BLOCK].reshape(ny, BLOCK, nx, BLOCK)
    return np.round(np.nanmean(b, axis=(1, 3)), 6).tolist()


def write(path, data, header=None, extra=None):
    hdus = [fits.PrimaryHDU(np.asarray(data, dtype=np.float32), header=header)]
    for name, arr in (extra or {}).items():
        hdus.append(fits.ImageHDU(arr, name=name))
    fits.HDUList(hdus).writeto(path, overwrite=True, output_verify='silentfix')


def sep_catalog(data, mask=None):
    data = np.ascontiguousarray(data, dtype=np.float32)
    bad = ~np.isfinite(data)
    if mask is not None:
        bad |= mask
    bkg = sep.Background(data, mask=bad, bw=64, bh=64, fw=3, fh=3)
    sub = data - bkg.back()
    sub[bad] = 0
    sep.set_extract_pixstack(10_000_000)
    sep.set_sub_object_limit(4096)
    objs = sep.extract(sub, 1.5, err=bkg.globalrms, minarea=5, mask=bad)
    flux, fluxerr, _ = sep.sum_circle(sub, objs['x'], objs['y'], 5.0, err=bkg.globalrms, mask=bad)
    return objs, flux, fluxerr, bkg


def write_catalog(path, objs, flux, fluxerr):
    cols = [fits.Column(name='X', format='D', array=objs['x']), fits.Column(name='Y', format='D', array=objs['y']),
            fits.Column(name='FLUX', format='D', array=flux), fits.Column(name='FLUXERR', format='D', array=fluxerr),
            fits.Column(name='NPIX', format='J', array=objs['npix'])]
    fits.HDUList([fits.PrimaryHDU(), fits.BinTableHDU.from_columns(cols, name='CAT')]).writeto(path, overwrite=True)


def brightest(objs, flux, n):
    """The n brightest isolated stars: (x, y) 0-based, flux."""
    order = np.argsort(-flux)
    rows = []
    for i in order:
        if len(rows) >= n:
            break
        if objs['flag'][i] != 0 or not np.isfinite(flux[i]):
            continue
        rows.append([round(float(objs['x'][i]), 3), round(float(objs['y'][i]), 3), round(float(flux[i]), 2)])
    return rows


def true_wcs_header(truth_path):
    """The true WCS as a user with a solved WCS would put it into the frame: TAN (SIP dropped for SWarp)."""
    th = fits.getheader(truth_path)
    keep = {}
    for key in ('WCSAXES', 'CRPIX1', 'CRPIX2', 'CRVAL1', 'CRVAL2', 'CUNIT1', 'CUNIT2', 'CD1_1', 'CD1_2', 'CD2_1',
                'CD2_2', 'LONPOLE', 'LATPOLE', 'RADESYS', 'EQUINOX'):
        if key in th:
            keep[key] = th[key]
    keep['CTYPE1'] = 'RA---TAN'
    keep['CTYPE2'] = 'DEC--TAN'
    # The SIP terms dropped: their largest shift at the frame's corners, for the docstring's claim.
    width, height = th.get('IMAGEW', 0), th.get('IMAGEH', 0)
    u0, v0 = width - th.get('CRPIX1', 0), height - th.get('CRPIX2', 0)
    shift = 0.0
    for axis in ('A', 'B'):
        s = 0.0
        for key in th:
            if key.startswith(f'{axis}_') and key != f'{axis}_ORDER':
                p, q = (int(v) for v in key.split('_')[1:])
                s += abs(th[key]) * abs(u0) ** p * abs(v0) ** q
        shift = max(shift, s)
    return keep, shift


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('night')
    ap.add_argument('out')
    ap.add_argument('--no-cosmics', action='store_true', help='skip astroscrappy (our reduce default)')
    ap.add_argument('--no-coadd', action='store_true', help='skip SWarp')
    ap.add_argument('--stars', type=int, default=150, help='brightest stars per frame kept in summary.json')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.perf_counter()
    timings = {}

    frames = {}
    for path in sorted(glob.glob(os.path.join(args.night, 'raw', '**', '*.fits'), recursive=True)):
        h = fits.getheader(path)
        frames.setdefault(h['IMAGETYP'].strip().upper(), []).append((path, h))

    t = time.perf_counter()
    biases = [overscan_and_trim(p) for p, _ in frames['BIAS']]
    master_bias = combine(biases)
    write(os.path.join(args.out, 'master_bias.fits'), master_bias.data)
    timings['master_bias'] = time.perf_counter() - t

    t = time.perf_counter()
    darks = [ccdproc.subtract_bias(overscan_and_trim(p), master_bias) for p, _ in frames['DARK']]
    master_dark = combine(darks)
    master_dark.header['EXPTIME'] = float(np.mean([h['EXPTIME'] for _, h in frames['DARK']]))
    write(os.path.join(args.out, 'master_dark.fits'), master_dark.data, fits.Header({'EXPTIME': master_dark.header['EXPTIME']}))
    timings['master_dark'] = time.perf_counter() - t

    def detrend(path, header):
        ccd = ccdproc.subtract_bias(overscan_and_trim(path), master_bias)
        return ccdproc.subtract_dark(ccd, master_dark, exposure_time='EXPTIME', exposure_unit=u.s, scale=True)

    t = time.perf_counter()
    flats = {}
    for path, h in frames.get('FLAT', []):
        # In electrons, so the master flat is the pixels' response without the amplifiers' gain ratio.
        flats.setdefault(h['FILTER'].strip(), []).append(to_electrons(detrend(path, h), h))
    master_flats = {}
    for f, group in sorted(flats.items()):
        m = combine(group, scale=lambda a: 1 / np.ma.median(a))
        m = m.divide(np.nanmedian(m.data) * u.dimensionless_unscaled)
        master_flats[f] = CCDData(m.data.astype(np.float32), unit='', header=fits.Header({'FILTER': f}))
        write(os.path.join(args.out, f'master_flat_{f}.fits'), m.data, fits.Header({'FILTER': f}))
    timings['master_flat'] = time.perf_counter() - t

    t = time.perf_counter()
    science = {}
    summary_frames = {}
    for path, h in frames.get('OBJECT', []):
        name = os.path.splitext(os.path.basename(path))[0]
        f = h['FILTER'].strip()
        ccd = to_electrons(detrend(path, h), h)
        ccd = ccdproc.flat_correct(ccd, master_flats[f], norm_value=1.0)
        data = np.asarray(ccd.data, dtype=np.float32)
        crmask = np.zeros(data.shape, dtype=bool)
        if not args.no_cosmics:
            finite = np.isfinite(data)
            crmask, clean = astroscrappy.detect_cosmics(np.where(finite, data, 0).astype(np.float32), inmask=~finite,
                                                        sigclip=4.5, objlim=5.0, gain=1.0,
                                                        readnoise=ccd.header['RNMEAN'], satlevel=np.inf)
            data = np.where(finite, clean, np.nan).astype(np.float32)
        wcs, sip = true_wcs_header(os.path.join(args.night, 'truth', 'wcs', name + '.fits'))
        header = fits.Header()
        for key in ('OBJECT', 'FILTER', 'EXPTIME', 'AIRMASS', 'DATE-OBS', 'MJD-OBS'):
            header[key] = h[key]
        header['BUNIT'] = 'electron'
        header.update(wcs)
        write(os.path.join(args.out, f'reduced_{name}.fits'), data, header)
        # A file of its own: SWarp would coadd a mask extension as one more image.
        fits.PrimaryHDU(crmask.astype(np.uint8)).writeto(os.path.join(args.out, f'crmask_{name}.fits'), overwrite=True)
        objs, flux, fluxerr, bkg = sep_catalog(data)
        write_catalog(os.path.join(args.out, f'catalog_{name}.fits'), objs, flux, fluxerr)
        science.setdefault(f, []).append(os.path.join(args.out, f'reduced_{name}.fits'))
        summary_frames[name] = {
            'filter': f,
            'median_e': float(np.nanmedian(data)),
            'noise_e': float(mad_std(data, ignore_nan=True)),
            'cosmic_ray_pixels': int(crmask.sum()),
            'sip_dropped_px': sip,
            'sep_background_e': float(bkg.globalback),
            'sep_rms_e': float(bkg.globalrms),
            'sources': int(len(objs)),
            'stars': brightest(objs, flux, args.stars),
        }
    timings['reduce_image'] = time.perf_counter() - t

    t = time.perf_counter()
    coadds = {}
    if not args.no_coadd:
        for f, paths in sorted(science.items()):
            image = os.path.join(args.out, f'coadd_{f}.fits')
            weight = os.path.join(args.out, f'coadd_{f}.weight.fits')
            subprocess.run(['/usr/bin/SWarp', *paths, '-c', '/dev/null', '-IMAGEOUT_NAME', image, '-WEIGHTOUT_NAME', weight,
                            '-COMBINE_TYPE', 'MEDIAN', '-RESAMPLING_TYPE', 'LANCZOS3', '-SUBTRACT_BACK', 'N',
                            '-CENTER_TYPE', 'ALL', '-PIXELSCALE_TYPE', 'MEDIAN', '-WRITE_XML', 'N', '-VERBOSE_TYPE', 'QUIET',
                            '-RESAMPLE_DIR', args.out, '-NTHREADS', '0'], check=True, cwd=args.out)
            data = fits.getdata(image).astype(np.float32)
            data[fits.getdata(weight) <= 0] = np.nan
            objs, flux, fluxerr, _ = sep_catalog(data)
            write_catalog(os.path.join(args.out, f'catalog_coadd_{f}.fits'), objs, flux, fluxerr)
            coadds[f] = {'shape': list(data.shape), 'median_e': float(np.nanmedian(data)), 'sources': int(len(objs)),
                         'stars': brightest(objs, flux, args.stars)}
        for leftover in glob.glob(os.path.join(args.out, '*.resamp*.fits')):
            os.remove(leftover)
    timings['coadd'] = time.perf_counter() - t
    timings['total'] = time.perf_counter() - t0

    summary = {
        'night': os.path.basename(os.path.normpath(args.night)),
        'command': ' '.join(['/usr/bin/python3', 'bench/peers/night_python.py', *sys.argv[1:]]),
        'versions': {'ccdproc': ccdproc.__version__, 'astroscrappy': astroscrappy.__version__, 'sep': sep.__version__,
                     'numpy': np.__version__},
        'block': BLOCK,
        'master_bias': {'mean_adu': float(np.nanmean(master_bias.data)), 'median_adu': float(np.nanmedian(master_bias.data)),
                        'nframes': len(biases), 'block_means_adu': block_means(master_bias.data)},
        'master_dark': {'median_adu': float(np.nanmedian(master_dark.data)), 'exptime': master_dark.header['EXPTIME']},
        'master_flats': {f: {'median': float(np.nanmedian(m.data)), 'nonuniformity': float(mad_std(m.data, ignore_nan=True) / np.nanmedian(m.data)),
                             'block_means': block_means(m.data)} for f, m in master_flats.items()},
        'frames': summary_frames,
        'coadds': coadds,
        'timings_s': {k: round(v, 3) for k, v in timings.items()},
    }
    with open(os.path.join(args.out, 'summary.json'), 'w') as fh:
        json.dump(summary, fh, indent=1)
    print(f"reduced {len(biases)} bias, {len(darks)} dark, {sum(len(g) for g in flats.values())} flat, "
          f"{len(summary_frames)} science frame(s), {len(coadds)} coadd(s) in {timings['total']:.1f} s")


if __name__ == '__main__':
    main()
