package org.forecast4j.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Fourier terms for a seasonal period {@code P} (integer or not, e.g. 365.25 days or 52.18 weeks):
 * {@code S_k(t) = sin(2π k t / P)} and {@code C_k(t) = cos(2π k t / P)} for {@code k = 1..K}, with
 * {@code t = step + 1} (the first observation is t = 1, as in R's {@code forecast::fourier}), so that the
 * columns equal R's for the same series and continue seamlessly over the horizon. As in R, a sine column that
 * is identically zero ({@code 2k/P} an integer, e.g. k = 2 for P = 4) is omitted, and columns are named
 * {@code S1-7}, {@code C1-7}, … with the period rounded. Reference: Hyndman &amp; Athanasopoulos, Forecasting:
 * Principles and Practice (3rd ed.), section 12.1 (dynamic harmonic regression). Immutable.
 *
 * @since 0.1.0
 */
public final class FourierTerms implements Feature {

    private static final double ZERO_SINE_EPS = 1e-12;

    private final double period;
    private final int k;
    private final boolean[] hasSine;
    private final List<String> names;

    /**
     * Terms for one period.
     *
     * @param period seasonal period in steps, &gt; 1 (non-integer allowed)
     * @param k      number of sine/cosine pairs, 1 &le; K &le; P/2
     * @throws IllegalArgumentException if the period is not finite and &gt; 1, or K is out of range
     */
    public FourierTerms(double period, int k) {
        Checks.requireArgument(Double.isFinite(period) && period > 1, "period must be finite and > 1, got %s", period);
        Checks.requireArgument(k >= 1 && 2 * k <= period, "K must be in [1, period/2 = %s], got %d", period / 2, k);
        this.period = period;
        this.k = k;
        this.hasSine = new boolean[k];
        List<String> n = new ArrayList<>();
        long label = Math.round(period);
        for (int j = 1; j <= k; j++) {
            double twoP = 2.0 * j / period;
            hasSine[j - 1] = Math.abs(twoP - Math.rint(twoP)) > ZERO_SINE_EPS;
            if (hasSine[j - 1]) {
                n.add("S" + j + "-" + label);
            }
            n.add("C" + j + "-" + label);
        }
        this.names = Collections.unmodifiableList(n);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void fill(TimeSeries series, long from, int rows, double[] out, int stride, int offset) {
        for (int r = 0; r < rows; r++) {
            double t = from + r + 1;
            int c = r * stride + offset;
            for (int j = 1; j <= k; j++) {
                // x = 2 j t / P in half-turns; reduce modulo 2 before multiplying by π to keep precision for large t
                double x = (2.0 * j * t / period) % 2.0;
                if (hasSine[j - 1]) {
                    out[c++] = Math.sin(Math.PI * x);
                }
                out[c++] = Math.cos(Math.PI * x);
            }
        }
    }

    /**
     * Returns the period.
     *
     * @return P
     */
    public double period() {
        return period;
    }

    /**
     * Returns the number of pairs.
     *
     * @return K
     */
    public int pairs() {
        return k;
    }
}
