package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SeasonalStrengthTest {

    // Reference: R 4.2.2 forecast 8.20 forecast:::seas.heuristic(x), script unitroot_reference.R
    @Test
    void of_referenceSeries_matchesSeasHeuristic() {
        for (String name : UnitRootReference.SEASONAL) {
            double expected = UnitRootReference.value(name, "seasonal_strength");
            double actual = SeasonalStrength.of(UnitRootReference.series(name), UnitRootReference.period(name));
            assertEquals(expected, actual, 1e-9, name);
        }
    }

    @Test
    void of_missingValues_interpolatedAndExcluded() {
        double[] y = UnitRootReference.series("AirPassengers");
        double[] gaps = y.clone();
        gaps[30] = Double.NaN;
        gaps[31] = Double.NaN;
        double s = SeasonalStrength.of(gaps, 12);
        // two interpolated points in 144 barely move a strength of 0.94
        assertEquals(UnitRootReference.value("AirPassengers", "seasonal_strength"), s, 0.02);
    }

    @Test
    void of_tooShort_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeasonalStrength.of(new double[24], 12));
        assertTrue(e.getMessage().contains("series length 24 <= 2*period (24)"), e.getMessage());
    }

    @Property(tries = 40)
    void of_isInUnitInterval(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                             @ForAll @IntRange(min = 2, max = 12) int period) {
        Random rnd = new Random(seed);
        double[] y = new double[period * 5 + 3];
        for (int i = 0; i < y.length; i++) {
            y[i] = (seed % 3) * Math.sin(2 * Math.PI * i / period) + rnd.nextGaussian();
        }
        double s = SeasonalStrength.of(y, period);
        assertTrue(s >= 0 && s <= 1, "strength " + s);
    }
}
