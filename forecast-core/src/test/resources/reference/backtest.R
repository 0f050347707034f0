# Reference for rolling-origin evaluation: R's forecast::tsCV.
# Run from this directory (after baselines.R, whose series it reads):  Rscript backtest.R
# Produced with R 4.2.2, forecast 8.20 (Debian 12). Output backtest/tscv_errors.csv:
#   window,model,origin,step,error   (origin = training length, i.e. tsCV's row i; error = y[i + step] - forecast)
# Series: the first 100 days of ecom_orders (period 7); h = 7; snaive and rwf(drift = TRUE).
#   expanding: tsCV(initial = 59), so the first training set has 60 observations
#   sliding:   tsCV(window = 60), training sets of exactly 60 observations
# Only complete rows (origin + h <= n) are kept: forecast4j evaluates full horizons only.
suppressMessages(library(forecast))

y <- ts(read.csv("baselines/ecom_orders.csv")$y[1:100], frequency = 7)
h <- 7
models <- list(snaive = function(x, h) snaive(x, h = h), drift = function(x, h) rwf(x, h = h, drift = TRUE))
rows <- list()
for (model in names(models)) {
  for (window in c("expanding", "sliding")) {
    e <- if (window == "expanding") tsCV(y, models[[model]], h = h, initial = 59)
         else tsCV(y, models[[model]], h = h, window = 60)
    e <- matrix(as.numeric(e), ncol = h)
    for (i in seq_len(nrow(e))) {
      if (i + h <= length(y) && all(!is.na(e[i, ]))) {
        rows[[length(rows) + 1]] <- data.frame(window = window, model = model, origin = i, step = seq_len(h),
                                               error = sprintf("%.17g", e[i, ]))
      }
    }
  }
}
write.csv(do.call(rbind, rows), file.path("backtest", "tscv_errors.csv"), row.names = FALSE, quote = FALSE)
