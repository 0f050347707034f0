package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/** JSON round trip of fitted models: identical forecasts and statistics (bit for bit). */
class ArimaJsonTest {

    @Test
    void roundTrip_seasonalDriftModel_forecastsIdentically() {
        double[] v = ReferenceData.column("reference/conformance/public_ecom_orders.csv", "y");
        TimeSeries y = TimeSeries.daily(LocalDate.of(2022, 1, 1), v).withName("orders");
        FittedArima m = Arima.of(1, 0, 1).withSeasonal(0, 1, 1).withDrift(true).withMethod(ArimaMethod.ML).fit(y);
        FittedArima r = FittedArima.fromJson(m.toJson());
        Forecast a = m.forecast(14, Level.of(80, 95));
        Forecast b = r.forecast(14, Level.of(80, 95));
        assertArrayEquals(a.mean(), b.mean(), 0.0);
        assertArrayEquals(a.upper(95), b.upper(95), 0.0);
        assertEquals(a.labels(), b.labels());
        assertEquals(m.coefficients(), r.coefficients());
        assertEquals(m.standardErrors(), r.standardErrors());
        assertEquals(m.logLikelihood(), r.logLikelihood(), 0.0);
        assertEquals(m.toString(), r.toString());
        assertEquals(m.toJson(), r.toJson());
        assertArrayEquals(m.residuals(), r.residuals(), 0.0);
    }

    @Test
    void roundTrip_regressionWithGaps_keepsRegressorsAndMissingValues() {
        double[] v = ReferenceData.load("reference/arima/fits.csv").get("na_y");
        TimeSeries y = TimeSeries.of(v);
        double[] x = new double[v.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i / 5.0);
        }
        FittedArima m = Arima.of(1, 1, 0).fit(y, Regressors.of(List.of("s"), new double[][] {x}));
        FittedArima r = FittedArima.fromJson(m.toJson());
        Regressors fut = Regressors.of(List.of("s"), new double[][] {{0.1, 0.2, 0.3}});
        assertArrayEquals(m.forecast(3, Level.of(80), fut).mean(), r.forecast(3, Level.of(80), fut).mean(), 0.0);
        assertTrue(Double.isNaN(r.series().get(20)));
    }

    @Test
    void fromJson_wrongFormat_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FittedArima.fromJson("{\"format\":\"other\",\"version\":1}"));
        assertTrue(e.getMessage().contains("not a forecast4j ARIMA model"));
        assertThrows(IllegalArgumentException.class, () -> FittedArima.fromJson("{\"format\":"));
        e = assertThrows(IllegalArgumentException.class,
                () -> FittedArima.fromJson("{\"format\":\"forecast4j-arima\",\"version\":2}"));
        assertTrue(e.getMessage().contains("version 2"));
    }
}
