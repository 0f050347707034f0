#!/usr/bin/env Rscript
# Golden values of R's internal ARIMA kernels (stats 4.2.2, src/library/stats/src/arima.c), printed one per line
# as "name,v1,v2,..." (%.17g). Regenerate: Rscript kernels.R > kernels.csv
# Used by the forecast4j kernel tests (ArimaParameterTransformTest, GardnerQ0Test, KalmanLikelihoodTest, ArimaCssTest).
out <- function(name, v) cat(name, ",", paste(sprintf("%.17g", as.numeric(v)), collapse = ","), "\n", sep = "")
# --- parameter transforms; arma = c(p, q, P, Q, s, d, D)
raw <- c(0.5, -0.3, 1.2, 0.2, 0.4, -0.6, 0.1)
arma <- as.integer(c(3, 1, 2, 1, 4, 0, 0))
out("raw", raw)
tp <- .Call(stats:::C_ARIMA_transPars, raw, arma, TRUE)
out("transPars_true_phi", tp[[1]]); out("transPars_true_theta", tp[[2]])
tp <- .Call(stats:::C_ARIMA_transPars, raw, arma, FALSE)
out("transPars_false_phi", tp[[1]]); out("transPars_false_theta", tp[[2]])
out("undoPars", .Call(stats:::C_ARIMA_undoPars, raw, arma))
und <- .Call(stats:::C_ARIMA_undoPars, raw, arma)
out("invtrans_of_undoPars", .Call(stats:::C_ARIMA_Invtrans, und, arma))
out("gradtrans", .Call(stats:::C_ARIMA_Gradtrans, raw, arma))   # column-major n x n
# --- Q0 (Gardner et al. 1980)
q0case <- function(name, phi, theta) { out(paste0(name, "_phi"), phi); out(paste0(name, "_theta"), theta)
  out(paste0(name, "_Q0"), .Call(stats:::C_getQ0, as.double(phi), as.double(theta))) }
q0case("q0a", c(0.5, -0.3), c(0.4))
q0case("q0b", numeric(0), c(0.4, -0.2, 0.3))
q0case("q0c", c(0.3, 0.1, -0.2, 0.05, 0.1), c(-0.5, 0.25))
q0case("q0d", c(0.6), c(0, 0, 0, 0, 0, 0, -0.7, -0.7 * 0.3))   # (1,0,1)(0,0,1)[7] expanded
q0case("q0e", c(0.7), c(-0.2, 0.1, 0.5, 0.3))
# --- exact likelihood (ARIMA_Like) at fixed parameters, and KalmanForecast from the final state
like_case <- function(name, x, phi, theta, Delta) {
  mod <- stats::makeARIMA(phi, theta, Delta, kappa = 1e6)
  r <- .Call(stats:::C_ARIMA_Like, x, mod, 0L, TRUE)
  out(paste0(name, "_stats"), r[[1]])      # ssq, sumlog, nu
  out(paste0(name, "_resid"), r[[2]])
  fc <- KalmanForecast(10, mod)
  out(paste0(name, "_fcmean"), fc[[1]]); out(paste0(name, "_fcvar"), fc[[2]])
}
set.seed(11)
x1 <- as.numeric(arima.sim(list(ar = c(0.5, -0.3), ma = 0.4), n = 120)) + 3
out("x1", x1)
like_case("like_arma21", x1, c(0.5, -0.3), 0.4, numeric(0))
x2 <- cumsum(as.numeric(arima.sim(list(ar = 0.6, ma = -0.3), n = 150)))
out("x2", x2)
like_case("like_arima111", x2, 0.6, -0.3, 1)
x3 <- x2; x3[c(5, 40, 41, 100)] <- NA
out("x3", x3)
like_case("like_arima111_na", x3, 0.6, -0.3, 1)
x4 <- as.numeric(log(AirPassengers))
out("x4", x4)
# airline model (0,1,1)(0,1,1)[12]: theta expanded, Delta of (1-B)(1-B^12)
th <- c(-0.4, rep(0, 10), -0.6, 0.24)
Delta <- c(1, rep(0, 10), 1, -1)
like_case("like_airline", x4, numeric(0), th, Delta)
# --- CSS (ARIMA_CSS): arma = c(p, q, P, Q, s, d, D), ncond = d + D s + p + P s
css <- .Call(stats:::C_ARIMA_CSS, x2, as.integer(c(1, 1, 0, 0, 1, 1, 0)), 0.6, -0.3, 2L, TRUE)
out("css_arima111", css[[1]]); out("css_arima111_resid", css[[2]])
css <- .Call(stats:::C_ARIMA_CSS, x4, as.integer(c(0, 1, 0, 1, 12, 1, 1)), numeric(0), th, 13L, TRUE)
out("css_airline", css[[1]]); out("css_airline_resid", css[[2]])
# --- arima() log-likelihood at fixed parameters (no optimisation)
f <- arima(x1, order = c(2, 0, 1), fixed = c(0.5, -0.3, 0.4, 3), transform.pars = FALSE)
out("fixed_arma21_mean", c(f$loglik, f$sigma2))
f <- arima(x4, order = c(0, 1, 1), seasonal = list(order = c(0, 1, 1), period = 12), fixed = c(-0.4, -0.6), transform.pars = FALSE)
out("fixed_airline", c(f$loglik, f$sigma2))
