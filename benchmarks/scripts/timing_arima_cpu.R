#!/usr/bin/env Rscript
# CPU time (user + system, system.time) per stats::arima fit on the benchmark series, methods ML and CSS-ML;
# the companion of org.forecast4j.bench.ArimaFitTiming for a loaded machine. Median over BATCHES batches.
# Usage: OPENBLAS_NUM_THREADS=1 Rscript timing_arima_cpu.R BENCH_DIR [BATCHES]
a <- commandArgs(trailingOnly = TRUE)
dir <- a[1]; nb <- if (length(a) > 1) as.integer(a[2]) else 5
x <- ts(read.csv(file.path(dir, "arima512_n1000.csv"))$y)
z <- ts(read.csv(file.path(dir, "ecom_000.csv"))$y, frequency = 7)
cases <- list(arima512 = function(m) arima(x, order = c(5, 1, 2), method = m),
              sarima7 = function(m) arima(z, order = c(1, 1, 1), seasonal = c(0, 1, 1), method = m))
for (nm in names(cases)) for (m in c("ML", "CSS-ML")) {
  fn <- cases[[nm]]; f <- fn(m); f <- fn(m)
  cpu <- wall <- numeric(nb)
  for (b in seq_len(nb)) {
    st <- system.time(for (i in 1:3) f <- fn(m))
    cpu[b] <- (st[["user.self"]] + st[["sys.self"]]) / 3 * 1000; wall[b] <- st[["elapsed"]] / 3 * 1000
  }
  cat(sprintf("R %s %s: cpu ms/fit median %.1f (min %.1f, max %.1f), wall median %.1f; loglik %.6f\n",
              nm, m, median(cpu), min(cpu), max(cpu), median(wall), f$loglik))
}
