package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * The regression-capable forecaster interface, used only through its types (as the panel and Spark paths use it):
 * {@link Arima} through {@link XregForecaster} and {@link XregModel} forecasts R 4.2.2's regression with ARIMA
 * errors (script src/test/resources/reference/arima/fits.R, the same reference as {@code ArimaFitTest}; tolerance
 * 1% of the forecast standard error, as there, because both optimisers stop at reltol 1e-8).
 */
class XregForecasterTest {

    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/fits.csv");

    @Test
    void fitAndForecast_throughTheInterface_matchR() {
        XregForecaster f = Arima.of(1, 0, 0).withMethod(ArimaMethod.ML);
        Regressors x = Regressors.of(List.of("promo", "price"), new double[][] {REF.get("xr_promo"),
                REF.get("xr_price")});
        XregModel m = f.fit(TimeSeries.of(REF.get("xr_y")), x);
        Forecast fc = m.forecast(10, Level.of(95), Regressors.of(List.of("promo", "price"),
                new double[][] {REF.get("xr_fpromo"), REF.get("xr_fprice")}));
        double[] se = REF.get("xr_fc_se");
        double[] mean = REF.get("xr_fc_mean");
        for (int i = 0; i < 10; i++) {
            assertEquals(mean[i], fc.mean()[i], 1e-2 * se[i], "mean " + i);
        }
        assertEquals("Regression with ARIMA(1,0,0) errors", m.description());
        // the plain FittedModel path cannot forecast a model with regressors: it says what is missing
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forecast(10, 95));
        assertTrue(e.getMessage().contains("[promo, price]"), e.getMessage());
    }

    /** auto-ARIMA is a regression-capable forecaster too: the interface path gives exactly its direct fit. */
    @Test
    void autoArima_throughTheInterface_equalsDirectFit() {
        Regressors x = Regressors.of(List.of("promo", "price"), new double[][] {REF.get("xr_promo"),
                REF.get("xr_price")});
        Regressors future = Regressors.of(List.of("promo", "price"),
                new double[][] {REF.get("xr_fpromo"), REF.get("xr_fprice")});
        TimeSeries y = TimeSeries.of(REF.get("xr_y"));
        XregForecaster f = AutoArima.builder().build();
        Forecast viaInterface = f.fit(y, x).forecast(10, Level.of(95), future);
        Forecast direct = AutoArima.builder().build().fit(y, x).forecast(10, Level.of(95), future);
        assertArrayEquals(direct.mean(), viaInterface.mean(), 0.0);
        assertArrayEquals(direct.upper(95), viaInterface.upper(95), 0.0);
    }
}
