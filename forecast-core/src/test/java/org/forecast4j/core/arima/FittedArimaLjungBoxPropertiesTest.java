package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.stats.BoxTest;

/** Invariants of {@link FittedArima#ljungBox(int)}. */
class FittedArimaLjungBoxPropertiesTest {

    private static double[] ar1(double phi, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        double prev = 0;
        for (int i = 0; i < n; i++) {
            // Box-Muller normal innovations
            double e = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            prev = phi * prev + e;
            y[i] = prev;
        }
        return y;
    }

    @Property(tries = 25)
    void ljungBox_anyAr1Fit_hasModelDegreesOfFreedomAndValidRanges(@ForAll @DoubleRange(min = -0.8, max = 0.8)
            double phi, @ForAll @IntRange(min = 60, max = 200) int n, @ForAll long seed,
            @ForAll @IntRange(min = 3, max = 20) int lag) {
        FittedArima m = Arima.of(1, 1, 1).withMethod(ArimaMethod.CSS).fit(TimeSeries.of(ar1(phi, n, seed)));
        BoxTest.Result r = m.ljungBox(lag);
        // chi-square degrees of freedom: lag minus p + q (R's fitdf); n' = n - d residuals are used
        assertEquals(lag - 2, r.df());
        assertEquals(n - 1, r.n());
        assertTrue(r.statistic() >= 0 && r.pValue() >= 0 && r.pValue() <= 1, r.toString());
    }

    @Property(tries = 15)
    void ljungBox_scaledSeries_sameTest(@ForAll @DoubleRange(min = -0.8, max = 0.8) double phi,
                                        @ForAll long seed) {
        // autocorrelations are scale-free and the fit is scale-equivariant (residuals scale with y), so the test of
        // 1000 y equals that of y up to where the optimiser stops: its relative tolerance leaves coefficient
        // differences of ~1e-5, which move the statistic by a few 1e-5 relative (observed 3e-5); 1e-3 bounds that
        double[] y = ar1(phi, 120, seed);
        double[] big = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            big[i] = 1000 * y[i];
        }
        BoxTest.Result a = Arima.of(1, 0, 0).withMethod(ArimaMethod.CSS).fit(TimeSeries.of(y)).ljungBox(10);
        BoxTest.Result b = Arima.of(1, 0, 0).withMethod(ArimaMethod.CSS).fit(TimeSeries.of(big)).ljungBox(10);
        assertEquals(a.statistic(), b.statistic(), 1e-3 * Math.max(1, a.statistic()));
    }
}
