"""Reference display limits and stretches from astropy.visualization (astropy 5.2.1).

Run with /usr/bin/python3 make_display.py in this folder. Writes small float32 FITS images and
display.json with astropy's ZScaleInterval / PercentileInterval / MinMaxInterval limits of each
image and the values of the stretches on a grid, which the Display tests compare against.
"""
import json
import numpy as np
from astropy.io import fits
from astropy.visualization import (ZScaleInterval, PercentileInterval, MinMaxInterval,
                                   LinearStretch, SqrtStretch, LogStretch, AsinhStretch)

rng = np.random.default_rng(20251125)


def stars(img, n, peak):
    h, w = img.shape
    yy, xx = np.mgrid[0:h, 0:w]
    for _ in range(n):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        img += rng.uniform(0.1, 1) * peak * np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * 1.5 ** 2))
    return img


images = {}
a = rng.normal(1000, 10, (48, 64))
a = stars(a, 6, 5000)
a[5, 7] = np.nan
a[30, 40:44] = np.nan
images["noise_stars"] = a.astype(np.float32)

yy, xx = np.mgrid[0:120, 0:150]
b = 200 + 0.8 * xx + 0.3 * yy + rng.normal(0, 4, (120, 150))
images["gradient_big"] = stars(b, 25, 20000).astype(np.float32)

images["integers"] = np.round(rng.normal(50, 0.7, (30, 40))).astype(np.float32)

images["skewed"] = rng.exponential(30, (100, 100)).astype(np.float32)

images["few"] = np.array([[3.0, 1.0, np.nan], [2.0, 9.0, 4.0]], dtype=np.float32)

zscale_custom = dict(n_samples=500, contrast=0.1, krej=3.0, max_iterations=3)
out = {"images": {}, "zscale_custom": zscale_custom}
for name, img in images.items():
    fits.PrimaryHDU(img).writeto(f"{name}.fits", overwrite=True)
    out["images"][name] = {
        "zscale": [float(v) for v in ZScaleInterval().get_limits(img)],
        "zscale_custom": [float(v) for v in ZScaleInterval(**zscale_custom).get_limits(img)],
        "percentile_99_5": [float(v) for v in PercentileInterval(99.5).get_limits(img)],
        "percentile_90": [float(v) for v in PercentileInterval(90).get_limits(img)],
        "minmax": [float(v) for v in MinMaxInterval().get_limits(img)],
    }

grid = np.linspace(-0.1, 1.1, 25)
stretches = {
    "linear": LinearStretch(),
    "linear_2_-0.5": LinearStretch(slope=2, intercept=-0.5),
    "sqrt": SqrtStretch(),
    "log_1000": LogStretch(),
    "log_10": LogStretch(a=10),
    "asinh_0.1": AsinhStretch(),
    "asinh_0.5": AsinhStretch(a=0.5),
}
out["grid"] = grid.tolist()
out["stretches"] = {k: s(grid.copy(), clip=True).tolist() for k, s in stretches.items()}
with open("display.json", "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["images"], indent=1))
