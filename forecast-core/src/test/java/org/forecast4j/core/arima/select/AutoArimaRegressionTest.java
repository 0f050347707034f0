package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Regressors;
import org.junit.jupiter.api.Test;

/**
 * The regression step of auto-ARIMA with regressors ({@link AutoArimaRegression}) and the regressor checks of
 * {@link AutoArima#fit(TimeSeries, Regressors)} and {@link AutoArimaModel#forecast(int, List, Regressors)}. Expected
 * values from the OLS normal equations solved by hand; the R reference of the whole search is
 * {@code AutoArimaBoxCoxXregTest}.
 */
class AutoArimaRegressionTest {

    private static double[] walk(long seed, int n) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double level = 50;
        for (int i = 0; i < n; i++) {
            level += r.nextGaussian();
            y[i] = level;
        }
        return y;
    }

    private static double[] dummy(int n, int every) {
        double[] d = new double[n];
        for (int i = 0; i < n; i += every) {
            d[i] = 1;
        }
        return d;
    }

    @Test
    void of_singleDummy_residualsAreDeviationsFromGroupMeans() {
        // x ~ 1 + dummy: the OLS fit is the mean of each group, so the residuals are deviations from them
        double[] x = {1, 2, 3, 10, 4, 12};
        double[] d = {0, 0, 0, 1, 0, 1};
        double[] r = AutoArimaRegression.of(x, Regressors.of(List.of("promo"), new double[][] {d})).residuals();
        assertArrayEquals(new double[] {-1.5, -0.5, 0.5, -1, 1.5, 1}, r, 1e-12);
    }

    @Test
    void of_missingValues_keepSeriesValuesOutsideCompleteRows() {
        // R: xx[j] <- residuals(lm(x ~ xregg)) only on rows j where x and every regressor are observed
        double[] x = {1, Double.NaN, 3, 10, 4, 12};
        double[] d = {0, 0, Double.NaN, 1, 0, 1};
        double[] r = AutoArimaRegression.of(x, Regressors.of(List.of("promo"), new double[][] {d})).residuals();
        assertTrue(Double.isNaN(r[1]));
        assertEquals(3, r[2], 0.0);
        // fitted on rows 0, 3, 4, 5: group means 2.5 (promo 0) and 11 (promo 1)
        assertArrayEquals(new double[] {-1.5, -1, 1.5, 1}, new double[] {r[0], r[3], r[4], r[5]}, 1e-12);
    }

    @Test
    void of_constantRegressor_throwsNamingIt() {
        double[] x = walk(1, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoArimaRegression.of(x,
                Regressors.of(List.of("a", "promo"), new double[][] {dummy(30, 3), new double[30]})));
        assertTrue(e.getMessage().contains("'promo' is constant"), e.getMessage());
    }

    @Test
    void of_rankDeficient_throwsNamingFirstDependentColumn() {
        double[] a = dummy(30, 3);
        double[] b = dummy(30, 5);
        double[] c = new double[30];
        for (int i = 0; i < 30; i++) {
            c[i] = 2 * a[i] - b[i] + 1;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoArimaRegression.of(
                walk(2, 30), Regressors.of(List.of("a", "b", "combo"), new double[][] {a, b, c})));
        assertTrue(e.getMessage().contains("'combo' is a linear combination"), e.getMessage());
        assertTrue(e.getMessage().contains("rank deficient"), e.getMessage());
    }

    @Test
    void constantAfterDifferencing_trendRegressor_detected() {
        double[] t = new double[20];
        for (int i = 0; i < 20; i++) {
            t[i] = i;
        }
        AutoArimaRegression r = AutoArimaRegression.of(walk(3, 20), Regressors.of(List.of("trend"),
                new double[][] {t}));
        assertFalse(r.constantAfterDifferencing(4, 0, 1, 0));
        // a linear trend is constant after one difference: R reduces d by one
        assertTrue(r.constantAfterDifferencing(4, 0, 1, 1));
        assertTrue(r.constantAfterDifferencing(4, 1, 1, 0));
    }

    @Test
    void fit_withRegressors_forecastNeedsFutureValuesOfRightShape() {
        int n = 80;
        double[] promo = dummy(n, 9);
        double[] y = walk(4, n);
        for (int i = 0; i < n; i++) {
            y[i] += 8 * promo[i];
        }
        Regressors x = Regressors.of(List.of("promo"), new double[][] {promo});
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(y), x);
        assertEquals(List.of("promo"), m.regressors());
        assertTrue(m.arima().orElseThrow().coefficients().containsKey("promo"));
        assertEquals(8, m.arima().orElseThrow().coefficients().get("promo"), 1.0);
        assertTrue(m.description().startsWith("Regression with ARIMA"), m.description());
        List<Level> lv = Level.of(80);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> m.forecast(3, lv));
        assertTrue(none.getMessage().contains("needs their 3 future values"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forecast(3, lv,
                Regressors.of(List.of("promo"), new double[][] {{0, 1}})));
        assertThrows(IllegalArgumentException.class, () -> m.forecast(2, lv,
                Regressors.of(List.of("price"), new double[][] {{0, 1}})));
        Forecast on = m.forecast(2, lv, Regressors.of(List.of("promo"), new double[][] {{1, 1}}));
        Forecast off = m.forecast(2, lv, Regressors.of(List.of("promo"), new double[][] {{0, 0}}));
        double beta = m.arima().orElseThrow().coefficients().get("promo");
        assertEquals(beta, on.mean()[0] - off.mean()[0], 1e-9);
    }

    @Test
    void fit_regressorsOfWrongLength_throw() {
        Regressors x = Regressors.of(List.of("promo"), new double[][] {dummy(10, 2)});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AutoArima.builder().build().fit(TimeSeries.of(walk(5, 12)), x));
        assertTrue(e.getMessage().contains("10 rows"), e.getMessage());
    }

    @Test
    void fit_constantSeriesWithRegressors_meanModelStillChecksFutureRegressors() {
        double[] y = new double[20];
        java.util.Arrays.fill(y, 3);
        Regressors x = Regressors.of(List.of("promo"), new double[][] {dummy(20, 4)});
        AutoArimaModel m = AutoArima.builder().lambda(0).build().fit(TimeSeries.of(y), x);
        // R models a constant series untransformed and without the regressors
        assertTrue(m.lambda().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> m.forecast(2, Level.of(80)));
        Forecast f = m.forecast(2, Level.of(80), Regressors.of(List.of("promo"), new double[][] {{1, 0}}));
        assertArrayEquals(new double[] {3, 3}, f.mean(), 1e-12);
    }
}
