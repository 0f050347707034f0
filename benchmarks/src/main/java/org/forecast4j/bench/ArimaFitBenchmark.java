package org.forecast4j.bench;

import java.util.concurrent.TimeUnit;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;
import org.forecast4j.core.arima.FittedArima;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole ARIMA fit (optimisation, Hessian standard errors, final filter), as R's {@code stats::arima}:
 * ARIMA(5,1,2) on n = 1000 ({@code arima512}, the series of ../shared/conformance public/arima512_n1000) and
 * ARIMA(1,1,1)(0,1,1)[7] on a daily e-commerce series, n = 730 ({@code sarima7}, timing_ecom/ecom_000), by exact
 * ML and by CSS-ML (R's default).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ArimaFitBenchmark {

    @Param({"arima512", "sarima7"})
    String model;

    @Param({"ML", "CSS_ML"})
    String method;

    TimeSeries series;
    Arima spec;

    /** Loads the series and builds the spec. */
    @Setup
    public void setup() {
        if ("arima512".equals(model)) {
            series = TimeSeries.of(BenchData.series("arima512_n1000.csv"));
            spec = Arima.of(5, 1, 2);
        } else {
            series = TimeSeries.of(BenchData.series("ecom_000.csv")).withPeriod(7);
            spec = Arima.of(1, 1, 1).withSeasonal(0, 1, 1, 7);
        }
        spec = spec.withMethod(ArimaMethod.valueOf(method));
    }

    /**
     * One fit.
     *
     * @return the fitted model
     */
    @Benchmark
    public FittedArima fit() {
        return spec.fit(series);
    }
}
