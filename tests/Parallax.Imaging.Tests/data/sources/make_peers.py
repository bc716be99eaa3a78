"""Makes the peer data of the background, source and photometry tests.

Run with /usr/bin/python3 (astropy 5.2.1, numpy, sep 1.2.1, photutils 1.6.0, source-extractor):
    cd tests/Parallax.Imaging.Tests/data/sources && /usr/bin/python3 make_peers.py

Writes:
  field.fits          200x200 float32 frame: sky 1000 ADU + gradient, Gaussian stars (FWHM 3 px), noise 10 ADU
  truth.csv           the injected stars (zero-based x, y, total flux)
  sep_background.csv  sep.Background (bw=bh=32, fw=fh=3) global level/rms and sample pixels, with and without a mask
  sep_catalog.csv     sep.extract (thresh 1.5 x globalrms, minarea 5, default kernel) + sum_circle r=5 on the subtracted frame
  photutils_sums.csv  photutils aperture_photometry 'exact' sums at fixed positions and radii on the raw frame
  sextractor.csv      source-extractor catalog (same threshold, BACK_SIZE 32, default 3x3 kernel)
"""
import os, subprocess, tempfile
import numpy as np
from astropy.io import fits
import sep
from photutils.aperture import CircularAperture, aperture_photometry

rng = np.random.default_rng(20261125)
W = H = 200
yy, xx = np.mgrid[0:H, 0:W].astype(np.float64)
sky = 1000.0 + 0.5 * xx + 0.3 * yy
sigma_psf = 3.0 / 2.3548
stars = []
while len(stars) < 40:
    x, y = rng.uniform(8, W - 8), rng.uniform(8, H - 8)
    if any((x - a) ** 2 + (y - b) ** 2 < 12 ** 2 for a, b, _ in stars):
        continue
    stars.append((x, y, float(10 ** rng.uniform(3.0, 5.0))))
img = sky.copy()
for x, y, f in stars:
    img += f / (2 * np.pi * sigma_psf ** 2) * np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * sigma_psf ** 2))
img += rng.normal(0, 10.0, img.shape)
img = img.astype(np.float32)
fits.PrimaryHDU(img).writeto('field.fits', overwrite=True)
with open('truth.csv', 'w') as f:
    f.write('x,y,flux\n')
    for x, y, fl in stars:
        f.write(f'{x:.6f},{y:.6f},{fl:.6f}\n')

data = fits.getdata('field.fits').astype(np.float32)
mask = np.zeros(data.shape, dtype=bool)
mask[100:140, 40:80] = True   # rows 100..139, columns 40..79
mask[0:32, 160:200] = True    # rows 0..31, columns 160..199: boxes 5 and 6 (of 0..6) of the first mesh row, fully masked
samples = [(0, 0), (199, 199), (17, 123), (100, 100), (64, 5), (150, 37), (31, 31), (180, 90)]
with open('sep_background.csv', 'w') as f:
    f.write('case,x,y,level,rms\n')
    for case, m in (('nomask', None), ('mask', mask)):
        bkg = sep.Background(data, mask=m, bw=32, bh=32, fw=3, fh=3)
        back, rms = bkg.back(), bkg.rms()
        f.write(f'{case},-1,-1,{bkg.globalback:.6f},{bkg.globalrms:.6f}\n')
        for x, y in samples:
            f.write(f'{case},{x},{y},{back[y, x]:.6f},{rms[y, x]:.6f}\n')

bkg = sep.Background(data, bw=32, bh=32, fw=3, fh=3)
sub = data - bkg
objs = sep.extract(sub, 1.5, err=bkg.globalrms, minarea=5)
flux, fluxerr, flag = sep.sum_circle(sub, objs['x'], objs['y'], 5.0, err=bkg.globalrms)
with open('sep_catalog.csv', 'w') as f:
    f.write('x,y,flux_iso,npix,a,b,theta,peak,flag,flux_r5\n')
    for o, fl in zip(objs, flux):
        f.write(f"{o['x']:.5f},{o['y']:.5f},{o['flux']:.4f},{o['npix']},{o['a']:.5f},{o['b']:.5f},{o['theta']:.5f},{o['peak']:.4f},{o['flag']},{fl:.4f}\n")

positions = [(100.3, 50.7), (12.5, 12.5), (0.0, 0.0), (199.2, 3.9), (57.25, 143.8), (150.0, 150.0)]
radii = [0.7, 2.5, 5.0, 8.3]
with open('photutils_sums.csv', 'w') as f:
    f.write('x,y,r,sum\n')
    for r in radii:
        t = aperture_photometry(data.astype(np.float64), CircularAperture(positions, r=r), method='exact')
        for (x, y), s in zip(positions, t['aperture_sum']):
            f.write(f'{x},{y},{r},{float(s):.10g}\n')

with tempfile.TemporaryDirectory() as tmp:
    open(os.path.join(tmp, 'default.conv'), 'w').write('CONV NORM\n1 2 1\n2 4 2\n1 2 1\n')
    open(os.path.join(tmp, 'default.param'), 'w').write('X_IMAGE\nY_IMAGE\nXWIN_IMAGE\nYWIN_IMAGE\nFLUX_ISO\nFLUX_APER(1)\nISOAREA_IMAGE\nFLAGS\n')
    cat = os.path.join(tmp, 'out.cat')
    subprocess.run(['source-extractor', os.path.abspath('field.fits'), '-c', '/dev/null',
                    '-CATALOG_NAME', cat, '-CATALOG_TYPE', 'ASCII_HEAD',
                    '-PARAMETERS_NAME', os.path.join(tmp, 'default.param'),
                    '-FILTER', 'Y', '-FILTER_NAME', os.path.join(tmp, 'default.conv'),
                    '-DETECT_THRESH', '1.5', '-ANALYSIS_THRESH', '1.5', '-DETECT_MINAREA', '5',
                    '-BACK_SIZE', '32', '-BACK_FILTERSIZE', '3', '-PHOT_APERTURES', '10',
                    '-DEBLEND_NTHRESH', '32', '-DEBLEND_MINCONT', '0.005',
                    '-SATUR_LEVEL', '1e9', '-GAIN', '0', '-VERBOSE_TYPE', 'QUIET',
                    '-CHECKIMAGE_TYPE', 'NONE', '-WEIGHT_TYPE', 'NONE'], check=True)
    rows = [l.split() for l in open(cat) if not l.startswith('#')]
    with open('sextractor.csv', 'w') as f:
        f.write('x,y,xwin,ywin,flux_iso,flux_r5,isoarea,flags\n')
        for r in rows:
            # SExtractor pixel coordinates are one-based: convert to zero-based.
            f.write(f'{float(r[0]) - 1:.4f},{float(r[1]) - 1:.4f},{float(r[2]) - 1:.4f},{float(r[3]) - 1:.4f},{r[4]},{r[5]},{r[6]},{r[7]}\n')
print(len(objs), 'sep objects;', len(rows), 'source-extractor objects')
