package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The full (non-stepwise) search against R 4.2.2 forecast 8.20 {@code auto.arima(x, stepwise = FALSE,
 * approximation = TRUE/FALSE)}. Reference: src/test/resources/reference/autoarima/auto_arima_full.csv, script
 * auto_arima_full.R next to it. AICc tolerance 1e-3 as in {@link AutoArimaConformanceTest}.
 */
class AutoArimaFullSearchTest {

    @ParameterizedTest
    @CsvFileSource(resources = "/reference/autoarima/auto_arima_full.csv", numLinesToSkip = 1)
    void fit_fullSearch_choosesRsModel(String series, int log, int approximation, int p, int d, int q, int constant,
                                       double aicc) {
        double[] y = ReferenceData.column("reference/conformance/" + series + ".csv", "y");
        if (log == 1) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.log(y[i]);
            }
        }
        AutoArimaModel m = AutoArima.builder().stepwise(false).approximation(approximation == 1).parallelism(2)
                .build().fit(TimeSeries.of(y));
        FittedArima a = m.arima().orElseThrow();
        assertArrayEquals(new int[] {p, d, q}, a.order(), series + " " + a);
        boolean hasConstant = a.coefficients().containsKey("drift") || a.coefficients().containsKey("intercept");
        assertEquals(constant == 1, hasConstant, series + " constant");
        assertEquals(aicc, a.aicc(), 1e-3, series + " AICc");
    }

    @Test
    void fit_fullSearch_traceIndependentOfThreads() {
        double[] y = ReferenceSeries.wwwUsage();
        AutoArima one = AutoArima.builder().stepwise(false).parallelism(1).build();
        AutoArima three = AutoArima.builder().stepwise(false).parallelism(3).build();
        List<SearchCandidate> a = one.fit(TimeSeries.of(y)).trace();
        List<SearchCandidate> b = three.fit(TimeSeries.of(y)).trace();
        assertEquals(a, b);
        // d = 1 for WWWusage: 21 orders with p + q <= 5, each with and without drift
        assertEquals(42, a.size());
    }

    @Test
    void builder_fullSearchOptions_validated() {
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().parallelism(0));
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().maxOrder(-1));
    }
}
