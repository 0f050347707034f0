# Reference for ArimaHessianTest: R 4.2.2, stats::arima with method = "CSS" on ecom_001 of the shared timing set
# (hessian_ecom_001.csv, daily, period 7): the ARIMA(1,1,2)(0,0,2)[7] candidate that forecast::auto.arima 8.20
# accepts on ecom_001 (its standard errors are all defined). Writes hessian.csv: coefficient, R's estimate and
# standard error sqrt(diag(var.coef)) from optimHess (ndeps = 1e-3).
x <- ts(read.csv("hessian_ecom_001.csv")$y, frequency = 7)
fit <- stats::arima(x, order = c(1, 1, 2), seasonal = list(order = c(0, 0, 2), period = 7), method = "CSS")
out <- data.frame(name = names(fit$coef), coef = unname(fit$coef), se = sqrt(diag(fit$var.coef)))
write.csv(out, "hessian.csv", row.names = FALSE, quote = FALSE)
