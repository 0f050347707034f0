"""Copies R's auto.arima choices out of the shared conformance results into auto_arima_r.csv.

Source: /work/shared/conformance/r/{public,rdatasets}/*.json, produced by /work/shared/ref/r_ref.R with
R 4.2.2 and forecast 8.20: auto_arima.default = auto.arima(x), auto_arima.noapprox =
auto.arima(x, approximation = FALSE), where x = ts(y, frequency = freq) and y is log-transformed when the
conformance spec says log = 1. The series themselves are in ../conformance/<set>_<name>.csv.
Run: python3 extract_auto_arima.py /work/shared/conformance
"""
import csv
import json
import sys
from pathlib import Path

root = Path(sys.argv[1])
spec = {}
with open(root / "spec.csv") as f:
    for row in csv.DictReader(f):
        spec.setdefault(row["series"], row)
out = []
for key, row in spec.items():
    j = json.loads((root / "r" / (key + ".json")).read_text())
    for cfg in ("default", "noapprox"):
        a = j["auto_arima"][cfg]
        o = a["order"]
        coef = a.get("coef") or {}
        out.append({
            "series": key.replace("/", "_"), "config": cfg, "log": row["log"], "freq": row["freq"],
            "p": o.get("p", 0), "d": o.get("d", 0), "q": o.get("q", 0),
            "P": o.get("P", 0), "D": o.get("D", 0), "Q": o.get("Q", 0),
            "constant": int("drift" in coef or "intercept" in coef),
            "aicc": repr(a["aicc"]), "loglik": repr(a["loglik"]),
        })
with open("auto_arima_r.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(out[0].keys()))
    w.writeheader()
    w.writerows(out)
