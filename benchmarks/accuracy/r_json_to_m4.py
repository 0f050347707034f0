#!/usr/bin/python3
"""Merge outputs of ../shared/ref/r_m4_autoarima.R into an M4-layout forecasts file for
`forecast4j evaluate --m4-forecasts NAME=FILE`, and the matching subset of the train/test files.

Usage: r_json_to_m4.py TRAIN.csv TEST.csv OUT_PREFIX R1.json [R2.json ...]
Writes OUT_PREFIX-train.csv, OUT_PREFIX-test.csv (only the series present in the JSON files, in file order),
OUT_PREFIX-r.csv (id, F1..Fh) and prints: series, total R seconds (sum of per-series `secs`).
A series whose R fit failed (forecasts NA) is written without forecasts, which evaluate reports as an error.
"""
import csv, json, sys

train, test, prefix, parts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
res = {}
for p in parts:
    res.update(json.load(open(p)))
def rows(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))
def write(path, body):
    w = max(len(b) for b in body)
    with open(path, "w", newline="") as f:
        wr = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        wr.writerow([f"V{i + 1}" for i in range(w)])
        for b in body:
            wr.writerow(b + [""] * (w - len(b)))
tr, te = rows(train)[1:], rows(test)[1:]
keep = [i for i, r in enumerate(tr) if r[0] in res]
write(prefix + "-train.csv", [[c for c in tr[i] if c != ""] for i in keep])
write(prefix + "-test.csv", [[c for c in te[i] if c != ""] for i in keep])
write(prefix + "-r.csv", [[tr[i][0]] + ["" if v is None or v == "NA" else repr(float(v)) for v in res[tr[i][0]]["mean"]]
                          for i in keep])
print(len(keep), round(sum(res[tr[i][0]]["secs"] for i in keep), 2))
