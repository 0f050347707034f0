# R 4.2.2, forecast 8.20: the model auto.arima chooses for daily.csv (weekly period) and its Ljung-Box test as
# checkresiduals computes it (lag min(2m, round(n/5)), fitdf p+q+P+Q, residuals after the first d + D*m).
# Output: auto_arima_daily.txt
suppressMessages(library(forecast))
y <- ts(read.csv("daily.csv")$y, frequency = 7)
fit <- auto.arima(y)
o <- arimaorder(fit)
res <- as.numeric(residuals(fit))
burn <- o[["d"]] + o[["D"]] * 7
df <- sum(o[c("p", "q", "P", "Q")])
lag <- max(df + 3, min(14, round(length(res) / 5)))
lb <- Box.test(res[(burn + 1):length(res)], lag = lag, fitdf = df, type = "Ljung-Box")
writeLines(c(paste0("order=", paste(o[c("p", "d", "q")], collapse = ",")),
             paste0("seasonalOrder=", paste(if (length(o) > 3) o[c("P", "D", "Q")] else c(0, 0, 0), collapse = ",")),
             paste0("aicc=", format(fit$aicc, digits = 15)),
             paste0("lb_lag=", lag), paste0("lb_df=", lb$parameter),
             paste0("lb_statistic=", format(unname(lb$statistic), digits = 15)),
             paste0("lb_p=", format(lb$p.value, digits = 15))), "auto_arima_daily.txt")
