# Reference values for org.forecast4j.core.stats and org.forecast4j.core.transform.
# R 4.2.2, forecast 8.20. Run from this directory:  Rscript stats_transforms.R
# Reads series/*.csv, writes *.csv beside this script (full double precision, %.17g).
suppressPackageStartupMessages(library(forecast))

fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
wr <- function(df, file) {
  for (j in seq_along(df)) if (is.numeric(df[[j]])) df[[j]] <- fmt(df[[j]])
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}
load_series <- function(name) read.csv(file.path("series", paste0(name, ".csv")))$y

# name, frequency, transform used for acf/pacf/Box.test (as the conformance set), d, D of its differenced version
cases <- data.frame(
  series = c("AirPassengers", "USAccDeaths", "lynx", "ecom_orders", "ecom_sku_units", "ar2_n200"),
  freq   = c(12, 12, 1, 7, 7, 1),
  log    = c(1, 0, 1, 1, 0, 0),
  d      = c(1, 1, 0, 1, 0, 0),
  D      = c(1, 1, 0, 1, 1, 0),
  stringsAsFactors = FALSE)

prep <- function(i) {
  y <- load_series(cases$series[i])
  if (cases$log[i] == 1) y <- log(y)
  y
}
differenced <- function(y, d, D, s) {
  w <- y
  if (D > 0) w <- diff(w, lag = s, differences = D)
  if (d > 0) w <- diff(w, differences = d)
  w
}

# ---- acf / pacf (lags 0..20), raw and differenced; plus acf with missing values (na.pass)
acf_rows <- list()
for (i in seq_len(nrow(cases))) {
  y <- prep(i)
  for (kind in c("raw", "diff")) {
    z <- if (kind == "raw") y else differenced(y, cases$d[i], cases$D[i], cases$freq[i])
    a <- acf(z, lag.max = 20, plot = FALSE, demean = TRUE)$acf
    p <- c(NA, pacf(z, lag.max = 20, plot = FALSE)$acf)
    acv <- acf(z, lag.max = 20, plot = FALSE, type = "covariance", demean = TRUE)$acf
    acf_rows[[length(acf_rows) + 1]] <- data.frame(series = cases$series[i], kind = kind,
      lag = 0:20, acf = as.numeric(a), pacf = as.numeric(p), acvf = as.numeric(acv))
  }
}
# missing values: AirPassengers (log) with NAs at 1-based positions 5, 6, 40, 100, 144
yna <- log(load_series("AirPassengers")); yna[c(5, 6, 40, 100, 144)] <- NA
a <- acf(yna, lag.max = 20, plot = FALSE, na.action = na.pass)$acf
acv <- acf(yna, lag.max = 20, plot = FALSE, type = "covariance", na.action = na.pass)$acf
acf_rows[[length(acf_rows) + 1]] <- data.frame(series = "AirPassengers", kind = "na_pass", lag = 0:20,
  acf = as.numeric(a), pacf = NA, acvf = as.numeric(acv))
wr(do.call(rbind, acf_rows), "acf_pacf.csv")

# ---- Box.test
box_rows <- list()
add_box <- function(series, kind, z, lag, fitdf, type) {
  b <- Box.test(z, lag = lag, type = type, fitdf = fitdf)
  box_rows[[length(box_rows) + 1]] <<- data.frame(series = series, kind = kind, lag = lag, fitdf = fitdf,
    type = if (type == "Ljung-Box") "LJUNG_BOX" else "BOX_PIERCE",
    statistic = unname(b$statistic), df = unname(b$parameter), p_value = b$p.value)
}
for (i in seq_len(nrow(cases))) {
  y <- prep(i)
  w <- differenced(y, cases$d[i], cases$D[i], cases$freq[i])
  for (type in c("Ljung-Box", "Box-Pierce")) {
    for (lf in list(c(1, 0), c(10, 0), c(10, 2), c(20, 0), c(24, 3))) {
      add_box(cases$series[i], "raw", y, lf[1], lf[2], type)
      add_box(cases$series[i], "diff", w, lf[1], lf[2], type)
    }
  }
}
for (type in c("Ljung-Box", "Box-Pierce")) add_box("AirPassengers", "na_pass", yna, 10, 0, type)
wr(do.call(rbind, box_rows), "box_test.csv")

