package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/** Invariants of ARIMA fits and forecasts (theory, not reference values). */
class ArimaPropertiesTest {

    private static double[] noise(long seed, int n, double scale, double level) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level + scale * r.nextGaussian();
        }
        return x;
    }

    private static double[] arima111(long seed, int n, double phi, double theta) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double u = 0;
        double e = 0;
        double level = 0;
        for (int i = 0; i < n; i++) {
            double en = r.nextGaussian();
            u = phi * u + en + theta * e;
            e = en;
            level += u;
            y[i] = level;
        }
        return y;
    }

    @Property(tries = 40)
    void forecast_pureMeanModel_equalsEstimatedMean(@ForAll long seed, @ForAll @DoubleRange(min = -1e3, max = 1e3) double level,
                                                    @ForAll @DoubleRange(min = 0.01, max = 100) double scale) {
        double[] x = noise(seed, 60, scale, level);
        FittedArima f = Arima.of(0, 0, 0).withMethod(ArimaMethod.ML).fit(TimeSeries.of(x));
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        // the ML estimate of the mean of white noise is the sample mean; the optimiser stops within ~1e-3 SE
        assertEquals(mean, f.mean(), 1e-2 * scale / Math.sqrt(x.length));
        Forecast fc = f.forecast(5, 80, 95);
        for (double m : fc.mean()) {
            assertEquals(f.mean(), m, 1e-12 * Math.max(1, Math.abs(m)));
        }
    }

    @Property(tries = 60)
    void forecast_intervalsWidenWithHorizonAndLevel(@ForAll long seed, @ForAll @DoubleRange(min = -0.9, max = 0.9) double phi,
                                                     @ForAll @DoubleRange(min = -0.9, max = 0.9) double theta,
                                                     @ForAll @IntRange(min = 0, max = 1) int d) {
        double[] y = arima111(seed, 80, phi, theta);
        Arima spec = Arima.of(1, d, 1).withMean(false).withFixed(phi, theta);
        Forecast fc = spec.fit(TimeSeries.of(y)).forecast(12, Level.of(50, 80, 95));
        double[] se = fc.standardErrors();
        for (int h = 1; h < se.length; h++) {
            assertTrue(se[h] >= se[h - 1] * (1 - 1e-12), "se must not shrink with the horizon");
        }
        for (int h = 0; h < se.length; h++) {
            assertTrue(fc.lower(95)[h] <= fc.lower(80)[h] && fc.lower(80)[h] <= fc.lower(50)[h]);
            assertTrue(fc.upper(95)[h] >= fc.upper(80)[h] && fc.upper(80)[h] >= fc.upper(50)[h]);
        }
    }

    @Property(tries = 60)
    void logLikelihood_scaledSeries_shiftsByLogJacobian(@ForAll long seed, @ForAll @DoubleRange(min = -0.9, max = 0.9) double phi,
                                                        @ForAll @DoubleRange(min = -0.9, max = 0.9) double theta,
                                                        @ForAll @DoubleRange(min = 0.01, max = 1e4) double c) {
        double[] y = arima111(seed, 100, phi, theta);
        double[] cy = y.clone();
        for (int i = 0; i < cy.length; i++) {
            cy[i] *= c;
        }
        Arima spec = Arima.of(1, 1, 1).withFixed(phi, theta);
        FittedArima a = spec.fit(TimeSeries.of(y));
        FittedArima b = spec.fit(TimeSeries.of(cy));
        // y -> c y multiplies the density by c^-n*: logL(cy) = logL(y) - n* log c
        assertEquals(a.logLikelihood() - a.nobs() * Math.log(c), b.logLikelihood(), 1e-7 * Math.abs(b.logLikelihood()) + 1e-7);
        assertEquals(a.sigma2() * c * c, b.sigma2(), 1e-9 * b.sigma2());
    }

    @Test
    void fit_seriesTimes1000_sameArmaCoefficients() {
        // conformance README: the fit must not depend on the scale of the data (USAccDeaths, values around 1e4)
        double[] v = ReferenceData.column("reference/conformance/rdatasets_USAccDeaths.csv", "y");
        double[] w = v.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1000;
        }
        Arima spec = Arima.of(0, 1, 1).withSeasonal(0, 1, 1, 12).withMethod(ArimaMethod.ML);
        Map<String, Double> a = spec.fit(TimeSeries.of(v)).coefficients();
        Map<String, Double> b = spec.fit(TimeSeries.of(w)).coefficients();
        for (String k : a.keySet()) {
            assertEquals(a.get(k), b.get(k), 1e-4, k);
        }
    }

    @Test
    void fit_driftModel_scaleInvariant() {
        double[] v = ReferenceData.column("reference/conformance/public_arima111_n200.csv", "y");
        double[] w = v.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1000;
        }
        Arima spec = Arima.of(1, 1, 1).withDrift(true).withMethod(ArimaMethod.ML);
        FittedArima a = spec.fit(TimeSeries.of(v));
        FittedArima b = spec.fit(TimeSeries.of(w));
        // the objective shifts by log(1000)/2 with the scale, so the relative stopping rule (reltol 1e-8, as R)
        // stops at slightly different points: agreement to the conformance tolerance 1e-3, not to rounding
        assertEquals(a.ar()[0], b.ar()[0], 1e-3);
        assertEquals(a.drift() * 1000, b.drift(), 1e-2 * Math.abs(b.drift()));
    }
}
