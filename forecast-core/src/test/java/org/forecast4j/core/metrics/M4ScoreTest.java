package org.forecast4j.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.forecast4j.core.baseline.Naive2;
import org.forecast4j.core.io.M4Data;
import org.forecast4j.core.io.M4Reader;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2 / forecast 8.20, script src/test/resources/reference/m4/m4_reference.R (the M4 competition's
 * smape_cal / mase_cal / OWA), output m4_scores.csv, on the M4 Weekly (m = 1) and Hourly (m = 24) slices.
 */
class M4ScoreTest {

    private static final double TOL = 1e-10;

    static Path resource(String name) {
        try {
            return Path.of(M4ScoreTest.class.getResource("/reference/m4/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scores_m4Slices_matchR() throws IOException {
        List<String> lines = Files.readAllLines(resource("m4_scores.csv"));
        int checked = 0;
        for (String slice : List.of("weekly", "hourly")) {
            int m = slice.equals("weekly") ? 1 : 24;
            M4Data d = M4Reader.read(resource(slice + "-train-slice.csv"), resource(slice + "-test-slice.csv"), m);
            M4Score naive2 = score(d, m, "naive2");
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                if (!c[0].equals(slice)) {
                    continue;
                }
                M4Score s = score(d, m, c[1]);
                assertEquals(Double.parseDouble(c[2]), s.smape(), TOL * s.smape(), line);
                assertEquals(Double.parseDouble(c[3]), s.mase(), TOL * s.mase(), line);
                assertEquals(Double.parseDouble(c[4]), s.owa(naive2), TOL, line);
                assertEquals(d.size(), s.series());
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    private static M4Score score(M4Data d, int m, String model) {
        M4Score.Accumulator acc = M4Score.accumulator();
        int h = d.horizon();
        for (String id : d.ids()) {
            double[] y = d.train().get(id).values();
            double[] f = new double[h];
            switch (model) {
                case "naive2":
                    f = Naive2.forecast(y, m, h);
                    break;
                case "naive":
                    Arrays.fill(f, y[y.length - 1]);
                    break;
                default:
                    for (int k = 0; k < h; k++) {
                        f[k] = y[y.length - m + k % m];
                    }
                    break;
            }
            acc.add(d.test(id), f, y, m);
        }
        return acc.result();
    }

    @Test
    void accumulator_undefinedSeries_leftOutAndCounted() {
        // sMAPE undefined where actual and forecast are both 0; MASE undefined for a constant training series
        M4Score s = M4Score.accumulator()
                .add(new double[] {0}, new double[] {0}, new double[] {1, 1, 1}, 1)
                .add(new double[] {2}, new double[] {1}, new double[] {1, 2, 4}, 1)
                .result();
        assertEquals(2, s.series());
        assertEquals(1, s.undefinedSmape());
        assertEquals(1, s.undefinedMase());
        assertEquals(200.0 / 3, s.smape(), 1e-12);
        assertEquals(1 / 1.5, s.mase(), 1e-12);
        assertTrue(Double.isNaN(M4Score.accumulator().result().smape()));
    }

    @Test
    void owa_badReference_throws() {
        assertEquals("smapeNaive2 must be > 0 and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> M4Score.owa(1, 1, 0, 1)).getMessage());
        assertEquals("maseNaive2 must be > 0 and finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> M4Score.owa(1, 1, 1, Double.NaN)).getMessage());
        assertEquals(0.5 * (1 / 2.0 + 2 / 4.0), M4Score.owa(1, 2, 2, 4), 0);
        assertEquals(0.75, M4Score.owa(1, 4, 2, 4), 0);
    }

    @Property
    void scores_invariantUnderScaling(@ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
        double[] y = {5, 7, 6, 9, 8};
        double[] a = {10, 9};
        double[] f = {8, 8.5};
        M4Score s1 = M4Score.accumulator().add(a, f, y, 1).result();
        M4Score s2 = M4Score.accumulator().add(scale(a, c), scale(f, c), scale(y, c), 1).result();
        assertEquals(s1.smape(), s2.smape(), 1e-9);
        assertEquals(s1.mase(), s2.mase(), 1e-9);
        assertEquals(1.0, s1.owa(s1), 1e-15);
    }

    private static double[] scale(double[] x, double c) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = c * x[i];
        }
        return out;
    }
}
