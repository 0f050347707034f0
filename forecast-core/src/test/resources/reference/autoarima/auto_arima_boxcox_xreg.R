# Reference values for auto-ARIMA with Box-Cox transforms and regressors.
# R 4.2.2, forecast 8.20, jsonlite. Run from this directory:
#   Rscript auto_arima_boxcox_xreg.R
# Inputs: ../conformance/rdatasets_*.csv and ../conformance/public_ecom_orders.csv (copies of
# ../shared/conformance/series). Outputs: auto_arima_boxcox_xreg.json and ecom_orders_xreg.csv (the regressors,
# n + h rows, so that the Java test uses exactly the same columns).
#
# forecast4j's ARIMA forecasts use stats::arima's sigma2 (ssq / n*), forecast::Arima / auto.arima rescale it to
# sum(res^2) / (n* - npar + 1) (see docs/arima.md). So besides R's own forecast() output ("r_forecast"), this
# script records the forecasts recomputed with stats::arima's sigma2 at R's estimate ("stats_sigma2"): the
# transformed-scale mean and se from predict(), se rescaled by sqrt(sigma2_stats / sigma2_forecast), and then
# back-transformed exactly as forecast.forecast_ARIMA does (InvBoxCox with biasadj and fvar = se^2 for the
# mean, InvBoxCox of mean -/+ qnorm * se for the limits).
suppressMessages(library(forecast))
library(jsonlite)

h <- 14
read_y <- function(name) read.csv(file.path("..", "conformance", paste0(name, ".csv")))$y

cases <- list()

run_case <- function(id, x, args, xreg = NULL, newxreg = NULL) {
  fit <- do.call(auto.arima, c(list(y = x, xreg = xreg), args))
  lambda <- fit$lambda
  biasadj <- isTRUE(args$biasadj)
  arma <- fit$arma
  coefs <- fit$coef
  constant <- any(names(coefs) %in% c("intercept", "drift"))
  # stats::arima's sigma2 at R's estimate: refit with every coefficient fixed
  z <- if (is.null(lambda)) x else BoxCox(x, lambda)
  fxreg <- fit$xreg
  has_mean <- "intercept" %in% names(coefs)
  sfit <- suppressWarnings(stats::arima(z, order = arma[c(1, 6, 2)],
                                        seasonal = list(order = arma[c(3, 7, 4)], period = arma[5]),
                                        xreg = fxreg, include.mean = has_mean, fixed = coefs,
                                        transform.pars = FALSE))
  sigma2_stats <- sfit$sigma2
  nx <- if (is.null(newxreg)) NULL else newxreg
  if ("drift" %in% names(coefs)) {
    nx <- cbind(drift = length(x) + (1:h), nx)
  }
  pred <- if (is.null(nx)) predict(fit, n.ahead = h) else predict(fit, n.ahead = h, newxreg = nx)
  se <- as.numeric(pred$se) * sqrt(sigma2_stats / fit$sigma2)
  m <- as.numeric(pred$pred)
  bt <- function(v, badj = FALSE, fvar = NULL) {
    if (is.null(lambda)) v else as.numeric(InvBoxCox(v, lambda, biasadj = badj, fvar = fvar))
  }
  stats_fc <- list(
    model_mean = m, model_se = se,
    mean = bt(m, biasadj, se^2),
    lo80 = bt(m - qnorm(0.9) * se), hi80 = bt(m + qnorm(0.9) * se),
    lo95 = bt(m - qnorm(0.975) * se), hi95 = bt(m + qnorm(0.975) * se))
  fc <- if (is.null(newxreg)) forecast(fit, h = h, level = c(80, 95)) else
    forecast(fit, xreg = newxreg, level = c(80, 95))
  cases[[id]] <<- list(
    id = id, label = forecast:::arima.string(fit, padding = FALSE),
    order = arma[c(1, 6, 2, 3, 7, 4)], period = arma[5], constant = constant,
    lambda = if (is.null(lambda)) NULL else as.numeric(lambda), biasadj = biasadj,
    coef_names = names(coefs), coef = as.numeric(coefs),
    sigma2_stats = sigma2_stats, sigma2_forecast = fit$sigma2, loglik = fit$loglik, aicc = fit$aicc,
    fitted = as.numeric(fitted(fit)), residuals = as.numeric(residuals(fit)),
    # fitted values with stats::arima's sigma2 in the bias adjustment (forecast4j's convention)
    fitted_stats = if (is.null(lambda)) as.numeric(fitted(fit)) else
      as.numeric(InvBoxCox(z - residuals(fit), lambda, biasadj = biasadj, fvar = sigma2_stats)),
    stats_sigma2 = stats_fc,
    r_forecast = list(mean = as.numeric(fc$mean), lo80 = as.numeric(fc$lower[, 1]),
                      hi80 = as.numeric(fc$upper[, 1]), lo95 = as.numeric(fc$lower[, 2]),
                      hi95 = as.numeric(fc$upper[, 2])))
}

air <- ts(read_y("rdatasets_AirPassengers"), start = c(1949, 1), frequency = 12)
usa <- ts(read_y("rdatasets_USAccDeaths"), start = c(1973, 1), frequency = 12)
www <- ts(read_y("rdatasets_WWWusage"), frequency = 1)

run_case("air_lambda0", air, list(lambda = 0))
run_case("air_lambda_auto", air, list(lambda = "auto"))
run_case("usa_lambda_auto_biasadj", usa, list(lambda = "auto", biasadj = TRUE))
run_case("www_lambda0_biasadj", www, list(lambda = 0, biasadj = TRUE))

# e-commerce orders (daily, weekly period) with a promotion dummy ("618", "11.11"), the day after, and yearly
# Fourier terms K = 2 (period 365.25, t = 1..n+h as forecast::fourier)
ord <- read.csv(file.path("..", "conformance", "public_ecom_orders.csv"))
n <- nrow(ord)
dates <- seq(as.Date("2022-01-01"), by = "day", length.out = n + h)
md <- format(dates, "%m-%d")
promo <- as.numeric(md %in% c("06-18", "11-11"))
after <- as.numeric(md %in% c("06-19", "11-12"))
tt <- 1:(n + h)
X <- cbind(promo = promo, after = after,
           S1_365 = sin(2 * pi * tt / 365.25), C1_365 = cos(2 * pi * tt / 365.25),
           S2_365 = sin(4 * pi * tt / 365.25), C2_365 = cos(4 * pi * tt / 365.25))
write.csv(data.frame(date = format(dates), X), "ecom_orders_xreg.csv", row.names = FALSE, quote = FALSE)
y <- ts(ord$y, frequency = 7)
run_case("orders_xreg", y, list(), xreg = X[1:n, ], newxreg = X[n + (1:h), ])
run_case("orders_xreg_lambda0_biasadj", y, list(lambda = 0, biasadj = TRUE), xreg = X[1:n, ],
         newxreg = X[n + (1:h), ])

# a shorter window (the last 200 days) with the promotion dummies and one yearly Fourier pair
w <- (n - 199):n
y200 <- ts(ord$y[w], frequency = 7)
X200 <- X[c(w, n + (1:h)), c("promo", "after", "S1_365", "C1_365")]
run_case("orders200_xreg", y200, list(), xreg = X200[1:200, ], newxreg = X200[200 + (1:h), ])
run_case("orders200_xreg_lambda_auto", y200, list(lambda = "auto"), xreg = X200[1:200, ],
         newxreg = X200[200 + (1:h), ])

writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, null = "null"), "auto_arima_boxcox_xreg.json")