# ---- BoxCox.lambda (Guerrero), on the raw (untransformed) series
lam_rows <- list()
add_lam <- function(series, kind, y, freq, lower, upper) {
  x <- ts(y, frequency = freq)
  l <- BoxCox.lambda(x, method = "guerrero", lower = lower, upper = upper)
  lam_rows[[length(lam_rows) + 1]] <<- data.frame(series = series, kind = kind, freq = freq,
    lower = lower, upper = upper, lambda = l)
}
for (i in seq_len(nrow(cases))) {
  if (cases$series[i] == "ar2_n200") next  # not positive
  y <- load_series(cases$series[i])
  add_lam(cases$series[i], "raw", y, cases$freq[i], -1, 2)
}
air <- load_series("AirPassengers")
add_lam("AirPassengers", "raw", air, 12, 0, 1)
add_lam("AirPassengers", "raw", air, 4, -1, 2)
add_lam("AirPassengers", "raw", air, 1, -1, 2)
airna <- air; airna[c(5, 6, 40, 100, 144)] <- NA
add_lam("AirPassengers", "na", airna, 12, -1, 2)
add_lam("lynx", "raw", load_series("lynx"), 10, -1, 2)
add_lam("AirPassengers", "short", air[1:24], 12, -1, 2)   # n <= 2*frequency: lambda = 1
wr(do.call(rbind, lam_rows), "boxcox_lambda.csv")

# ---- BoxCox / InvBoxCox (with and without biasadj) on the first 24 AirPassengers values and on sku units
bc_rows <- list()
x <- air[1:24]
fvar <- seq(0.001, 0.024, by = 0.001)
for (lam in c(-0.5, 0, 0.25, 1.3)) {
  w <- BoxCox(x, lam)
  bc_rows[[length(bc_rows) + 1]] <- data.frame(series = "AirPassengers", lambda = lam, i = seq_along(x) - 1,
    x = x, boxcox = as.numeric(w), fvar = fvar,
    inv_biasadj = as.numeric(InvBoxCox(w, lam, biasadj = TRUE, fvar = fvar)))
}
sku <- load_series("ecom_sku_units")[1:40]
w <- BoxCox(sku - 1, 0.5)   # includes negative values: R's sign extension for lambda > 0
bc_rows[[length(bc_rows) + 1]] <- data.frame(series = "ecom_sku_units_minus_1", lambda = 0.5,
  i = seq_along(sku) - 1, x = sku - 1, boxcox = as.numeric(w), fvar = 0.01,
  inv_biasadj = as.numeric(InvBoxCox(w, 0.5, biasadj = TRUE, fvar = rep(0.01, length(w)))))
wr(do.call(rbind, bc_rows), "boxcox_values.csv")

# ---- na.interp on a non-seasonal series with interior and edge gaps (linear, approx rule = 2)
ly <- load_series("lynx")
lyna <- ly; lyna[c(1, 2, 10, 11, 12, 50, 113, 114)] <- NA
filled <- as.numeric(na.interp(ts(lyna, frequency = 1)))
wr(data.frame(i = seq_along(ly) - 1, x = lyna, na_interp = filled), "na_interp.csv")

# ---- consistency with the shared conformance set, when present (not needed by the tests)
conf <- "../../../../../../shared/conformance/r"
if (requireNamespace("jsonlite", quietly = TRUE) && dir.exists(conf)) {
  ap <- jsonlite::fromJSON(file.path(conf, "rdatasets", "AirPassengers.json"))
  mine <- acf(log(air), lag.max = 20, plot = FALSE)$acf[-1]
  message("max |acf - conformance acf_raw| (AirPassengers): ", max(abs(mine - ap$acf_raw$acf)))
}
