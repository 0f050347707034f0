package org.forecast4j.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.lstm.internal.VectorSupport;
import org.junit.jupiter.api.Test;

/**
 * Models saved by an earlier version of the code still load and give the forecasts they gave when they were saved.
 * Reference: the three models and {@code forecasts.csv} in src/test/resources/reference/lstm-format-v1, written by
 * {@code GenerateLegacyModels.java} beside them with the code of main at 0cc81b1 (before the LSTM's scaler was
 * rebuilt on the core transforms), on the scalar kernels (no {@code --add-modules jdk.incubator.vector}).
 *
 * <p>On the scalar kernels (the surefire execution {@code scalar-kernels}, which includes this class) the
 * forecasts must match to the last bit: Java's floating point is the same on every machine. The SIMD kernels sum
 * in another order (and their lane count depends on the CPU), so there the forecasts may differ in the last bits
 * only: {@link #SIMD_RELATIVE} is far above that rounding and far below any change of the model.
 */
class LegacyModelFormatTest {

    private static final String DIR = "/reference/lstm-format-v1/";
    /** Relative tolerance on the SIMD kernels: their sums differ from the scalar ones by a few ulps. */
    private static final double SIMD_RELATIVE = 1e-10;

    private static LstmModel load(String name) {
        try (InputStream in = LegacyModelFormatTest.class.getResourceAsStream(DIR + name + ".f4jl")) {
            return Lstm.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** model → quantity → values, read from the recorded bit patterns. */
    private static Map<String, Map<String, List<Double>>> recorded() {
        Map<String, Map<String, List<Double>>> out = new LinkedHashMap<>();
        try (InputStream in = LegacyModelFormatTest.class.getResourceAsStream(DIR + "forecasts.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                List<Double> v = out.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(f[1], k -> new ArrayList<>());
                assertEquals(v.size(), Integer.parseInt(f[2]), "step order in forecasts.csv");
                v.add(Double.longBitsToDouble(Long.parseUnsignedLong(f[3], 16)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void assertSameForecast(List<Double> expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int i = 0; i < actual.length; i++) {
            double e = expected.get(i);
            if (VectorSupport.ENABLED && Double.isFinite(e)) {
                assertEquals(e, actual[i], SIMD_RELATIVE * Math.abs(e), what + "[" + i + "] (SIMD kernels)");
            } else {
                assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(actual[i]),
                        what + "[" + i + "]: expected " + e + ", got " + actual[i]);
            }
        }
    }

    private static void check(String name, Forecast f, double[] fitted) {
        Map<String, List<Double>> r = recorded().get(name);
        assertSameForecast(r.get("mean"), f.mean(), name + " mean");
        assertSameForecast(r.get("lower95"), f.lower(95), name + " lower95");
        assertSameForecast(r.get("upper80"), f.upper(80), name + " upper80");
        assertSameForecast(r.get("fitted"), fitted, name + " fitted");
    }

    @Test
    void load_minMaxModelWithCovariate_forecastsAsAtSaveTime() {
        LstmModel m = load("minmax-covariate");
        assertEquals(Scaling.MIN_MAX, m.config().scaling());
        double[][] future = {{1, 0, 0, 0, 0, 0, 0, 0, 1, 0}};
        check("minmax-covariate", m.forecast(5, Level.of(80, 95), future), m.fitted());
    }

    @Test
    void load_standardLogModel_forecastsAsAtSaveTime() {
        LstmModel m = load("standard-log");
        assertEquals(Scaling.STANDARD, m.config().scaling());
        check("standard-log", m.forecast(5, Level.of(80, 95)), m.fitted());
    }

    @Test
    void load_minMaxLogModel_forecastsAsAtSaveTime() {
        LstmModel m = load("minmax-log");
        assertEquals(Scaling.MIN_MAX, m.config().scaling());
        check("minmax-log", m.forecast(5, Level.of(80, 95)), m.fitted());
    }
}
