# Reference values of the accuracy metrics.
# Run from this directory (after baselines.R, whose series it reads):  Rscript metrics.R
# Produced with R 4.2.2, forecast 8.20 (Debian 12).
# For each case a forecast is made on a training part and compared with the test part:
#   metrics/<case>.csv      actual, mean, lo80, hi80, lo95, hi95 of the test steps (the R forecast itself, so the
#                           Java test checks the metric formulas in isolation)
#   metrics/expected.csv    case,train,period,metric,level,value
# MAE, RMSE, MAPE and MASE come from forecast::accuracy() ("Test set" row; MASE scaled by the in-sample
# seasonal naive errors, R's default for seasonal data, naive errors for period 1). sMAPE and MSIS are written
# from the M4 Competitor's Guide formulas, WAPE, coverage and pinball loss from their textbook definitions,
# independently of forecast4j. Missing actuals are dropped (na.rm = TRUE), as accuracy() does.
suppressMessages(library(forecast))

cases <- list(
  airpassengers_snaive = list(file = "AirPassengers", m = 12, train = 120, h = 24, f = function(x, h) snaive(x, h = h)),
  ecom_orders_drift = list(file = "ecom_orders", m = 7, train = 700, h = 30, f = function(x, h) rwf(x, h = h, drift = TRUE)),
  usaccdeaths_na_naive = list(file = "usaccdeaths_na", m = 12, train = 60, h = 12, f = function(x, h) naive(x, h = h)),
  lynx_mean = list(file = "lynx", m = 1, train = 100, h = 14, f = function(x, h) meanf(x, h = h)))

g <- function(v) sprintf("%.17g", v)
pinball <- function(y, q, tau) { u <- y - q; mean(ifelse(u >= 0, tau * u, (tau - 1) * u), na.rm = TRUE) }
rows <- list()
add <- function(case, spec, metric, level, value) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, train = spec$train, period = spec$m, metric = metric,
                                          level = level, value = g(value))
}
for (case in names(cases)) {
  s <- cases[[case]]
  y <- read.csv(file.path("baselines", paste0(s$file, ".csv")))$y
  x <- ts(y[1:s$train], frequency = s$m)
  test <- y[(s$train + 1):(s$train + s$h)]
  fc <- s$f(x, s$h)
  mu <- as.numeric(fc$mean)
  write.csv(data.frame(actual = test, mean = g(mu), lo80 = g(fc$lower[, 1]), hi80 = g(fc$upper[, 1]),
                       lo95 = g(fc$lower[, 2]), hi95 = g(fc$upper[, 2])),
            file.path("metrics", paste0(case, ".csv")), row.names = FALSE, quote = FALSE, na = "NA")
  # the test set must be a ts of the same frequency: accuracy() picks seasonal scaling from frequency(x)
  a <- accuracy(fc, ts(test, start = tsp(x)[2] + 1 / s$m, frequency = s$m))["Test set", ]
  add(case, s, "mae", "", a[["MAE"]])
  add(case, s, "rmse", "", a[["RMSE"]])
  add(case, s, "mse", "", a[["RMSE"]]^2)
  add(case, s, "mape", "", a[["MAPE"]])
  add(case, s, "mase", "", a[["MASE"]])
  ok <- !is.na(test)
  e <- test - mu
  add(case, s, "smape", "", 200 * mean(abs(e[ok]) / (abs(test[ok]) + abs(mu[ok]))))
  add(case, s, "wape", "", sum(abs(e[ok])) / sum(abs(test[ok])))
  # M4 scale: mean absolute seasonal difference of the in-sample data (pairs with a missing value dropped)
  xin <- as.numeric(x)
  scale <- mean(abs(xin[(s$m + 1):length(xin)] - xin[1:(length(xin) - s$m)]), na.rm = TRUE)
  for (k in 1:2) {
    level <- c(80, 95)[k]
    alpha <- 1 - level / 100
    L <- as.numeric(fc$lower[, k]); U <- as.numeric(fc$upper[, k])
    add(case, s, "coverage", level, mean(test >= L & test <= U, na.rm = TRUE))
    is <- (U - L) + (2 / alpha) * (L - test) * (test < L) + (2 / alpha) * (test - U) * (test > U)
    add(case, s, "msis", level, mean(is, na.rm = TRUE) / scale)
    add(case, s, "pinball", level, (pinball(test, L, alpha / 2) + pinball(test, U, 1 - alpha / 2)) / 2)
  }
}
write.csv(do.call(rbind, rows), file.path("metrics", "expected.csv"), row.names = FALSE, quote = FALSE)
