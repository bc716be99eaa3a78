"""Peer results for the Parallax.Imaging.Fitting tests (run: /usr/bin/python3 make_fitting_vectors.py).

numpy.polynomial Legendre/Chebyshev/Polynomial.fit (weighted, explicit domain), numpy.polyfit,
scipy.interpolate.make_lsq_spline and LSQUnivariateSpline (weighted), and a weighted lstsq over
numpy's legvander2d/polyvander2d. Writes fitting_vectors.json next to this script.
"""
import json
import os

import numpy as np
import scipy
from numpy.polynomial import Chebyshev, Legendre, Polynomial
from numpy.polynomial import legendre as L
from numpy.polynomial import polynomial as P
from scipy.interpolate import LSQUnivariateSpline, make_lsq_spline

rng = np.random.default_rng(20261125)
out = {"numpy": np.__version__, "scipy": scipy.__version__, "poly": [], "spline": [], "surface": []}

# 1-D polynomials: 73 uneven abscissae on [3, 250], a smooth curve plus noise, weights 1/sigma.
x = np.sort(rng.uniform(3, 250, 73))
y = 40 + 0.3 * x - 2e-3 * x**2 + 5 * np.sin(x / 30) + rng.normal(0, 0.7, x.size)
w = 1 / rng.uniform(0.5, 2.0, x.size)
xe = np.linspace(-10, 260, 11)
for basis, cls in (("Legendre", Legendre), ("Chebyshev", Chebyshev), ("Power", Polynomial)):
    for order in (0, 1, 4, 7):
        for domain in ([0.0, 256.0], None):
            fit = cls.fit(x, y, order, w=w, domain=domain)
            case = {"basis": basis, "order": order, "domain": list(fit.domain), "coef": list(fit.coef),
                    "xe": list(xe), "ye": list(fit(xe)), "dye": list(fit.deriv()(xe))}
            out["poly"].append(case)
# np.polyfit (raw powers of x, highest first) is the same least-squares function as Polynomial.fit.
out["polyfit"] = {"order": 5, "ye": list(np.polyval(np.polyfit(x, y, 5, w=w), xe))}
out["x"], out["y"], out["w"] = list(x), list(y), list(w)

# Cubic least-squares splines: 300 sorted points with noise on a wiggly curve.
xs = np.sort(rng.uniform(0, 1000, 300))
ys = 100 + 20 * np.sin(xs / 90) + 0.01 * xs + rng.normal(0, 1.5, xs.size)
ws = 1 / rng.uniform(0.8, 1.6, xs.size)
xse = np.linspace(xs[0], xs[-1], 17)
for name, interior in (("uniform8", np.linspace(xs[0], xs[-1], 9)[1:-1]), ("uneven", np.array([50.0, 120, 300, 310, 520, 700, 905]))):
    k = 3
    t = np.r_[[xs[0]] * (k + 1), interior, [xs[-1]] * (k + 1)]
    spl = make_lsq_spline(xs, ys, t, k=k, w=ws)
    lsq = LSQUnivariateSpline(xs, ys, interior, w=ws, k=k)
    out["spline"].append({"name": name, "breakpoints": [xs[0], *interior, xs[-1]], "knots": list(t), "coef": list(spl.c),
                          "xe": list(xse), "ye": list(spl(xse)), "ye_lsq": list(lsq(xse)), "dye": list(spl.derivative()(xse))})
out["xs"], out["ys"], out["ws"] = list(xs), list(ys), list(ws)

# Surfaces: 150 scattered points on [0, 200] x [0, 100], weighted lstsq over the 2-D Vandermonde.
sx = rng.uniform(0, 200, 150)
sy = rng.uniform(0, 100, 150)
sz = 10 + 0.02 * sx - 0.05 * sy + 1e-4 * sx * sy + 3e-4 * sy**2 + rng.normal(0, 0.2, sx.size)
sw = 1 / rng.uniform(0.5, 1.5, sx.size)
for basis, vander in (("Legendre", L.legvander2d), ("Power", P.polyvander2d)):
    xo, yo = 2, 3
    u = (2 * sx - 200) / 200
    v = (2 * sy - 100) / 100
    a = vander(u, v, [xo, yo]) * sw[:, None]
    c, *_ = np.linalg.lstsq(a, sz * sw, rcond=None)
    out["surface"].append({"basis": basis, "xorder": xo, "yorder": yo, "xdomain": [0, 200], "ydomain": [0, 100],
                           "coef": c.reshape(xo + 1, yo + 1).tolist()})
out["sx"], out["sy"], out["sz"], out["sw"] = list(sx), list(sy), list(sz), list(sw)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fitting_vectors.json"), "w") as f:
    json.dump(out, f, indent=0)
