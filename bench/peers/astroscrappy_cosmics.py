"""The peer of `parallax cosmics`: read a frame, run astroscrappy.detect_cosmics with the same
settings, write the cleaned image and the mask, print the number of flagged pixels.

    /usr/bin/python3 astroscrappy_cosmics.py IN.fits OUT.fits [GAIN] [READNOISE]
"""
import sys
import numpy as np
from astropy.io import fits
import astroscrappy

src, out = sys.argv[1], sys.argv[2]
gain = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
readnoise = float(sys.argv[4]) if len(sys.argv) > 4 else 5.0
data = fits.getdata(src).astype(np.float32)
mask, clean = astroscrappy.detect_cosmics(data, gain=gain, readnoise=readnoise, satlevel=65536.0)
fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(clean.astype(np.float32), name='SCI'),
              fits.ImageHDU(mask.astype(np.uint8), name='CRMASK')]).writeto(out, overwrite=True)
print(f'{int(mask.sum())} pixels flagged as cosmic rays')
