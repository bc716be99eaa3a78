"""Peer data for TanSipFitterTests: 300 stars placed by a TAN + SIP WCS (2048 x 2048, 0.4"/px, rotated 0.35 deg), pixel
positions perturbed by 0.05 px Gaussian noise, fitted by astropy 5.2.1 fit_wcs_from_points (TAN, sip_degree=3, CRPIX at
the image centre). Writes stars.csv (x, y zero-based; ra, dec degrees) and astropy_grid.csv: astropy's pixel position
(zero-based, all_world2pix) of the sky position the TRUE WCS gives at each node of a 9 x 9 pixel grid.
Run: /usr/bin/python3 make_fit_wcs_peer.py"""
import warnings

import numpy as np
from astropy.coordinates import SkyCoord
from astropy.wcs import WCS, Sip
from astropy.wcs.utils import fit_wcs_from_points

warnings.simplefilter("ignore")
truth = WCS(naxis=2)
truth.wcs.ctype = ["RA---TAN-SIP", "DEC--TAN-SIP"]
truth.wcs.crval = [135.0, 25.0]
truth.wcs.crpix = [1024.5, 1024.5]
s = 0.4 / 3600
c, n = np.cos(np.radians(0.35)), np.sin(np.radians(0.35))
truth.wcs.cd = [[-s * c, -s * n], [-s * n, s * c]]
a = np.zeros((4, 4)); b = np.zeros((4, 4))
a[3, 0] = a[1, 2] = 1.4e-10; b[2, 1] = b[0, 3] = 1.4e-10; a[2, 0] = 3e-7; b[1, 1] = -2e-7
truth.sip = Sip(a, b, None, None, truth.wcs.crpix)
rng = np.random.default_rng(11)
x = rng.random(300) * 2047
y = rng.random(300) * 2047
ra, dec = truth.all_pix2world(x, y, 0)
xm = x + rng.normal(0, 0.05, 300)
ym = y + rng.normal(0, 0.05, 300)
np.savetxt("stars.csv", np.c_[xm, ym, ra, dec], delimiter=",", header="x,y,ra,dec", comments="", fmt="%.10f")
w = fit_wcs_from_points((xm, ym), SkyCoord(ra, dec, unit="deg"), projection="TAN", sip_degree=3, proj_point=SkyCoord(*truth.all_pix2world(1023.5, 1023.5, 0), unit="deg"))
gx, gy = np.meshgrid(np.linspace(0, 2047, 9), np.linspace(0, 2047, 9))
gra, gdec = truth.all_pix2world(gx.ravel(), gy.ravel(), 0)
px, py = w.all_world2pix(gra, gdec, 0)
np.savetxt("astropy_grid.csv", np.c_[gx.ravel(), gy.ravel(), gra, gdec, px, py], delimiter=",", header="x_true,y_true,ra,dec,x_astropy,y_astropy", comments="", fmt="%.10f")
print("astropy vs truth rms %.4f px" % np.sqrt(np.mean((px - gx.ravel()) ** 2 + (py - gy.ravel()) ** 2)), "crpix", w.wcs.crpix)
