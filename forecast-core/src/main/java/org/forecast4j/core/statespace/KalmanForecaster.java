package org.forecast4j.core.statespace;

/**
 * Multi-step forecasts from the filtered state of an ARIMA model, as R's {@code KalmanForecast} (used by
 * {@code predict.Arima}): {@code a ← T a}, {@code P ← T P T' + R R'}, forecast {@code Z'a}, variance
 * {@code Z'PZ} (in units of the innovation variance σ&sup2;).
 */
public final class KalmanForecaster {

    private KalmanForecaster() {
    }

    /**
     * Forecasts {@code mean.length} steps.
     *
     * @param phi   expanded AR coefficients. Not modified.
     * @param theta expanded MA coefficients. Not modified.
     * @param delta differencing coefficients. Not modified.
     * @param a     filtered state at the end of the series, length rd. Not modified.
     * @param p     filtered covariance, row-major rd&times;rd. Not modified.
     * @param mean  point forecasts. Modified.
     * @param var   forecast variances divided by σ&sup2;. Modified.
     */
    public static void forecast(double[] phi, double[] theta, double[] delta, double[] a, double[] p, double[] mean,
                                double[] var) {
        int np = phi.length;
        int d = delta.length;
        int rd = a.length;
        int r = rd - d;
        double[] st = a.clone();
        double[] next = new double[rd];
        double[] pm = p.clone();
        double[] mm = new double[rd * rd];
        double[] pn = new double[rd * rd];
        for (int h = 0; h < mean.length; h++) {
            double a0 = st[0];
            for (int i = 0; i < r; i++) {
                double tmp = i < r - 1 ? st[i + 1] : 0.0;
                if (i < np) {
                    tmp += phi[i] * a0;
                }
                next[i] = tmp;
            }
            if (d > 0) {
                double tmp = a0;
                for (int k = 0; k < d; k++) {
                    tmp += delta[k] * st[r + k];
                }
                for (int i = rd - 1; i > r; i--) {
                    next[i] = st[i - 1];
                }
                next[r] = tmp;
            }
            System.arraycopy(next, 0, st, 0, rd);
            double fc = st[0];
            for (int k = 0; k < d; k++) {
                fc += delta[k] * st[r + k];
            }
            mean[h] = fc;
            KalmanLikelihood.predictCovariance(phi, theta, delta, r, rd, pm, mm, pn);
            System.arraycopy(pn, 0, pm, 0, rd * rd);
            // Z'PZ with Z = (1, 0, ..., 0, δ_1, ..., δ_d)
            double v = pm[0];
            for (int k = 0; k < d; k++) {
                v += 2 * delta[k] * pm[r + k];
                for (int j = 0; j < d; j++) {
                    v += delta[k] * delta[j] * pm[(r + k) * rd + r + j];
                }
            }
            var[h] = v;
        }
    }
}
