package org.forecast4j.core.arima;

import java.util.ArrayList;
import java.util.List;
import org.forecast4j.core.Checks;

/**
 * Fourier terms as regressors for long or non-integer seasonal periods (R's {@code forecast::fourier}): for each
 * period {@code m} and {@code k = 1..K}, the columns {@code S<k>-<m> = sin(2π k t / m)} and
 * {@code C<k>-<m> = cos(2π k t / m)}, {@code t = 1..n} for the history and {@code n+1..n+h} for the future; the sine
 * column is dropped where it vanishes ({@code 2k/m} an integer) and duplicated frequencies of several periods are
 * kept once. Several periods model multiple seasonalities (hourly data with daily and weekly cycles, daily data
 * with a yearly cycle of 365.25 days) without seasonal lags of 168 or 365.
 *
 * <pre>{@code
 * Regressors x = Fourier.terms(series.length(), new double[] {7, 365.25}, new int[] {3, 10});
 * FittedArima m = Arima.of(1, 1, 1).fit(series, x);
 * m.forecast(28, Level.of(80, 95), Fourier.future(series.length(), 28, new double[] {7, 365.25}, new int[] {3, 10}));
 * }</pre>
 *
 * <p>Reference: R. J. Hyndman, forecast package, {@code fourier()}; Hyndman &amp; Athanasopoulos, Forecasting:
 * Principles and Practice, section on dynamic harmonic regression.
 *
 * @since 0.1.0
 */
public final class Fourier {

    private Fourier() {
    }

    /**
     * Terms for the history, {@code t = 1..n}.
     *
     * @param n       number of observations, &gt; 0
     * @param periods seasonal periods, each &gt; 1 (may be non-integer). Not modified.
     * @param k       number of sine/cosine pairs per period, each &ge; 1 and &le; period / 2. Not modified.
     * @return the regressors
     * @throws IllegalArgumentException on invalid periods or orders
     */
    public static Regressors terms(int n, double[] periods, int[] k) {
        Checks.requirePositive(n, "n");
        return build(1, n, periods, k);
    }

    /**
     * Terms for {@code h} future steps after {@code n} observations, {@code t = n+1..n+h}.
     *
     * @param n       length of the history
     * @param h       horizon, &gt; 0
     * @param periods seasonal periods. Not modified.
     * @param k       pairs per period. Not modified.
     * @return the regressors
     */
    public static Regressors future(int n, int h, double[] periods, int[] k) {
        Checks.requireNonNegative(n, "n");
        Checks.requirePositive(h, "h");
        return build(n + 1, h, periods, k);
    }

    private static Regressors build(int t0, int len, double[] periods, int[] k) {
        Checks.requireArgument(periods.length == k.length && periods.length > 0,
                "periods (%d) and k (%d) must be non-empty and of equal length", periods.length, k.length);
        List<Double> freqs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < periods.length; j++) {
            double m = periods[j];
            Checks.requireArgument(m > 1 && Double.isFinite(m), "period must be > 1, got %s", m);
            Checks.requireArgument(k[j] >= 1 && 2 * k[j] <= m, "k must be in [1, period/2 = %s] for period %s, got %d",
                    m / 2, m, k[j]);
            for (int i = 1; i <= k[j]; i++) {
                double f = i / m;
                if (!freqs.contains(f)) {
                    freqs.add(f);
                    labels.add(i + "-" + Math.round(m));
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (int j = 0; j < freqs.size(); j++) {
            double f = freqs.get(j);
            boolean hasSine = Math.abs(2 * f - Math.rint(2 * f)) > Math.ulp(1.0);
            if (hasSine) {
                double[] s = new double[len];
                for (int t = 0; t < len; t++) {
                    s[t] = Math.sin(2 * Math.PI * f * (t0 + t));
                }
                names.add("S" + labels.get(j));
                cols.add(s);
            }
            double[] c = new double[len];
            for (int t = 0; t < len; t++) {
                c[t] = Math.cos(2 * Math.PI * f * (t0 + t));
            }
            names.add("C" + labels.get(j));
            cols.add(c);
        }
        return Regressors.of(names, cols.toArray(new double[0][]));
    }
}
