#!/usr/bin/python3
"""Copies the conformance cases forecast4j's ARIMA tests need from ../shared/conformance (R 4.2.2, forecast 8.20,
produced by ../shared/ref/r_ref.R): spec.csv, the series (one column y), and a slim JSON per series with R's
stats::arima ML and CSS fits, forecast::Arima's CSS-ML fit and ar.yw. Usage: extract.py CONFORMANCE_DIR"""
import csv, json, os, shutil, sys

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
shutil.copy(os.path.join(src, "spec.csv"), os.path.join(here, "spec.csv"))
keep = ("coef", "se", "sigma2", "loglik", "aic", "aicc", "bic", "forecast", "resid_head", "resid_tail", "warnings",
        "nobs_used", "convergence_code")
for row in csv.DictReader(open(os.path.join(src, "spec.csv"))):
    s = row["series"]
    name = s.replace("/", "_")
    rows = list(csv.DictReader(open(os.path.join(src, "series", s + ".csv"))))
    with open(os.path.join(here, name + ".csv"), "w") as f:
        f.write("y\n")
        for r in rows:
            f.write(r["y"] + "\n")
    ref = json.load(open(os.path.join(src, "r", s + ".json")))
    outp = os.path.join(here, name + ".json")
    out = json.load(open(outp)) if os.path.exists(outp) else {"series": s, "source": "R 4.2.2 forecast 8.20 via r_ref.R",
                                                                "models": {}, "yw": ref.get("yw")}
    m = ref["models"][row["model"]]
    slim = {}
    for k in ("stats_ml", "stats_css", "forecast_cssml"):
        if k in m:
            slim[k] = {f: m[k][f] for f in keep if f in m[k]}
    out["models"][row["model"]] = slim
    json.dump(out, open(outp, "w"), separators=(",", ":"))
