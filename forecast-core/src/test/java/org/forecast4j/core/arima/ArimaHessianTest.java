package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Standard errors from the numerical Hessian, which follows R's {@code optimhess} (central differences of the
 * central-difference gradient, ndeps = 1e-3). Reference: R 4.2.2 {@code stats::arima(method = "CSS")}, script
 * src/test/resources/reference/arima/hessian.R. The case is ARIMA(1,1,2)(0,0,2)[7] on the timing-set series
 * ecom_001, a candidate that {@code forecast::auto.arima} accepts: with a second-difference stencil of step ndeps
 * its Hessian was not positive definite, the standard errors were NaN and auto-ARIMA rejected the candidate.
 */
class ArimaHessianTest {

    private static final String DIR = "reference/arima/";

    @Test
    void css_ecom001Sarima_standardErrorsDefinedAndMatchR() {
        double[] y = ReferenceData.column(DIR + "hessian_ecom_001.csv", "y");
        double[] coefR = ReferenceData.column(DIR + "hessian.csv", "coef");
        double[] seR = ReferenceData.column(DIR + "hessian.csv", "se");
        FittedArima fit = Arima.of(1, 1, 2).withSeasonal(0, 0, 2, 7).withMethod(ArimaMethod.CSS)
                .fit(TimeSeries.of(y).withPeriod(7));
        List<String> names = List.of("ar1", "ma1", "ma2", "sma1", "sma2");
        Map<String, Double> coef = fit.coefficients();
        Map<String, Double> se = fit.standardErrors();
        assertEquals(names, fit.coefficientNames());
        for (int i = 0; i < names.size(); i++) {
            String k = names.get(i);
            // both optimisers stop at reltol 1e-8: coefficients agree to a small fraction of a standard error
            assertEquals(coefR[i], coef.get(k), Math.max(1e-3, 0.01 * seR[i]), "coefficient " + k);
            double s = se.get(k);
            assertTrue(Double.isFinite(s), "se(" + k + ") is " + s);
            // same stencil as R's optimhess; 2% for the slightly different optimum
            assertEquals(seR[i], s, 0.02 * seR[i], "se(" + k + ")");
        }
        assertFalse(fit.warnings().stream().anyMatch(w -> w.contains("Hessian")), fit.warnings().toString());
    }

    /**
     * The estimator defers the Hessian and, for CSS fits, the final Kalman pass to their first use; both reuse the
     * fit's workspaces. Whatever is asked first, and from however many threads at once, the answers are the same
     * (compared bit for bit across two identical fits used in opposite orders).
     */
    @Test
    void deferredParts_anyOrderAndConcurrentUse_identicalResults() throws Exception {
        double[] y = ReferenceData.column(DIR + "hessian_ecom_001.csv", "y");
        TimeSeries x = TimeSeries.of(y).withPeriod(7);
        for (ArimaMethod method : ArimaMethod.values()) {
            Arima spec = Arima.of(1, 1, 2).withSeasonal(0, 0, 2, 7).withMethod(method).withDrift(true);
            FittedArima a = spec.fit(x);
            FittedArima b = spec.fit(x);
            Map<String, Double> seA = a.standardErrors();
            Forecast fa = a.forecast(14, Level.of(80));
            Forecast fb = b.forecast(14, Level.of(80));
            Map<String, Double> seB = b.standardErrors();
            assertEquals(seA, seB, method.toString());
            assertArrayEquals(fa.mean(), fb.mean(), 0.0, method.toString());
            assertArrayEquals(fa.upper(80), fb.upper(80), 0.0, method.toString());
            FittedArima c = spec.fit(x);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Object>> jobs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int k = i;
                    jobs.add(pool.submit(() -> k % 2 == 0 ? c.standardErrors() : c.forecast(14, List.of()).mean()));
                }
                for (int i = 0; i < 8; i++) {
                    Object r = jobs.get(i).get();
                    if (i % 2 == 0) {
                        assertEquals(seA, r, method + " thread " + i);
                    } else {
                        assertArrayEquals(fa.mean(), (double[]) r, 0.0, method + " thread " + i);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
