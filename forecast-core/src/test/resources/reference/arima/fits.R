#!/usr/bin/env Rscript
# Reference fits of R 4.2.2 stats::arima for forecast4j's ArimaFitTest: regression with ARIMA errors (two
# regressors -> R rotates them by SVD), fixed coefficients, missing values, CSS. Prints "name,v1,v2,..." lines.
# Regenerate: Rscript fits.R > fits.csv
out <- function(name, v) cat(name, ",", paste(sprintf("%.17g", as.numeric(v)), collapse = ","), "\n", sep = "")
set.seed(7)
n <- 240
promo <- as.numeric(runif(n) < 0.1)
price <- 10 + cumsum(rnorm(n, sd = 0.05))
e <- arima.sim(list(ar = 0.6), n = n)
y <- 50 + 8 * promo - 2 * price + as.numeric(e)
out("xr_y", y); out("xr_promo", promo); out("xr_price", price)
fpromo <- c(1, 0, 0, 0, 1, 0, 0, 0, 0, 0); fprice <- price[n] + seq(0.01, 0.1, by = 0.01)
out("xr_fpromo", fpromo); out("xr_fprice", fprice)
X <- cbind(promo = promo, price = price)
f <- arima(y, order = c(1, 0, 0), xreg = X, method = "ML")
out("xr_coef", f$coef); out("xr_se", sqrt(diag(f$var.coef))); out("xr_stats", c(f$loglik, f$sigma2, f$aic))
pr <- predict(f, n.ahead = 10, newxreg = cbind(promo = fpromo, price = fprice))
out("xr_fc_mean", pr$pred); out("xr_fc_se", pr$se)
# fixed coefficients: ARIMA(2,0,1) with ar2 fixed at 0.1
z <- as.numeric(arima.sim(list(ar = c(0.5, 0.1), ma = 0.3), n = 300)) + 5
out("fx_y", z)
f <- arima(z, order = c(2, 0, 1), fixed = c(NA, 0.1, NA, NA), transform.pars = FALSE, method = "ML")
out("fx_coef", f$coef); out("fx_se", sqrt(diag(f$var.coef))); out("fx_stats", c(f$loglik, f$sigma2, f$aic))
# missing values: ARIMA(1,1,1) on a series with gaps (CSS-ML falls back to ML)
w <- cumsum(as.numeric(arima.sim(list(ar = 0.5, ma = -0.3), n = 200)))
w[c(20, 21, 22, 90, 150)] <- NA
out("na_y", w)
f <- arima(w, order = c(1, 1, 1))
out("na_coef", f$coef); out("na_stats", c(f$loglik, f$sigma2, f$aic))
pr <- predict(f, n.ahead = 10)
out("na_fc_mean", pr$pred); out("na_fc_se", pr$se)
# seasonal AR with CSS on AirPassengers (log)
lx <- log(as.numeric(AirPassengers))
f <- arima(ts(lx, frequency = 12), order = c(1, 1, 0), seasonal = list(order = c(1, 1, 0), period = 12), method = "CSS")
out("css_coef", f$coef); out("css_stats", c(f$loglik, f$sigma2))
residuals <- as.numeric(residuals(f)); out("css_resid_tail", tail(residuals, 5))
