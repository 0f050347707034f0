package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/** Fourier terms against forecast 8.20 {@code fourier()} (script src/test/resources/reference/arima/fourier.R). */
class FourierTest {

    private static List<String> names(String key) throws IOException {
        try (InputStream in = FourierTest.class.getClassLoader().getResourceAsStream("reference/arima/fourier.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(key + ",")) {
                    return Arrays.asList(line.substring(key.length() + 1).trim().split(","));
                }
            }
        }
        throw new IllegalStateException(key);
    }

    @Test
    void terms_twoPeriods_matchR() throws IOException {
        Map<String, double[]> ref = ReferenceData.load("reference/arima/fourier.csv");
        double[] periods = {7, 365.25};
        int[] k = {3, 2};
        Regressors x = Fourier.terms(30, periods, k);
        Regressors f = Fourier.future(30, 5, periods, k);
        assertEquals(names("#names"), x.names());
        for (int j = 0; j < x.count(); j++) {
            // sin vs R's sinpi: rounding of 2π f t only
            assertArrayEquals(ref.get("hist_" + (j + 1)), x.column(j), 1e-12);
            assertArrayEquals(ref.get("fut_" + (j + 1)), f.column(j), 1e-12);
        }
    }

    @Test
    void terms_halfPeriodHarmonic_dropsVanishingSine() throws IOException {
        Map<String, double[]> ref = ReferenceData.load("reference/arima/fourier.csv");
        Regressors x = Fourier.terms(20, new double[] {4}, new int[] {2});
        assertEquals(names("#q_names"), x.names());
        for (int j = 0; j < x.count(); j++) {
            assertArrayEquals(ref.get("q_" + (j + 1)), x.column(j), 1e-12);
        }
    }

    @Test
    void terms_badOrders_throw() {
        assertThrows(IllegalArgumentException.class, () -> Fourier.terms(10, new double[] {7}, new int[] {4}));
        assertThrows(IllegalArgumentException.class, () -> Fourier.terms(10, new double[] {1}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Fourier.terms(10, new double[] {7, 12}, new int[] {1}));
    }
}
