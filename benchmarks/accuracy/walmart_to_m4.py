#!/usr/bin/python3
"""Walmart (Kaggle 2014) train.csv -> store-level weekly sales in M4 wide format.

Usage: walmart_to_m4.py TRAIN.csv H OUT_TRAIN.csv OUT_TEST.csv
Sums Weekly_Sales over departments per (Store, Date) -> 45 series of 143 weeks
(2010-02-05 .. 2012-10-26); the last H weeks of each series go to OUT_TEST.
"""
import csv, sys
from collections import defaultdict

src, h, out_train, out_test = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
sales = defaultdict(float)
dates, stores = set(), set()
with open(src, newline="") as f:
    for row in csv.DictReader(f):
        s, d = int(row["Store"]), row["Date"]
        sales[(s, d)] += float(row["Weekly_Sales"])
        dates.add(d); stores.add(s)
dates = sorted(dates)
for s in stores:
    missing = [d for d in dates if (s, d) not in sales]
    if missing:
        sys.exit(f"store {s} has no rows for {missing[:3]}")
def write(path, cols):
    width = max(len(c) for c in cols.values())
    with open(path, "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow([f"V{i + 1}" for i in range(width + 1)])
        for sid, vals in cols.items():
            w.writerow([sid] + [repr(round(v, 2)) for v in vals])
full = {f"S{s}": [sales[(s, d)] for d in dates] for s in sorted(stores)}
write(out_train, {k: v[:-h] for k, v in full.items()})
write(out_test, {k: v[-h:] for k, v in full.items()})
