package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Fits against R 4.2.2 {@code stats::arima} (script src/test/resources/reference/arima/fits.R): regression with ARIMA
 * errors, fixed coefficients, missing values, CSS; labels; bad input. Optimiser-level tolerances (1e-4 on the
 * log-likelihood, 1e-3 or 1% of a standard error on coefficients) because both sides stop at reltol 1e-8.
 */
class ArimaFitTest {

    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/fits.csv");

    private static void assertCoef(double[] expected, double[] actual, double[] se) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = Math.max(1e-3, se == null || i >= se.length ? 0 : 0.01 * se[i]);
            assertEquals(expected[i], actual[i], tol, "coefficient " + i);
        }
    }

    private static double[] values(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void fit_regressionWithArimaErrors_matchesR() {
        TimeSeries y = TimeSeries.of(REF.get("xr_y"));
        Regressors x = Regressors.of(List.of("promo", "price"), new double[][] {REF.get("xr_promo"), REF.get("xr_price")});
        FittedArima f = Arima.of(1, 0, 0).withMethod(ArimaMethod.ML).fit(y, x);
        assertEquals(List.of("ar1", "intercept", "promo", "price"), f.coefficientNames());
        assertCoef(REF.get("xr_coef"), values(f.coefficients()), REF.get("xr_se"));
        double[] st = REF.get("xr_stats");
        assertEquals(st[0], f.logLikelihood(), 1e-4);
        assertEquals(st[1], f.sigma2(), 1e-3 * st[1]);
        assertArrayEquals(REF.get("xr_se"), values(f.standardErrors()), 0.02 * 7.5);
        Regressors future = Regressors.of(List.of("promo", "price"),
                new double[][] {REF.get("xr_fpromo"), REF.get("xr_fprice")});
        Forecast fc = f.forecast(10, Level.of(95), future);
        double[] se = REF.get("xr_fc_se");
        double[] mean = REF.get("xr_fc_mean");
        for (int i = 0; i < 10; i++) {
            assertEquals(mean[i], fc.mean()[i], 1e-2 * se[i], "mean " + i);
            assertEquals(se[i], fc.standardErrors()[i], 1e-3 * se[i], "se " + i);
        }
        assertEquals("Regression with ARIMA(1,0,0) errors", f.toString());
    }

    @Test
    void forecast_regressionModelWithoutFutureValues_throwsNamingRegressors() {
        TimeSeries y = TimeSeries.of(REF.get("xr_y"));
        Regressors x = Regressors.of(List.of("promo", "price"), new double[][] {REF.get("xr_promo"), REF.get("xr_price")});
        FittedArima f = Arima.of(1, 0, 0).withMethod(ArimaMethod.CSS).fit(y, x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.forecast(5, 80));
        assertTrue(e.getMessage().contains("promo"), e.getMessage());
        Regressors shortFuture = Regressors.of(List.of("promo", "price"), new double[][] {{1, 0}, {10, 10}});
        e = assertThrows(IllegalArgumentException.class, () -> f.forecast(5, Level.of(80), shortFuture));
        assertTrue(e.getMessage().contains("2 rows"), e.getMessage());
    }

    @Test
    void fit_fixedCoefficient_matchesR() {
        TimeSeries y = TimeSeries.of(REF.get("fx_y"));
        FittedArima f = Arima.of(2, 0, 1).withFixed(Double.NaN, 0.1, Double.NaN, Double.NaN).withTransformPars(false)
                .withMethod(ArimaMethod.ML).fit(y);
        assertCoef(REF.get("fx_coef"), values(f.coefficients()), null);
        assertEquals(REF.get("fx_stats")[0], f.logLikelihood(), 1e-4);
        assertEquals(3, f.standardErrors().size());
        assertArrayEquals(REF.get("fx_se"), values(f.standardErrors()), 0.02 * 0.2);
        assertEquals(0.1, f.ar()[1], 0.0);
    }

    @Test
    void fit_missingValues_usesMlAndMatchesR() {
        TimeSeries y = TimeSeries.of(REF.get("na_y"));
        FittedArima f = Arima.of(1, 1, 1).fit(y);
        assertEquals(ArimaMethod.ML, f.method());
        assertCoef(REF.get("na_coef"), values(f.coefficients()), null);
        assertEquals(REF.get("na_stats")[0], f.logLikelihood(), 1e-4);
        assertEquals(195 - 1, f.nobs());
        Forecast fc = f.forecast(10, 80);
        double[] se = REF.get("na_fc_se");
        for (int i = 0; i < 10; i++) {
            assertEquals(REF.get("na_fc_mean")[i], fc.mean()[i], 1e-2 * se[i]);
            assertEquals(se[i], fc.standardErrors()[i], 1e-3 * se[i]);
        }
        assertTrue(Double.isNaN(f.residuals()[20]));
    }

    @Test
    void fit_cssSeasonal_matchesR() {
        double[] lx = ReferenceData.column("reference/conformance/rdatasets_AirPassengers.csv", "y");
        for (int i = 0; i < lx.length; i++) {
            lx[i] = Math.log(lx[i]);
        }
        TimeSeries y = TimeSeries.builder(lx).period(12).build();
        FittedArima f = Arima.of(1, 1, 0).withSeasonal(1, 1, 0).withMethod(ArimaMethod.CSS).fit(y);
        assertCoef(REF.get("css_coef"), values(f.coefficients()), null);
        assertEquals(REF.get("css_stats")[0], f.logLikelihood(), 1e-4);
        assertEquals(REF.get("css_stats")[1], f.sigma2(), 1e-3 * REF.get("css_stats")[1]);
        assertTrue(Double.isNaN(f.aic()));
        double[] r = f.residuals();
        double[] tail = REF.get("css_resid_tail");
        for (int i = 0; i < 5; i++) {
            assertEquals(tail[i], r[r.length - 5 + i], 1e-3);
        }
    }

    @Test
    void toString_variants_matchRLabels() {
        double[] v = REF.get("fx_y");
        TimeSeries y = TimeSeries.builder(v).period(7).build();
        assertEquals("ARIMA(1,0,0) with non-zero mean", Arima.of(1, 0, 0).withMethod(ArimaMethod.CSS).fit(y).toString());
        assertEquals("ARIMA(1,0,0) with zero mean",
                Arima.of(1, 0, 0).withMean(false).withMethod(ArimaMethod.CSS).fit(y).toString());
        assertEquals("ARIMA(0,1,1)(0,1,1)[7]",
                Arima.of(0, 1, 1).withSeasonal(0, 1, 1).withMethod(ArimaMethod.CSS).fit(y).toString());
        assertEquals("ARIMA(1,1,1)(0,0,1)[7] with drift",
                Arima.of(1, 1, 1).withSeasonal(0, 0, 1).withDrift(true).withMethod(ArimaMethod.CSS).fit(y).toString());
        FittedArima f = Forecasters.arima(1, 0, 0).fit(y);
        assertTrue(f.summary().contains("ar1") && f.summary().contains("AICc"), f.summary());
    }

    @Test
    void fit_badInput_throwsClearMessages() {
        TimeSeries y = TimeSeries.of(1, 2, 3, 4, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arima.of(-1, 0, 0));
        assertTrue(e.getMessage().contains("p must be in [0, 100], got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(3, 1, 2).fit(y));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        TimeSeries gap = TimeSeries.of(REF.get("na_y"));
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(1, 1, 0).withMethod(ArimaMethod.CSS).fit(gap));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        TimeSeries z = TimeSeries.of(REF.get("fx_y"));
        double[] ones = new double[z.length()];
        java.util.Arrays.fill(ones, 1.0);
        Regressors constant = Regressors.of(List.of("const"), new double[][] {ones});
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(0, 1, 1).fit(z, constant));
        assertTrue(e.getMessage().contains("'const' is constant after differencing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Arima.of(1, 0, 0).withFixed(1.2, Double.NaN).fit(z));
        assertTrue(e.getMessage().contains("not stationary"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(1, 0, 0).withFixed(0.5).fit(z));
        assertTrue(e.getMessage().contains("fixed has length 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(0, 0, 0).withSeasonal(1, 0, 0).fit(z));
        assertTrue(e.getMessage().contains("seasonal period must be >= 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(0, 0, 0).withSeasonal(0, 0, 1, 365).fit(z));
        assertTrue(e.getMessage().contains("must be <= 350"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArimaMethod.parse("bogus"));
        assertTrue(e.getMessage().contains("'bogus'"));
    }

    @Test
    void fit_constantSeries_throwsModelFitException() {
        double[] c = new double[50];
        java.util.Arrays.fill(c, 3.0);
        assertThrows(org.forecast4j.core.ModelFitException.class,
                () -> Arima.of(1, 0, 0).withMethod(ArimaMethod.ML).fit(TimeSeries.of(c)));
    }

    @Test
    void fit_driftWithTwoDifferences_isDroppedWithWarning() {
        TimeSeries y = TimeSeries.of(REF.get("na_y")).withValues(cumsum(REF.get("fx_y"))).build();
        FittedArima f = Arima.of(0, 2, 1).withDrift(true).withMethod(ArimaMethod.ML).fit(y);
        assertFalse(f.coefficients().containsKey("drift"));
        assertTrue(f.warnings().get(0).contains("no drift"));
        assertTrue(f.converged());
    }

    private static double[] cumsum(double[] v) {
        double[] c = v.clone();
        for (int i = 1; i < c.length; i++) {
            c[i] += c[i - 1];
        }
        return c;
    }

    @Test
    void fit_edgeCases_clearOutcomes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arima.of(0, 0, 0).fit(TimeSeries.of(new double[0])));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        // n = p + 1 observations: one usable innovation for p + 1 coefficients
        e = assertThrows(IllegalArgumentException.class, () -> Arima.of(2, 0, 0).fit(TimeSeries.of(1, 3, 2)));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        assertThrows(org.forecast4j.core.ModelFitException.class,
                () -> Arima.of(1, 1, 0).fit(TimeSeries.of(new double[30])));
        e = assertThrows(IllegalArgumentException.class,
                () -> Arima.of(1, 0, 0).fit(TimeSeries.of(Double.NaN, Double.NaN)));
        assertTrue(e.getMessage().contains("no non-missing"), e.getMessage());
    }
}
