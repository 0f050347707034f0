"""Copies R's Ljung-Box(10) of ARIMA residuals (first d + D*s dropped, fitdf = p + q + P + Q) from
../shared/conformance/r/<set>/<series>.json (field models.<model>.stats_ml.ljung_box_trim_fitdf, written by
../shared/ref/r_ref.R with R 4.2.2 stats::Box.test) into ljung_box.csv, one row per case of spec.csv."""
import json

rows = ["series,model,lag,statistic,df,p_value"]
for line in open("spec.csv").read().split("\n")[1:]:
    if not line.strip():
        continue
    series, model = line.split(",")[:2]
    ref = json.load(open("/work/shared/conformance/r/" + series + ".json"))["models"][model]["stats_ml"]
    lb = ref["ljung_box_trim_fitdf"]
    rows.append("%s,%s,10,%r,%d,%r" % (series, model, lb["statistic"], lb["df"], lb["p_value"]))
open("ljung_box.csv", "w").write("\n".join(rows) + "\n")
