package org.forecast4j.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.forecast4j.core.Level;
import org.junit.jupiter.api.Test;

class MetricValueTest {

    @Test
    void of_defined_exposesValue() {
        MetricValue v = MetricValue.of(Metric.MAE, 2.5);
        assertTrue(v.isDefined());
        assertEquals(2.5, v.value());
        assertEquals(2.5, v.asOptional().getAsDouble());
        assertTrue(v.reason().isEmpty());
        assertEquals("2.5", v.toString());
        assertEquals(MetricValue.of(Metric.MAE, 2.5), v);
        assertNotEquals(MetricValue.of(Metric.RMSE, 2.5), v);
    }

    @Test
    void of_nonFinite_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricValue.of(Metric.MASE, Double.NaN));
        assertEquals("MASE value must be finite, got NaN", e.getMessage());
    }

    @Test
    void undefined_toStringGivesReason() {
        assertEquals("undefined (zero actual at step 3)",
                MetricValue.undefined(Metric.MAPE, "zero actual at step 3").toString());
    }

    @Test
    void metric_parseAndNames() {
        assertEquals(Metric.SMAPE, Metric.parse("sMAPE"));
        assertEquals(Metric.MASE, Metric.parse(" mase "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("r2"));
        assertTrue(e.getMessage().startsWith("metric must be one of mae, mse, rmse"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got 'r2'"), e.getMessage());
        assertEquals("Coverage[80]", Metric.COVERAGE.columnName(new Level(80)));
        assertEquals("MSIS[97.5]", Metric.MSIS.columnName(new Level(97.5)));
        assertEquals("RMSE", Metric.RMSE.columnName(null));
        assertThrows(IllegalArgumentException.class, () -> Metric.PINBALL.columnName(null));
        assertEquals(List.of(Metric.COVERAGE, Metric.MSIS, Metric.PINBALL), Metric.intervalMetrics());
        assertEquals(7, Metric.pointMetrics().size());
    }
}
