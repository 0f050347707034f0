package org.forecast4j.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.io.M4Data;
import org.forecast4j.core.io.M4Reader;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2 / forecast 8.20, script src/test/resources/reference/m4/m4_reference.R (the M4 benchmark
 * code's SeasonalityTest and Naive2 on R's acf/decompose/naive), output naive2_forecasts.csv, on the M4 slices.
 */
class Naive2Test {

    /** The reference prints 17 significant digits; the two computations differ only in summation order. */
    private static final double TOL = 1e-10;

    static Path resource(String name) {
        try {
            return Path.of(Naive2Test.class.getResource("/reference/m4/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void forecast_m4Slices_matchesR() throws IOException {
        List<String> lines = Files.readAllLines(resource("naive2_forecasts.csv"));
        M4Data weekly = M4Reader.read(resource("weekly-train-slice.csv"), resource("weekly-test-slice.csv"), 13, 1);
        M4Data hourly = M4Reader.read(resource("hourly-train-slice.csv"), resource("hourly-test-slice.csv"), 48, 24);
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            M4Data d = c[0].startsWith("W") ? weekly : hourly;
            int m = c[0].startsWith("W") ? 1 : 24;
            double[] y = d.train().get(c[0]).values();
            double[] expected = Arrays.stream(c, 2, 2 + d.horizon()).mapToDouble(Double::parseDouble).toArray();
            assertEquals(c[1].equals("1"), Naive2.isSeasonal(y, m), c[0]);
            double[] f = Naive2.forecast(y, m, d.horizon());
            for (int k = 0; k < f.length; k++) {
                assertEquals(expected[k], f[k], TOL * Math.abs(expected[k]), c[0] + " step " + (k + 1));
            }
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void isSeasonal_whiteNoise_false_andPureSeason_true() {
        // theory: white noise has r_m ~ N(0, 1/n), far below the limit with this seed; a pure sine at period 12
        // has r_12 close to 1
        Random rnd = new Random(42);
        double[] noise = new double[240];
        double[] sine = new double[240];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = 10 + rnd.nextGaussian();
            sine[t] = 10 + Math.sin(2 * Math.PI * t / 12);
        }
        assertFalse(Naive2.isSeasonal(noise, 12));
        assertTrue(Naive2.isSeasonal(sine, 12));
        // period 1 never seasonal; fewer than 3 periods never seasonal
        assertFalse(Naive2.isSeasonal(sine, 1));
        assertFalse(Naive2.isSeasonal(Arrays.copyOf(sine, 35), 12));
    }

    @Test
    void isSeasonal_periodBeyondRsAcfLags_false() {
        // R's acf stops at floor(10 log10 n) = 22 lags for n = 160 < 52, so the M4 code answers FALSE
        double[] y = new double[160];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + Math.sin(2 * Math.PI * t / 52);
        }
        assertFalse(Naive2.isSeasonal(y, 52));
    }

    @Test
    void seasonalFigure_exactSeasonTimesTrend_recoversSeason() {
        // y = level * s with a mean-one season: the 2x4 moving average of y is the level, so y / T = s exactly
        // (theory of the classical decomposition)
        double[] s = {0.8, 1.1, 1.3, 0.8};
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * s[t % 4];
        }
        assertArrayEquals(s, Naive2.seasonalFigure(y, 4), 1e-12);
    }

    @Test
    void forecast_nonSeasonal_isLastValue() {
        assertArrayEquals(new double[] {3, 3, 3}, Naive2.forecast(new double[] {1, 2, 3}, 1, 3));
        assertArrayEquals(new double[] {3, 3}, Naive2.forecast(new double[] {1, 2, 3}, 12, 2));
    }

    @Test
    void forecast_badInput_throws() {
        assertEquals("horizon must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> Naive2.forecast(new double[] {1}, 1, 0))
                        .getMessage());
        assertEquals("period must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> Naive2.forecast(new double[] {1}, 0, 1))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Naive2.forecast(new double[] {1, Double.NaN}, 1, 1)).getMessage().startsWith("y[1]"));
        assertThrows(IllegalArgumentException.class, () -> Naive2.forecast(new double[0], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Naive2.seasonalFigure(new double[] {1, 2, 3}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Naive2.seasonalFigure(new double[] {1, -2, 3, 4, 5}, 2));
    }

    @Property
    void forecast_scalesWithData(@ForAll @IntRange(min = 0, max = 1000) int seed,
            @ForAll @DoubleRange(min = 0.01, max = 100) double c) {
        // Naive2 is equivariant under positive scaling: the test statistic and the seasonal figure are scale-free
        Random rnd = new Random(seed);
        double[] y = new double[96];
        double[] z = new double[96];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 10 * Math.sin(2 * Math.PI * t / 12) + 3 * rnd.nextGaussian();
            z[t] = c * y[t];
        }
        double[] fy = Naive2.forecast(y, 12, 18);
        double[] fz = Naive2.forecast(z, 12, 18);
        for (int k = 0; k < fy.length; k++) {
            assertEquals(c * fy[k], fz[k], 1e-9 * Math.abs(fz[k]));
        }
    }
}
