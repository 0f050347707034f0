#!/usr/bin/python3
"""CPU time (time.process_time) per statsmodels ARIMA fit, the companion of ArimaFitTiming on a loaded machine.
Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 timing_sm_cpu.py BENCH_DIR [BATCHES]"""
import os, statistics, sys, time, warnings
import pandas as pd
from statsmodels.tsa.arima.model import ARIMA
warnings.simplefilter("ignore")
d = sys.argv[1]; nb = int(sys.argv[2]) if len(sys.argv) > 2 else 3
x = pd.read_csv(os.path.join(d, "arima512_n1000.csv"))["y"].to_numpy(float)
z = pd.read_csv(os.path.join(d, "ecom_000.csv"))["y"].to_numpy(float)
for name, y, kw in (("arima512", x, dict(order=(5, 1, 2))), ("sarima7", z, dict(order=(1, 1, 1), seasonal_order=(0, 1, 1, 7)))):
    ARIMA(y, **kw).fit()
    cpu = []
    for _ in range(nb):
        t0 = time.process_time(); r = ARIMA(y, **kw).fit(); cpu.append((time.process_time() - t0) * 1000)
    print(f"statsmodels {name}: cpu ms/fit median {statistics.median(cpu):.1f} (min {min(cpu):.1f}, max {max(cpu):.1f}); loglik {r.llf:.6f}")
