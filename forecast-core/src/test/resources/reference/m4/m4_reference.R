# Independent reference for forecast4j's Naive2 / M4Score (R 4.2.2, forecast 8.20).
# Re-implements the M4 competition's benchmark and scoring formulas (Mcompetitions/M4-methods,
# "Benchmarks and Evaluation.R": SeasonalityTest, Naive2 = naive(des_input)*SIout, smape_cal, mase_cal)
# on top of R's stats::acf, stats::decompose and forecast::naive.
# Usage (from this folder): Rscript m4_reference.R
# Writes naive2_forecasts.csv (id, seasonal, f1..fh) and m4_scores.csv (slice, model, smape, mase, owa).
suppressMessages(library(forecast))
rd <- function(f) { l <- readLines(f)[-1]; lapply(strsplit(l, ","), function(v) { v <- gsub('"', '', v)
  list(id = v[1], y = as.numeric(v[-1][v[-1] != ""])) }) }
seas_test <- function(x, ppy) {
  if (length(x) < 3 * ppy) return(FALSE)
  xacf <- acf(x, plot = FALSE)$acf[-1, 1, 1]
  clim <- 1.645 / sqrt(length(x)) * sqrt(cumsum(c(1, 2 * xacf^2)))
  r <- abs(xacf[ppy]) > clim[ppy]
  if (is.na(r)) FALSE else r
}
naive2 <- function(x, h) {
  ppy <- frequency(x)
  s <- if (ppy > 1) seas_test(x, ppy) else FALSE
  if (s) {
    dec <- decompose(x, type = "multiplicative")
    des <- x / dec$seasonal
    si <- head(rep(dec$seasonal[(length(dec$seasonal) - ppy + 1):length(dec$seasonal)], h), h)
  } else { des <- x; si <- rep(1, h) }
  list(seasonal = s, f = as.numeric(naive(des, h = h)$mean) * si)
}
snaive_m4 <- function(x, h) { m <- frequency(x); if (m > 1) head(rep(as.numeric(tail(x, m)), h), h) else rep(tail(x, 1), h) }
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
mase <- function(x, a, f) { m <- frequency(x); n <- length(x); mean(abs(a - f)) / mean(abs(x[(m + 1):n] - x[1:(n - m)])) }
fc_rows <- list(); score_rows <- list()
for (sl in list(list(name = "weekly", freq = 1, h = 13), list(name = "hourly", freq = 24, h = 48))) {
  tr <- rd(paste0(sl$name, "-train-slice.csv")); te <- rd(paste0(sl$name, "-test-slice.csv"))
  sc <- list(naive2 = c(0, 0), naive = c(0, 0), snaive = c(0, 0))
  for (i in seq_along(tr)) {
    x <- ts(tr[[i]]$y, frequency = sl$freq); a <- head(te[[i]]$y, sl$h)
    n2 <- naive2(x, sl$h)
    fc_rows[[length(fc_rows) + 1]] <- c(tr[[i]]$id, as.integer(n2$seasonal), sprintf("%.17g", n2$f))
    fs <- list(naive2 = n2$f, naive = rep(tail(tr[[i]]$y, 1), sl$h), snaive = snaive_m4(x, sl$h))
    for (m in names(fs)) sc[[m]] <- sc[[m]] + c(smape(a, fs[[m]]), mase(x, a, fs[[m]])) / length(tr)
  }
  for (m in names(sc)) score_rows[[length(score_rows) + 1]] <- data.frame(slice = sl$name, model = m,
    smape = sprintf("%.17g", sc[[m]][1]), mase = sprintf("%.17g", sc[[m]][2]),
    owa = sprintf("%.17g", 0.5 * (sc[[m]][1] / sc$naive2[1] + sc[[m]][2] / sc$naive2[2])))
}
w <- max(sapply(fc_rows, length))
fc <- do.call(rbind, lapply(fc_rows, function(r) c(r, rep("", w - length(r)))))
colnames(fc) <- c("id", "seasonal", paste0("f", seq_len(w - 2)))
write.csv(fc, "naive2_forecasts.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, score_rows), "m4_scores.csv", row.names = FALSE, quote = FALSE)
