package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.stats.BoxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FittedArima#ljungBox(int)} against R 4.2.2: {@code Box.test(residuals(arima(..., method = "ML"))[-(1:(d +
 * D*s))], lag = 10, fitdf = p + q + P + Q, type = "Ljung-Box")}, field {@code ljung_box_trim_fitdf} of
 * ../shared/conformance (script ../shared/ref/r_ref.R), copied to reference/conformance/ljung_box.csv by
 * extract_ljung_box.py.
 */
class FittedArimaLjungBoxTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = FittedArimaLjungBoxTest.class.getClassLoader()
                .getResourceAsStream("reference/conformance/ljung_box.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(Arguments.of(lines[i].trim()));
                }
            }
        }
        return out.stream();
    }

    private static ArimaConformanceTest.Case conformanceCase(String series, String model) throws IOException {
        for (Object[] a : ArimaConformanceTest.cases().map(Arguments::get).toArray(Object[][]::new)) {
            ArimaConformanceTest.Case c = new ArimaConformanceTest.Case((String) a[0]);
            if (c.series.equals(series) && c.model.equals(model)) {
                return c;
            }
        }
        throw new IllegalStateException("no spec for " + series + " " + model);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ljungBox_conformanceCase_matchesR(String line) throws IOException {
        String[] f = line.split(",");
        ArimaConformanceTest.Case c = conformanceCase(f[0], f[1]);
        FittedArima fit = c.spec(ArimaMethod.ML).fit(c.series());
        BoxTest.Result lb = fit.ljungBox(Integer.parseInt(f[2]));
        assertEquals(Integer.parseInt(f[4]), lb.df(), "df");
        // The residuals come from our ML optimum, which agrees with R's to ~1e-3 in the coefficients (the
        // conformance tolerance) and sits higher on flat likelihoods; the statistic is a smooth function of them,
        // so it agrees to a few percent of its size and the p-value to a few hundredths.
        double ref = Double.parseDouble(f[3]);
        assertEquals(ref, lb.statistic(), 0.03 * Math.max(1, ref), c.series + " " + c.model + " statistic");
        assertEquals(Double.parseDouble(f[5]), lb.pValue(), 0.02, c.series + " " + c.model + " p-value");
    }

    @Test
    void ljungBox_defaultLag_followsCheckresiduals() throws IOException {
        // R forecast 8.20 checkresiduals: lag = min(2m, round(n/5)) for m > 1, min(10, round(n/5)) otherwise,
        // then max(fitdf + 3, lag)
        ArimaConformanceTest.Case seasonal = conformanceCase("public/sarima100_110_7_n200", "spec");
        FittedArima s = seasonal.spec(ArimaMethod.ML).fit(seasonal.series());
        assertEquals(14, s.ljungBox().lag());
        assertEquals(12, s.ljungBox().df()); // fitdf = p + P = 2
        ArimaConformanceTest.Case ar = conformanceCase("public/arima512_n200", "spec");
        FittedArima a = ar.spec(ArimaMethod.ML).fit(ar.series());
        assertEquals(10, a.ljungBox().lag());
        assertEquals(3, a.ljungBox().df());
        // n = 30 gives round(30/5) = 6 < 10; with fitdf 1 the lag stays 6
        TimeSeries shortSeries = TimeSeries.builder(java.util.Arrays.copyOf(ar.series().values(), 30)).build();
        FittedArima shortFit = Arima.of(1, 0, 0).fit(shortSeries);
        assertEquals(6, shortFit.ljungBox().lag());
        assertEquals(5, shortFit.ljungBox().df());
    }

    @Test
    void ljungBox_lagNotAboveFitdf_throwsNamingLag() throws IOException {
        ArimaConformanceTest.Case ar = conformanceCase("public/arima512_n200", "spec");
        FittedArima a = ar.spec(ArimaMethod.ML).fit(ar.series());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.ljungBox(7));
        assertTrue(e.getMessage().contains("lag must be > p + q + P + Q = 7, got 7"), e.getMessage());
    }
}
