#!/usr/bin/env python3
"""The peer of `parallax organise`: ccdproc's ImageFileCollection summarising the same folder
(reads every header and builds the table of chosen keywords), then groups by IMAGETYP and FILTER
as a user would. Prints the elapsed seconds and files per second.
Usage: ccdproc_organise.py FOLDER"""
import sys
import time

from ccdproc import ImageFileCollection

folder = sys.argv[1]
t0 = time.perf_counter()
ifc = ImageFileCollection(folder, keywords=["instrume", "imagetyp", "exptime", "filter", "date-obs", "object"])
summary = ifc.summary
groups = summary.group_by(["imagetyp", "filter"])
elapsed = time.perf_counter() - t0
n = len(summary)
print(f"ccdproc ImageFileCollection: {n} files, {len(groups.groups)} groups in {elapsed:.2f} s ({n / elapsed:.0f} files/s)")
