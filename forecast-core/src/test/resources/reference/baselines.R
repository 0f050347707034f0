# Reference forecasts of the four baselines, from R's forecast package.
# Run from this directory:  Rscript baselines.R
# Produced with R 4.2.2, forecast 8.20 (Debian 12). Output: baselines/expected.csv
#   series,method,period,h,step,mean,lo80,hi80,lo95,hi95   (17 significant digits)
# Inputs (baselines/*.csv, one column y, NA = missing):
#   ecom_orders     copy of examples/ecom_orders.csv (daily, period 7)
#   AirPassengers   datasets::AirPassengers (monthly, period 12), written by this script
#   usaccdeaths_na  datasets::USAccDeaths (period 12) with observations 5, 20, 33, 34, 50 and 70 set to NA,
#                   written by this script: gaps inside the series, a run of two, and one in the last season
#   lynx            datasets::lynx (yearly, period 1)
#   short           five quarterly values (period 4): the shortest series every method accepts
suppressMessages(library(forecast))

write_y <- function(x, file) write.csv(data.frame(y = as.numeric(x)), file, row.names = FALSE, na = "NA")

write_y(AirPassengers, "baselines/AirPassengers.csv")
acc <- as.numeric(USAccDeaths); acc[c(5, 20, 33, 34, 50, 70)] <- NA
write_y(acc, "baselines/usaccdeaths_na.csv")
write_y(lynx, "baselines/lynx.csv")
write_y(c(12, 15, 11, 18, 14), "baselines/short.csv")

series <- list(
  ecom_orders    = list(y = read.csv("baselines/ecom_orders.csv")$y, m = 7, h = 17),
  AirPassengers  = list(y = read.csv("baselines/AirPassengers.csv")$y, m = 12, h = 27),
  usaccdeaths_na = list(y = read.csv("baselines/usaccdeaths_na.csv")$y, m = 12, h = 27),
  lynx           = list(y = read.csv("baselines/lynx.csv")$y, m = 1, h = 10),
  short          = list(y = read.csv("baselines/short.csv")$y, m = 4, h = 9))

g <- function(v) sprintf("%.17g", v)
rows <- list()
for (name in names(series)) {
  s <- series[[name]]
  x <- ts(s$y, frequency = s$m)
  fcs <- list(mean = meanf(x, h = s$h, level = c(80, 95)),
              naive = naive(x, h = s$h, level = c(80, 95)),
              snaive = snaive(x, h = s$h, level = c(80, 95)),
              drift = rwf(x, h = s$h, drift = TRUE, level = c(80, 95)))
  for (method in names(fcs)) {
    fc <- fcs[[method]]
    rows[[length(rows) + 1]] <- data.frame(series = name, method = method, period = s$m, h = s$h,
      step = seq_len(s$h), mean = g(fc$mean), lo80 = g(fc$lower[, 1]), hi80 = g(fc$upper[, 1]),
      lo95 = g(fc$lower[, 2]), hi95 = g(fc$upper[, 2]))
  }
}
write.csv(do.call(rbind, rows), "baselines/expected.csv", row.names = FALSE, quote = FALSE)
