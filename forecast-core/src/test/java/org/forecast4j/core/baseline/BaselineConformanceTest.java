package org.forecast4j.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.ReferenceCsv;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The four baselines against R. Reference: R 4.2.2, forecast 8.20 ({@code meanf}, {@code naive}, {@code snaive},
 * {@code rwf(drift = TRUE)}), script {@code src/test/resources/reference/baselines.R}, output
 * {@code reference/baselines/expected.csv}, on ecom_orders (period 7), AirPassengers (12), USAccDeaths with six
 * missing values (12), lynx (1) and a five-point quarterly series.
 */
class BaselineConformanceTest {

    /**
     * The baselines are closed-form (means, sums of squares, normal and t quantiles), so only rounding separates
     * them from R: 1e-8 relative (absolute below 1, for limits that cross zero).
     */
    private static final double REL_TOL = 1e-8;

    @TestFactory
    List<DynamicTest> forecasts_matchR() {
        ReferenceCsv ref = ReferenceCsv.load("/reference/baselines/expected.csv");
        Set<String> cases = new LinkedHashSet<>();
        for (int i = 0; i < ref.size(); i++) {
            cases.add(ref.text(i, "series") + "," + ref.text(i, "method"));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String c : cases) {
            String[] sm = c.split(",");
            tests.add(DynamicTest.dynamicTest(sm[1] + " on " + sm[0], () -> check(ref, sm[0], sm[1])));
        }
        assertEquals(20, tests.size(), "5 series x 4 methods");
        return tests;
    }

    private static void check(ReferenceCsv ref, String series, String method) {
        int first = -1;
        int h = 0;
        for (int i = 0; i < ref.size(); i++) {
            if (ref.text(i, "series").equals(series) && ref.text(i, "method").equals(method)) {
                if (first < 0) {
                    first = i;
                }
                h++;
            }
        }
        int period = (int) ref.number(first, "period");
        double[] y = ReferenceCsv.load("/reference/baselines/" + series + ".csv").column("y");
        TimeSeries ts = TimeSeries.builder(y).frequency(Frequency.INDEX).period(period).name(series).build();
        Forecast f = forecaster(method).fit(ts).forecast(h, 80, 95);
        double[][] mine = {f.mean(), f.lower(80), f.upper(80), f.lower(95), f.upper(95)};
        String[] cols = {"mean", "lo80", "hi80", "lo95", "hi95"};
        for (int c = 0; c < cols.length; c++) {
            for (int s = 0; s < h; s++) {
                double r = ref.number(first + s, cols[c]);
                double tol = REL_TOL * Math.max(1.0, Math.abs(r));
                assertTrue(Math.abs(mine[c][s] - r) <= tol, String.format(Locale.ROOT,
                        "%s on %s, %s at step %d: forecast4j %.17g, R %.17g", method, series, cols[c], s + 1,
                        mine[c][s], r));
            }
        }
    }

    private static Forecaster forecaster(String method) {
        switch (method) {
            case "mean":
                return Forecasters.mean();
            case "naive":
                return Forecasters.naive();
            case "snaive":
                return Forecasters.seasonalNaive();
            case "drift":
                return Forecasters.drift();
            default:
                throw new IllegalArgumentException(method);
        }
    }
}
