#!/usr/bin/env Rscript
# forecast 8.20 fourier() terms for FourierTest. Regenerate: Rscript fourier.R > fourier.csv
suppressMessages(library(forecast))
out <- function(name, v) cat(name, ",", paste(sprintf("%.17g", as.numeric(v)), collapse = ","), "\n", sep = "")
x <- msts(rnorm(30), seasonal.periods = c(7, 365.25))
X <- fourier(x, K = c(3, 2)); F <- fourier(x, K = c(3, 2), h = 5)
cat("#names,", paste(colnames(X), collapse = ","), "\n", sep = "")
for (j in seq_len(ncol(X))) { out(paste0("hist_", j), X[, j]); out(paste0("fut_", j), F[, j]) }
y <- ts(rnorm(20), frequency = 4)
X <- fourier(y, K = 2)
cat("#q_names,", paste(colnames(X), collapse = ","), "\n", sep = "")
for (j in seq_len(ncol(X))) out(paste0("q_", j), X[, j])
