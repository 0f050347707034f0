package org.forecast4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class FourierTermsTest {

    // R prints 17 significant digits; sin/cos of the same argument agree to a few ulps
    private static final double TOL = 1e-12;

    private static List<String[]> reference() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(Paths.get(
                FourierTermsTest.class.getResource("/reference/fourier_terms.csv").toURI()));
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i).split(","));
        }
        return out;
    }

    private static void check(String caseName, double period, int k, int n) throws Exception {
        TimeSeries y = TimeSeries.daily(LocalDate.of(2020, 1, 1), new double[n]);
        RegressorMatrix x = FeatureSet.of(new FourierTerms(period, k)).matrix(y);
        RegressorMatrix f = x.future(30);
        int checked = 0;
        for (String[] r : reference()) {
            if (!r[0].equals(caseName)) {
                continue;
            }
            RegressorMatrix m = r[1].equals("in") ? x : f;
            int row = Integer.parseInt(r[2]);
            int col = m.names().indexOf(r[3]);
            assertEquals(Double.parseDouble(r[4]), m.get(row, col), TOL, r[0] + " " + r[1] + " " + r[2] + " " + r[3]);
            checked++;
        }
        assertEquals(true, checked > 0);
    }

    @Test
    void fill_period7_matchesRForecastFourier() throws Exception {
        // Reference: R 4.2.2 forecast 8.20, script reference/fourier_terms.R
        check("p7k3", 7, 3, 30);
        assertEquals(List.of("S1-7", "C1-7", "S2-7", "C2-7", "S3-7", "C3-7"), new FourierTerms(7, 3).names());
    }

    @Test
    void fill_nonIntegerPeriod_matchesR() throws Exception {
        check("p365.25k2", 365.25, 2, 400);
    }

    @Test
    void names_zeroSineDropped_likeR() throws Exception {
        // R drops S2-4 (sin(pi t) == 0)
        assertEquals(List.of("S1-4", "C1-4", "C2-4"), new FourierTerms(4, 2).names());
        check("p4k2", 4, 2, 12);
    }

    @Test
    void constructor_rejectsTooManyPairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FourierTerms(7, 4));
        assertEquals("K must be in [1, period/2 = 3.5], got 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FourierTerms(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FourierTerms(Double.NaN, 1));
    }

    @Property(tries = 100)
    void fill_sineAndCosineOnUnitCircleAndPeriodic(@ForAll @DoubleRange(min = 2.5, max = 400) double period,
                                                   @ForAll @IntRange(min = 0, max = 5000) int step) {
        FourierTerms f = new FourierTerms(period, 1);
        TimeSeries y = TimeSeries.of(new double[1]);
        double[] a = new double[2];
        f.fill(y, step, 1, a, 2, 0);
        assertEquals(1.0, a[0] * a[0] + a[1] * a[1], 1e-12);
        // invariance under a shift by an integer multiple of the period, when the period is an integer
        double p = Math.rint(period);
        FourierTerms g = new FourierTerms(p, 1);
        double[] b = new double[2];
        double[] c = new double[2];
        g.fill(y, step, 1, b, 2, 0);
        g.fill(y, step + 3 * (long) p, 1, c, 2, 0);
        assertEquals(b[0], c[0], 1e-9);
        assertEquals(b[1], c[1], 1e-9);
    }
}
