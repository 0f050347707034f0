# R's non-stepwise auto.arima on a few non-seasonal conformance series, for AutoArimaTest.
# R 4.2.2, forecast 8.20. Run from this directory: Rscript auto_arima_full.R
# Series come from ../conformance/<set>_<name>.csv (copies of ../shared/conformance/series); lynx on the log
# scale as in the conformance spec. Writes auto_arima_full.csv.
suppressPackageStartupMessages(library(forecast))
cases <- list(c("rdatasets_WWWusage", 0), c("rdatasets_Nile", 0), c("rdatasets_lynx", 1),
              c("public_ar2_n200", 0), c("public_arima111_n200", 0))
rows <- list()
for (cs in cases) {
  y <- read.csv(file.path("..", "conformance", paste0(cs[1], ".csv")))$y
  if (cs[2] == "1") y <- log(y)
  x <- ts(y, frequency = 1)
  for (approx in c(TRUE, FALSE)) {
    f <- auto.arima(x, stepwise = FALSE, approximation = approx)
    o <- arimaorder(f)
    rows[[length(rows) + 1]] <- data.frame(series = cs[1], log = cs[2], approximation = as.integer(approx),
      p = o[["p"]], d = o[["d"]], q = o[["q"]],
      constant = as.integer(any(c("drift", "intercept") %in% names(f$coef))),
      aicc = formatC(f$aicc, digits = 15, format = "g"))
  }
}
write.csv(do.call(rbind, rows), "auto_arima_full.csv", row.names = FALSE, quote = FALSE)
