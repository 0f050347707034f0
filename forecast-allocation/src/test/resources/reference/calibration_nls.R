# Reference fits for CurveCalibrationTest. R 4.2.2, stats::nls (Gauss-Newton).
# Run: Rscript calibration_nls.R  -> writes calibration_data.csv and calibration_expected.csv
set.seed(7)
x <- round(seq(250, 40000, length.out = 40))
exp_lift <- 0.3 * (1 - exp(-x / 8000)) + rnorm(40, 0, 0.006)
hill_lift <- 0.45 * x^2.2 / (x^2.2 + 12000^2.2) + rnorm(40, 0, 0.006)
log_out <- 2500 * (1 + 0.12 * log(1 + x / 3000)) + rnorm(40, 0, 15)
write.csv(data.frame(spend = x, exp_lift = exp_lift, hill_lift = hill_lift, log_outcome = log_out),
          "calibration_data.csv", row.names = FALSE)
fe <- nls(exp_lift ~ M * (1 - exp(-x / k)), start = list(M = 0.2, k = 5000))
fh <- nls(hill_lift ~ M * x^s / (x^s + e^s), start = list(M = 0.3, e = 9000, s = 1.5))
fl <- nls(log_out ~ b * (1 + cc * log(1 + x / k)), start = list(b = 2400, cc = 0.1, k = 2000))
row <- function(model, fit) {
  s <- summary(fit)$coefficients
  data.frame(model = model, parameter = rownames(s), estimate = s[, 1], se = s[, 2],
             rmse = sqrt(mean(residuals(fit)^2)))
}
out <- rbind(row("exponential", fe), row("hill", fh), row("log-outcome", fl))
write.csv(out, "calibration_expected.csv", row.names = FALSE)
print(out)
