# Reference values for forecast4j's unit-root and seasonality tests (package org.forecast4j.core.arima.select)
# and its STL decomposition (org.forecast4j.core.decompose).
#
# Produced with R 4.2.2, forecast 8.20, urca 1.3-3. Run from this directory:
#   Rscript unitroot_reference.R
# Writes unitroot_reference.csv (series,quantity,value) and stl_<series>.csv (STL components).
# The series CSVs next to this script are copies of /work/shared/conformance/series/{public,rdatasets}.
suppressPackageStartupMessages({
  library(forecast)
  library(urca)
})

series <- list(
  AirPassengers = 12, USAccDeaths = 12, lynx = 1, Nile = 1, WWWusage = 1,
  ecom_orders = 7, ecom_pageviews = 7, ecom_sku_units = 7,
  sarima100_110_7_n200 = 7, sarima100_110_7_n1000 = 7, ar1_n200 = 1, arima111_n200 = 1
)

fmt <- function(v) trimws(formatC(v, digits = 17, format = "g"))
rows <- list()
add <- function(name, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(series = name, quantity = quantity, value = fmt(value))
}

# forecast:::ndiffs interpolates the p-value in urca's table of critical values (rule = 2 clamps to [0.01, 0.10])
urca_pval <- function(t) approx(t@cval[1, ], as.numeric(sub("pct", "", colnames(t@cval))) / 100,
                                xout = t@teststat[1], rule = 2)$y

for (name in names(series)) {
  m <- series[[name]]
  x <- ts(read.csv(paste0(name, ".csv"))$y, frequency = m)
  add(name, "n", length(x))
  add(name, "period", m)

  # KPSS (level, the lag rule forecast::ndiffs uses: trunc(3 sqrt(n) / 13)) on x, diff(x), diff(diff(x))
  xd <- as.numeric(x)
  for (d in 0:2) {
    k <- ur.kpss(xd, type = "mu", use.lag = trunc(3 * sqrt(length(xd)) / 13))
    add(name, paste0("kpss_level_d", d, "_stat"), k@teststat)
    add(name, paste0("kpss_level_d", d, "_lag"), k@lag)
    add(name, paste0("kpss_level_d", d, "_pvalue"), urca_pval(k))
    xd <- diff(xd)
  }
  # KPSS with a trend, and urca's own default lag rule "short" = trunc(4 (n/100)^0.25)
  k <- ur.kpss(as.numeric(x), type = "tau", lags = "short")
  add(name, "kpss_trend_short_stat", k@teststat)
  add(name, "kpss_trend_short_lag", k@lag)
  add(name, "kpss_trend_short_pvalue", urca_pval(k))
  k <- ur.kpss(as.numeric(x), type = "mu", lags = "short")
  add(name, "kpss_level_short_stat", k@teststat)
  add(name, "kpss_level_short_lag", k@lag)
  add(name, "ndiffs", ndiffs(x))
  add(name, "ndiffs_trend", ndiffs(x, type = "trend"))

  if (m > 1) {
    # seasonal strength as forecast:::seas.heuristic (mstl(x) = stl(x, s.window = 11) for a plain ts)
    add(name, "seasonal_strength", forecast:::seas.heuristic(x))
    add(name, "nsdiffs_seas", nsdiffs(x))
    o <- forecast:::ocsb.test(x, maxlag = 3, lag.method = "AIC")
    add(name, "ocsb_stat", o$statistics)
    add(name, "ocsb_critical", o$critical)
    add(name, "ocsb_lag", o$lag.order)
    add(name, "nsdiffs_ocsb", nsdiffs(x, test = "ocsb"))
    # fixed-lag OCSB statistics (no AIC selection)
    for (L in 0:3) {
      add(name, paste0("ocsb_fixed", L, "_stat"), forecast:::ocsb.test(x, maxlag = L, lag.method = "fixed")$statistics)
    }

    # STL components (only for a few series, to keep test resources small; 13 significant digits):
    # the one mstl uses, a robust one with s.window = 13, and a periodic one
    if (!(name %in% c("AirPassengers", "USAccDeaths", "ecom_orders", "sarima100_110_7_n200"))) next
    f1 <- stl(x, s.window = 11)
    f2 <- stl(x, s.window = 13, robust = TRUE)
    f3 <- stl(x, s.window = "periodic")
    fmt13 <- function(v) trimws(formatC(v, digits = 13, format = "g"))
    out <- data.frame(
      seasonal11 = fmt13(f1$time.series[, "seasonal"]), trend11 = fmt13(f1$time.series[, "trend"]),
      remainder11 = fmt13(f1$time.series[, "remainder"]),
      seasonal13r = fmt13(f2$time.series[, "seasonal"]), trend13r = fmt13(f2$time.series[, "trend"]),
      remainder13r = fmt13(f2$time.series[, "remainder"]), weights13r = fmt13(f2$weights),
      seasonalper = fmt13(f3$time.series[, "seasonal"]), trendper = fmt13(f3$time.series[, "trend"])
    )
    write.csv(out, paste0("stl_", name, ".csv"), row.names = FALSE, quote = FALSE)
    # Robust STL on an odd-length series (drop the first observation). For even n, R's Fortran calls its
    # partial sort psort() with the two middle ranks in decreasing order (n/2+1, n/2), which can return a
    # wrong order statistic for the "median" of the robustness weights; for odd n both ranks coincide.
    xo <- ts(as.numeric(x)[-1], frequency = m)
    f4 <- stl(xo, s.window = 13, robust = TRUE)
    out <- data.frame(seasonal13r = fmt13(f4$time.series[, "seasonal"]), trend13r = fmt13(f4$time.series[, "trend"]),
                      weights13r = fmt13(f4$weights))
    write.csv(out, paste0("stlodd_", name, ".csv"), row.names = FALSE, quote = FALSE)
  }
}
write.csv(do.call(rbind, rows), "unitroot_reference.csv", row.names = FALSE, quote = FALSE)
