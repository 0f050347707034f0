package org.forecast4j.core.arima;

import java.util.Locale;
import org.forecast4j.core.Checks;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.linalg.LevinsonDurbin;

/**
 * Autoregressive models fitted by Yule&ndash;Walker, as R's {@code ar.yw}: the series is demeaned, its sample
 * autocovariances {@code γ_k = (1/n) Σ (x_t - x̄)(x_(t+k) - x̄)} are computed up to {@code order.max}, the
 * Levinson&ndash;Durbin recursion gives every order at once, and the order minimises
 * {@code AIC_k = n log v_k + 2k + 2} (or is fixed). The innovation variance is R's
 * {@code v_k n / (n - (k + 1))}. Yule&ndash;Walker estimates are always stationary, which makes them good
 * starting values too.
 *
 * <pre>{@code
 * YuleWalker.Result ar = YuleWalker.fit(x, -1, true);   // order by AIC up to min(n-1, 10 log10 n)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class YuleWalker {

    private YuleWalker() {
    }

    /**
     * Fits an AR model.
     *
     * @param x        the series, finite, length &ge; 2. Not modified.
     * @param orderMax largest order, or -1 for R's default {@code min(n - 1, floor(10 log10 n))}
     * @param aic      choose the order by AIC (true) or use {@code orderMax} (false)
     * @return the fit
     * @throws IllegalArgumentException if x has non-finite values, is too short, or orderMax is out of range
     * @throws ModelFitException         if the series is constant
     */
    public static Result fit(double[] x, int orderMax, boolean aic) {
        Checks.requireFinite(x, "x");
        int n = x.length;
        Checks.requireArgument(n >= 2, "Yule-Walker needs at least 2 observations, got %d", n);
        int m = orderMax < 0 ? Math.min(n - 1, (int) Math.floor(10 * Math.log10(n))) : orderMax;
        Checks.requireArgument(m >= 0 && m < n, "orderMax must be in [0, %d], got %d", n - 1, orderMax);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] acov = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            double s = 0;
            for (int t = 0; t + k < n; t++) {
                s += (x[t] - mean) * (x[t + k] - mean);
            }
            acov[k] = s / n;
        }
        if (!(acov[0] > 0)) {
            throw new ModelFitException("Yule-Walker: the series is constant (zero variance)");
        }
        double[][] coefs = new double[m][];
        for (int k = 0; k < m; k++) {
            coefs[k] = new double[k + 1];
        }
        double[] vars = new double[m + 1];
        if (!LevinsonDurbin.solve(acov, coefs, vars)) {
            throw new ModelFitException("Yule-Walker: the autocovariance matrix is singular up to order " + m);
        }
        double[] ic = new double[m + 1];
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= m; k++) {
            ic[k] = n * Math.log(vars[k]) + 2 * k + 2;
            best = Math.min(best, ic[k]);
        }
        int order = m;
        if (aic) {
            for (int k = 0; k <= m; k++) {
                if (ic[k] == best) {
                    order = k;
                    break;
                }
            }
        }
        for (int k = 0; k <= m; k++) {
            ic[k] -= best;
        }
        double[] pacf = new double[m];
        for (int k = 0; k < m; k++) {
            pacf[k] = coefs[k][k];
        }
        double[] ar = order == 0 ? new double[0] : coefs[order - 1].clone();
        double varPred = vars[order] * n / (n - (order + 1.0));
        return new Result(order, ar, varPred, mean, pacf, ic);
    }

    /** An AR fit: order, coefficients, innovation variance, mean, partial autocorrelations, relative AICs. */
    public static final class Result {
        private final int order;
        private final double[] ar;
        private final double varPred;
        private final double mean;
        private final double[] partialAcf;
        private final double[] aic;

        Result(int order, double[] ar, double varPred, double mean, double[] partialAcf, double[] aic) {
            this.order = order;
            this.ar = ar;
            this.varPred = varPred;
            this.mean = mean;
            this.partialAcf = partialAcf;
            this.aic = aic;
        }

        /**
         * The chosen order.
         *
         * @return p
         */
        public int order() {
            return order;
        }

        /**
         * AR coefficients.
         *
         * @return a copy, length p
         */
        public double[] ar() {
            return ar.clone();
        }

        /**
         * Innovation variance (R's {@code var.pred}).
         *
         * @return variance
         */
        public double varPred() {
            return varPred;
        }

        /**
         * Sample mean that was removed.
         *
         * @return mean
         */
        public double mean() {
            return mean;
        }

        /**
         * Partial autocorrelations, lags 1..orderMax.
         *
         * @return a copy
         */
        public double[] partialAcf() {
            return partialAcf.clone();
        }

        /**
         * AIC of orders 0..orderMax minus the smallest (R's {@code ar()$aic}).
         *
         * @return a copy
         */
        public double[] aic() {
            return aic.clone();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "AR(%d) Yule-Walker, sigma^2 %.6g", order, varPred);
        }
    }
}
