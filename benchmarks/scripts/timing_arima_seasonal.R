#!/usr/bin/env Rscript
# ms per stats::arima fit of ARIMA(p,d,q)(P,D,Q)[s] (methods ML and CSS-ML) on a one-column CSV (column y).
# Usage: Rscript timing_arima_seasonal.R FILE p d q P D Q s NFITS   -> one JSON line
suppressMessages(library(jsonlite))
a <- commandArgs(trailingOnly = TRUE)
x <- ts(read.csv(a[1])$y, frequency = as.integer(a[8]))
ord <- as.integer(a[2:4]); sord <- as.integer(a[5:7]); nf <- as.integer(a[9])
res <- list(bench = sprintf("R arima(%s)(%s)[%s] n=%d", paste(ord, collapse = ","), paste(sord, collapse = ","), a[8], length(x)), nfits = nf)
for (m in c("ML", "CSS-ML")) {
  for (i in 1:2) fit <- stats::arima(x, order = ord, seasonal = list(order = sord, period = as.integer(a[8])), method = m)
  t0 <- proc.time()[["elapsed"]]
  for (i in seq_len(nf)) fit <- stats::arima(x, order = ord, seasonal = list(order = sord, period = as.integer(a[8])), method = m)
  res[[paste0("ms_per_fit_", gsub("-", "", m))]] <- (proc.time()[["elapsed"]] - t0) / nf * 1000
  res[[paste0("loglik_", gsub("-", "", m))]] <- fit$loglik
  res[[paste0("coef_", gsub("-", "", m))]] <- as.list(fit$coef)
}
res$R <- R.version.string
cat(toJSON(res, auto_unbox = TRUE, digits = NA), "\n")
