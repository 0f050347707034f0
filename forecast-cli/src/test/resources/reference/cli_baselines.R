# Reference forecasts for the CLI tests: R 4.2.2, forecast 8.20.
# Run from forecast-cli/src/test/resources: Rscript reference/cli_baselines.R > reference/cli_baselines.json
suppressMessages({library(forecast); library(jsonlite)})
x <- ts(read.csv("cli/daily.csv")$y, frequency = 7)
h <- 14
one <- function(fc) list(mean = as.numeric(fc$mean), lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
                         lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
out <- list(snaive = one(snaive(x, h = h, level = c(80, 95))), naive = one(naive(x, h = h, level = c(80, 95))),
            drift = one(rwf(x, h = h, drift = TRUE, level = c(80, 95))), mean = one(meanf(x, h = h, level = c(80, 95))))
cat(toJSON(out, digits = NA))
