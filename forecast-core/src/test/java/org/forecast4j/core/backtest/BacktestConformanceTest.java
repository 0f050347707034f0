package org.forecast4j.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.ReferenceCsv;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.metrics.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rolling-origin errors against R's {@code tsCV}. Reference: R 4.2.2, forecast 8.20, script
 * {@code src/test/resources/reference/backtest.R} ({@code tsCV(initial = 59)} and {@code tsCV(window = 60)} of
 * snaive and rwf(drift = TRUE) with h = 7 on the first 100 days of ecom_orders).
 */
class BacktestConformanceTest {

    /** Errors are differences of closed-form forecasts (see BaselineConformanceTest) and data of order 1e3. */
    private static final double TOL = 1e-8;

    @ParameterizedTest
    @EnumSource(WindowType.class)
    void foldErrors_matchTsCV(WindowType window) {
        double[] y = Arrays.copyOf(ReferenceCsv.load("/reference/baselines/ecom_orders.csv").column("y"), 100);
        TimeSeries series = TimeSeries.builder(y).period(7).name("ecom_orders").build();
        Map<String, Forecaster> models = new LinkedHashMap<>();
        models.put("snaive", Forecasters.seasonalNaive());
        models.put("drift", Forecasters.drift());
        BacktestResult r = Backtest.builder().initialWindow(60).horizon(7).window(window).levels().build()
                .run(models, series);

        ReferenceCsv ref = ReferenceCsv.load("/reference/backtest/tscv_errors.csv");
        String w = window == WindowType.EXPANDING ? "expanding" : "sliding";
        for (String model : models.keySet()) {
            // errors by origin (training length) and step
            Map<Integer, double[]> expected = new HashMap<>();
            for (int i = 0; i < ref.size(); i++) {
                if (ref.text(i, "window").equals(w) && ref.text(i, "model").equals(model)) {
                    int origin = (int) ref.number(i, "origin");
                    expected.computeIfAbsent(origin, k -> new double[7])[(int) ref.number(i, "step") - 1] =
                            ref.number(i, "error");
                }
            }
            List<FoldResult> folds = r.folds(model, "ecom_orders");
            assertEquals(expected.size(), folds.size(), model + " fold count");
            double sumAbs = 0;
            double[] stepAbs = new double[7];
            for (FoldResult f : folds) {
                double[] e = expected.get(f.fold().trainEnd());
                double[] actual = f.actual().values();
                double[] mean = f.forecast().orElseThrow().mean();
                assertEquals(window == WindowType.SLIDING ? 60 : f.fold().trainEnd(), f.fold().trainLength());
                for (int s = 0; s < 7; s++) {
                    assertEquals(e[s], actual[s] - mean[s], TOL, model + " origin " + f.fold().trainEnd());
                    sumAbs += Math.abs(e[s]);
                    stepAbs[s] += Math.abs(e[s]);
                }
            }
            // MAE over all folds and steps, and per step, from R's errors
            assertEquals(sumAbs / (7.0 * folds.size()), r.accuracy(model).get(Metric.MAE).value(), TOL);
            for (int s = 0; s < 7; s++) {
                assertEquals(stepAbs[s] / folds.size(), r.accuracy(model, s + 1).get(Metric.MAE).value(), TOL);
            }
        }
    }
}
