"""The sep job `parallax detect` is timed against: background (64x64 boxes, 3x3 filter), extract
(1.5 x globalrms on the background-subtracted frame, minarea 5, default 3x3 kernel, deblending
32 / 0.005), sum_circle r=5 at the barycentres; writes the catalog as a FITS table.
Usage: /usr/bin/python3 bench/peers/sep_detect.py IN.fits OUT.fits"""
import sys
import numpy as np
from astropy.io import fits
from astropy.table import Table
import sep
data = fits.getdata(sys.argv[1]).astype(np.float32)
bkg = sep.Background(data, bw=64, bh=64, fw=3, fh=3)
sub = data - bkg
sep.set_extract_pixstack(10_000_000)
sep.set_sub_object_limit(4096)
objs = sep.extract(sub, 1.5, err=bkg.globalrms, minarea=5)
flux, fluxerr, flag = sep.sum_circle(sub, objs['x'], objs['y'], 5.0, err=bkg.globalrms)
t = Table(objs)
t['flux_r5'] = flux
t['fluxerr_r5'] = fluxerr
t.write(sys.argv[2], overwrite=True)
print(len(objs), 'sources; background', bkg.globalback, 'rms', bkg.globalrms)
