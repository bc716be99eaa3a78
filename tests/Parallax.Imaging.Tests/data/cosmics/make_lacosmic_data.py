"""Peer data for the L.A.Cosmic tests: a 200x200 star field with cosmic rays, and astroscrappy's
masks for it under several settings.

Run with /usr/bin/python3 (numpy, astropy 5.2.1, astroscrappy 1.1.0) from this folder:
    /usr/bin/python3 make_lacosmic_data.py
Writes:
    starfield.fits        float32 image in ADU (gain 2 e-/ADU, read noise 5 e-), no cosmic-ray truth needed here
    astroscrappy_masks.fits  uint8 image, bit k set where configuration k (CONFIGk cards) flagged a pixel
    astroscrappy_clean.csv   x,y,config,cleaned value (ADU) at every flagged pixel
"""
import numpy as np
from astropy.io import fits
import astroscrappy

rng = np.random.default_rng(20011420)
ny, nx = 200, 200
gain, readnoise = 2.0, 5.0
y, x = np.mgrid[0:ny, 0:nx].astype(np.float64)

# Sky of 400 e- with a gentle gradient, and Moffat stars (beta 3, FWHM 2.5-4 px), a few saturated.
electrons = 400.0 + 0.3 * x + 0.2 * y
for k in range(60):
    cx, cy = rng.uniform(5, nx - 5), rng.uniform(5, ny - 5)
    fwhm = rng.uniform(2.5, 4.0)
    beta = 3.0
    alpha = fwhm / (2 * np.sqrt(2 ** (1 / beta) - 1))
    flux = 10 ** rng.uniform(3, 6.2)
    profile = (1 + ((x - cx) ** 2 + (y - cy) ** 2) / alpha ** 2) ** (-beta)
    electrons += flux * profile / profile.sum()
electrons = rng.poisson(electrons).astype(np.float64) + rng.normal(0, readnoise, (ny, nx))

# Cosmic rays: straight tracks and compact blobs, charge added after the noise.
for k in range(40):
    if k % 2 == 0:
        x0, y0 = rng.uniform(0, nx), rng.uniform(0, ny)
        length, phi = rng.uniform(2, 25), rng.uniform(0, 2 * np.pi)
        per_pixel = rng.uniform(300, 3000)
        steps = int(np.ceil(length * 4))
        for s in range(steps):
            f = (s + 0.5) / steps
            ix, iy = int(x0 + f * length * np.cos(phi)), int(y0 + f * length * np.sin(phi))
            if 0 <= ix < nx and 0 <= iy < ny:
                electrons[iy, ix] += per_pixel / 4
    else:
        cx, cy = rng.uniform(0, nx), rng.uniform(0, ny)
        sigma, total = rng.uniform(0.4, 1.0), 10 ** rng.uniform(2.8, 4.3)
        spot = np.exp(-((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) / (2 * sigma ** 2))
        electrons += total * spot / spot.sum()

adu = np.minimum(electrons / gain, 40000.0).astype(np.float32)
fits.PrimaryHDU(adu).writeto('starfield.fits', overwrite=True)

common = dict(gain=gain, readnoise=readnoise, satlevel=40000.0 * gain)
configs = [
    dict(),
    dict(sepmed=False, cleantype='medmask'),
    dict(cleantype='idw', sigclip=4.0, sigfrac=0.5, objlim=3.0),
    dict(fsmode='convolve', psfmodel='gauss', psffwhm=3.0),
    dict(sepmed=False, fsmode='convolve', psfmodel='moffat', psffwhm=3.0, niter=2),
]
bits = np.zeros((ny, nx), np.uint8)
rows = []
header = fits.Header()
for k, cfg in enumerate(configs):
    args = dict(common)
    args.update(cfg)
    mask, clean = astroscrappy.detect_cosmics(adu, **args)
    bits |= (mask.astype(np.uint8) << k)
    header[f'CONFIG{k}'] = ' '.join(f'{a}={b}' for a, b in sorted(cfg.items())) or 'defaults'
    for yy, xx in zip(*np.nonzero(mask)):
        rows.append(f'{xx},{yy},{k},{clean[yy, xx]:.7g}')
    print(k, header[f'CONFIG{k}'], int(mask.sum()))
header['GAIN'] = gain
header['RDNOISE'] = readnoise
header['SATLEVEL'] = 40000.0 * gain
fits.PrimaryHDU(bits, header=header).writeto('astroscrappy_masks.fits', overwrite=True)
with open('astroscrappy_clean.csv', 'w') as f:
    f.write('x,y,config,clean\n')
    f.write('\n'.join(rows) + '\n')
