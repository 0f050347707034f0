# Reference Fourier terms from R forecast::fourier (R 4.2.2, forecast 8.20).
# Run: Rscript fourier_terms.R   -> fourier_terms.csv (long format: case,part,row,column,value)
library(forecast)
out <- NULL
add <- function(case, part, X) {
  for (j in seq_len(ncol(X))) {
    out <<- rbind(out, data.frame(case = case, part = part, row = seq_len(nrow(X)) - 1,
                                  column = colnames(X)[j], value = sprintf("%.17g", X[, j])))
  }
}
x7 <- ts(rep(1, 30), frequency = 7)
add("p7k3", "in", fourier(x7, K = 3))
add("p7k3", "future", fourier(x7, K = 3, h = 10))
x4 <- ts(rep(1, 12), frequency = 4)
add("p4k2", "in", fourier(x4, K = 2))
x365 <- ts(rep(1, 400), frequency = 365.25)
add("p365.25k2", "in", fourier(x365, K = 2))
add("p365.25k2", "future", fourier(x365, K = 2, h = 30))
write.csv(out, "fourier_terms.csv", row.names = FALSE, quote = FALSE)
