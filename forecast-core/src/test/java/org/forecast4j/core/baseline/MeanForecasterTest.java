package org.forecast4j.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class MeanForecasterTest {

    @Test
    void forecast_isSampleMeanWithTInterval() {
        // y = 1..5: mean 3, s = sqrt(2.5); 95% half-width = qt(0.975, 4) * s * sqrt(1 + 1/5),
        // qt(0.975, 4) = 2.7764451051977934 (R 4.2.2)
        Forecast f = Forecasters.mean().fit(TimeSeries.of(1, 2, 3, 4, 5)).forecast(2, 95);
        assertArrayEquals(new double[] {3, 3}, f.mean());
        double w = 2.7764451051977934 * Math.sqrt(2.5) * Math.sqrt(1.2);
        assertEquals(3 + w, f.upper(95)[1], 1e-12);
        assertEquals(3 - w, f.lower(95)[0], 1e-12);
    }

    @Test
    void fit_singleValue_pointForecastOnly() {
        FittedModel m = Forecasters.mean().fit(TimeSeries.of(Double.NaN, 4));
        assertArrayEquals(new double[] {4}, m.forecast(1).mean());
        assertNull(m.forecast(1).standardErrors());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forecast(1, 80));
        assertEquals("prediction intervals of the mean method need at least 2 observed values, got 1",
                e.getMessage());
    }

    @Test
    void fit_allMissing_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Forecasters.mean().fit(TimeSeries.of(Double.NaN).withName("x")));
        assertEquals("mean forecaster needs at least 1 observed value, series 'x' has none", e.getMessage());
    }

    @Test
    void fitted_isTheMean() {
        FittedModel m = Forecasters.mean().fit(TimeSeries.of(2, 4));
        assertArrayEquals(new double[] {3, 3}, m.fitted());
        assertArrayEquals(new double[] {-1, 1}, m.residuals());
        assertEquals("Mean", m.description());
        assertEquals("mean", Forecasters.mean().name());
    }
}
