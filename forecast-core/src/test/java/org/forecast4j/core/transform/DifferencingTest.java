package org.forecast4j.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class DifferencingTest {

    /**
     * Each integration step rounds by half an ulp of the running level and the errors accumulate along the series
     * (for order 2, roughly like n^1.5·ε). Over 20,000 random cases with n ≤ 200, |x| ≤ 1e3, order ≤ 2 the worst
     * error was 3.5e-13 of max|x|; the property uses n ≤ 100, so 1e-12 leaves a margin of about 8.
     */
    private static final double DOUBLE_ROUND_TRIP = 1e-12;

    @Test
    void diff_quadratic_secondDifferenceIsConstantTwo() {
        // Theory: Δ² t² = (t+2)² − 2(t+1)² + t² = 2
        double[] x = new double[10];
        for (int t = 0; t < x.length; t++) {
            x[t] = (double) t * t;
        }
        double[] d2 = Differencing.diff(x, 1, 2);
        double[] expected = new double[8];
        Arrays.fill(expected, 2);
        assertArrayEquals(expected, d2, 0);
    }

    @Test
    void diff_seasonalLag_subtractsValueOnePeriodBack() {
        double[] x = {1, 2, 3, 10, 20, 30, 11, 22, 33};
        assertArrayEquals(new double[] {9, 18, 27, 1, 2, 3}, Differencing.diff(x, 3, 1), 0);
        assertArrayEquals(new double[] {-8, -16, -24}, Differencing.diff(x, 3, 2), 0);
    }

    @Test
    void diff_inPlaceOutput_isAllowedAndReturned() {
        double[] x = {1, 4, 9, 16};
        double[] out = Differencing.diff(x, 1, x);
        assertSame(x, out);
        assertArrayEquals(new double[] {3, 5, 7}, Arrays.copyOf(out, 3), 0);
    }

    @Test
    void diff_orderZero_returnsCopy() {
        double[] x = {1, 2};
        double[] y = Differencing.diff(x, 1, 0);
        assertArrayEquals(x, y, 0);
        assertTrue(x != y);
    }

    @Test
    void diff_missingValue_propagatesToTheDifferencesThatUseIt() {
        double[] d = Differencing.diff(new double[] {1, 2, Double.NaN, 4, 5}, 1, 1);
        assertEquals(1, d[0]);
        assertTrue(Double.isNaN(d[1]) && Double.isNaN(d[2]));
        assertEquals(1, d[3]);
    }

    @Test
    void integrate_missingDifference_makesLaterValuesOfThatPhaseMissing() {
        double[] y = Differencing.integrate(new double[] {1, Double.NaN, 1, 1}, 2, new double[] {0, 10}, null);
        // phase 0: 0, 1, 2 ; phase 1: 10, NaN, NaN
        assertEquals(0, y[0]);
        assertEquals(1, y[2]);
        assertEquals(2, y[4]);
        assertTrue(Double.isNaN(y[3]) && Double.isNaN(y[5]));
    }

    @Test
    void integrate_matchesRDiffinv() {
        // Reference: R 4.2.2, diffinv(c(1, 2, 3), lag = 1, differences = 2, xi = c(5, 7)) = 5 7 10 15 23
        assertArrayEquals(new double[] {5, 7, 10, 15, 23},
                Differencing.integrate(new double[] {1, 2, 3}, 1, 2, new double[] {5, 7}), 0);
        // diffinv(c(1, 2, 3, 4), lag = 2, differences = 2, xi = c(1, 2, 4, 8)) = 1 2 4 8 8 16 15 28
        assertArrayEquals(new double[] {1, 2, 4, 8, 8, 16, 15, 28},
                Differencing.integrate(new double[] {1, 2, 3, 4}, 2, 2, new double[] {1, 2, 4, 8}), 0);
    }

    @Test
    void airline_onAirPassengers_roundTripsExactlyAndMatchesComposedDiffs() {
        double[] air = ReferenceFiles.series("AirPassengers");
        Differencing airline = Differencing.of(1).withSeasonal(1, 12);
        double[] w = airline.apply(air);
        assertEquals(air.length - 13, w.length);
        // the spec is diff(diff(x, lag = 12), lag = 1), computed independently with the kernels
        assertArrayEquals(Differencing.diff(Differencing.diff(air, 12, 1), 1, 1), w, 0);
        assertArrayEquals(air, airline.invert(w, Arrays.copyOf(air, 13)), 0);
    }

    @Test
    void apply_timeSeries_startsLaterByLostObservations() {
        TimeSeries y = TimeSeries.builder(ReferenceFiles.series("AirPassengers")).start(LocalDate.of(1949, 1, 1))
                .frequency(Frequency.MONTHLY).name("air").build();
        Differencing airline = Differencing.of(1).withSeasonal(1, 12);
        TimeSeries w = airline.apply(y);
        // first defined value of (1−B)(1−B¹²)y is at February 1950
        assertEquals(LocalDate.of(1950, 2, 1).atStartOfDay(), w.start());
        assertEquals("air", w.name());
        assertEquals(12, w.period());
        TimeSeries back = airline.invert(w, Arrays.copyOf(y.values(), 13));
        assertEquals(y, back);
    }

    @Test
    void invert_indexSeries_movesStartIndexBack() {
        TimeSeries y = TimeSeries.of(3, 5, 8, 13, 21);
        TimeSeries w = Differencing.of(2).apply(y);
        assertEquals(3, w.startIndex());
        TimeSeries back = Differencing.of(2).invert(w, new double[] {3, 5});
        assertEquals(y, back);
    }

    @Test
    void extend_integratesFutureDifferencesAfterHistory() {
        // Theory: a random walk's future differences 1, 1, 1 after ... 7, 9 give 10, 11, 12
        double[] history = {1, 4, 7, 9};
        assertArrayEquals(new double[] {10, 11, 12},
                Differencing.of(1).extend(history, new double[] {1, 1, 1}), 0);
        // Seasonal (lag 2): y_t = y_{t-2} + w_t
        assertArrayEquals(new double[] {7.5, 9, 7.5},
                Differencing.seasonal(1, 2).extend(history, new double[] {0.5, 0, 0}), 0);
        // (1−B)²: linear continuation with zero second differences
        assertArrayEquals(new double[] {11, 13}, Differencing.of(2).extend(history, new double[] {0, 0}), 0);
    }

    @Test
    void extend_equalsTailOfFullInversion() {
        double[] y = ReferenceFiles.series("USAccDeaths");
        Differencing spec = Differencing.of(1).withSeasonal(1, 12);
        double[] history = Arrays.copyOf(y, 60);
        double[] futureW = Arrays.copyOfRange(spec.apply(y), 60 - 13, y.length - 13);
        assertArrayEquals(Arrays.copyOfRange(y, 60, y.length), spec.extend(history, futureW), 0);
    }

    @Test
    void lost_isDPlusDTimesS() {
        assertEquals(1 + 2 * 7, Differencing.of(1).withSeasonal(2, 7).lost());
        assertEquals("Differencing(d=1, D=2, s=7)", Differencing.of(1).withSeasonal(2, 7).toString());
    }

    @Test
    void badArguments_throwWithMessagesNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Differencing.diff(new double[] {1, 2}, 0, null));
        assertTrue(e.getMessage().contains("lag must be > 0, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Differencing.diff(new double[] {1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("series length 3 < lag*order (4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Differencing.of(1).withSeasonal(1, 12).apply(new double[12]));
        assertTrue(e.getMessage().contains("series length 12 < d + D*s (13)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Differencing.integrate(new double[] {1}, 1, 2, new double[] {1}));
        assertTrue(e.getMessage().contains("initial must have length lag*order (2), got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Differencing.of(-1));
        assertTrue(e.getMessage().contains("d must be >= 0, got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Differencing.of(1).invert(new double[] {1}, new double[0]));
        assertTrue(e.getMessage().contains("initial must have length d + D*s (1)"), e.getMessage());
        double[] x = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> Differencing.integrate(x, 1, new double[] {0}, x));
    }

    @Test
    void emptyAndExactLength_giveEmptyDifferences() {
        assertEquals(0, Differencing.diff(new double[0], 1, 0).length);
        assertEquals(0, Differencing.of(1).withSeasonal(1, 4).apply(new double[5]).length);
        assertArrayEquals(new double[] {2, 3}, Differencing.of(2).invert(new double[0], new double[] {2, 3}), 0);
    }

    // ---------------------------------------------------------------------------------------------- properties

    @Property
    void roundTrip_integers_isExact(@ForAll("integerSeries") double[] x, @ForAll @IntRange(min = 1, max = 13) int lag,
                                    @ForAll @IntRange(min = 0, max = 4) int order) {
        if (x.length < lag * order) {
            return;
        }
        double[] dx = Differencing.diff(x, lag, order);
        double[] back = Differencing.integrate(dx, lag, order, Arrays.copyOf(x, lag * order));
        assertArrayEquals(x, back, 0);
    }

    @Property
    void roundTrip_seasonalSpec_integers_isExact(@ForAll("integerSeries") double[] x,
                                                 @ForAll @IntRange(min = 0, max = 2) int d,
                                                 @ForAll @IntRange(min = 0, max = 2) int seasonalD,
                                                 @ForAll @IntRange(min = 1, max = 12) int s) {
        Differencing spec = Differencing.of(d).withSeasonal(seasonalD, s);
        if (x.length < spec.lost()) {
            return;
        }
        double[] back = spec.invert(spec.apply(x), Arrays.copyOf(x, spec.lost()));
        assertArrayEquals(x, back, 0);
    }

    @Property
    void roundTrip_doubles_within1e12(@ForAll("doubleSeries") double[] x, @ForAll @IntRange(min = 1, max = 7) int lag,
                                     @ForAll @IntRange(min = 1, max = 2) int order) {
        if (x.length < lag * order) {
            return;
        }
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] back = Differencing.integrate(Differencing.diff(x, lag, order), lag, order,
                Arrays.copyOf(x, lag * order));
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], DOUBLE_ROUND_TRIP * Math.max(1, scale), "index " + i);
        }
    }

    @Provide
    Arbitrary<double[]> integerSeries() {
        // |x| < 2^31 and order ≤ 4: every difference stays below 2^36 in magnitude, so all arithmetic is exact
        return Arbitraries.integers().between(-1_000_000_000, 1_000_000_000).map(i -> (double) i)
                .array(double[].class).ofMinSize(0).ofMaxSize(80);
    }

    @Provide
    Arbitrary<double[]> doubleSeries() {
        return Arbitraries.doubles().between(-1e3, 1e3).array(double[].class).ofMinSize(0).ofMaxSize(100);
    }
}
