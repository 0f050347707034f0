package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Yule&ndash;Walker against R 4.2.2 {@code ar.yw} (order by AIC and fixed order) on the differenced conformance
 * series (the {@code yw} fields of src/test/resources/reference/conformance/*.json, from ../shared/ref/r_ref.R).
 * Tolerance 1e-10: the same deterministic computation, only rounding differs (conformance README).
 */
class YuleWalkerTest {

    private static final double TOL = 1e-10;

    static Stream<String> series() throws IOException {
        Map<String, String> first = new LinkedHashMap<>();
        try (InputStream in = YuleWalkerTest.class.getClassLoader()
                .getResourceAsStream("reference/conformance/spec.csv")) {
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    first.putIfAbsent(lines[i].split(",")[0], lines[i].trim());
                }
            }
        }
        return first.values().stream();
    }

    private static double[] arr(JsonNode n) {
        if (n.isNumber()) {
            // jsonlite's auto_unbox writes length-1 vectors as scalars
            return new double[] {n.asDouble()};
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    @ParameterizedTest
    @MethodSource("series")
    void fit_conformanceSeries_matchesArYw(String line) throws IOException {
        ArimaConformanceTest.Case c = new ArimaConformanceTest.Case(line);
        double[] w = ArimaEstimator.difference(c.series().values(), c.d, c.sd, c.s);
        JsonNode yw;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("reference/conformance/" + c.series.replace('/', '_') + ".json")) {
            yw = new ObjectMapper().readTree(in).get("yw");
        }
        JsonNode aic = yw.get("aic");
        YuleWalker.Result r = YuleWalker.fit(w, -1, true);
        assertEquals(aic.get("order").asInt(), r.order());
        assertArrayEquals(arr(aic.get("ar")), r.ar(), TOL);
        assertEquals(aic.get("var_pred").asDouble(), r.varPred(), TOL * aic.get("var_pred").asDouble());
        assertEquals(aic.get("x_mean").asDouble(), r.mean(), TOL);
        assertArrayEquals(arr(aic.get("partialacf")), r.partialAcf(), TOL);
        assertArrayEquals(arr(aic.get("aic")), r.aic(), 1e-8);
        JsonNode fixed = yw.get("fixed");
        YuleWalker.Result f = YuleWalker.fit(w, fixed.get("order").asInt(), false);
        assertArrayEquals(arr(fixed.get("ar")), f.ar(), TOL);
        assertEquals(fixed.get("var_pred").asDouble(), f.varPred(), TOL * fixed.get("var_pred").asDouble());
    }

    @Test
    void fit_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> YuleWalker.fit(new double[] {1}, -1, true));
        assertThrows(IllegalArgumentException.class, () -> YuleWalker.fit(new double[] {1, Double.NaN, 2}, -1, true));
        assertThrows(IllegalArgumentException.class, () -> YuleWalker.fit(new double[] {1, 2, 3}, 3, false));
        assertThrows(org.forecast4j.core.ModelFitException.class,
                () -> YuleWalker.fit(new double[] {2, 2, 2, 2}, -1, true));
    }

    @Test
    void fit_referenceKernelSeries_isStationary() {
        double[] x = ReferenceData.load("reference/arima/kernels.csv").get("x1");
        YuleWalker.Result r = YuleWalker.fit(x, 5, false);
        assertEquals(5, r.order());
        assertEquals(true, org.forecast4j.core.linalg.Polynomials.isStationary(r.ar()));
    }
}
