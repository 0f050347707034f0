package org.forecast4j.core.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.forecast4j.core.Checks;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;

/**
 * The mean method: every future value equals the sample mean {@code ȳ} of the observed (non-missing) values.
 * Intervals follow Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i> (3rd ed.), §5.5,
 * as R's {@code forecast::meanf}: <code>ȳ ± t<sub>n−1</sub>(0.5 + level/200) · s · √(1 + 1/n)</code> with
 * {@code s} the sample standard deviation of the observed values. As in R, {@code n} is the length of the series
 * <em>including</em> missing values (R's {@code meanf} uses {@code length(x)}), so forecasts match R on series with
 * gaps; intervals need at least two observed values.
 *
 * @since 0.1.0
 */
public final class MeanForecaster implements Forecaster {

    /**
     * Absolute accuracy of the t quantile solver. Commons Math's default (1e-9) would limit agreement with R's
     * {@code qt} to about 1e-9 relative; the quantile is computed once per forecast, so ask for near machine
     * precision.
     */
    private static final double T_QUANTILE_ACCURACY = 1e-14;

    /** Creates the forecaster; use {@link org.forecast4j.core.Forecasters#mean()}. */
    public MeanForecaster() {
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        double[] y = series.values();
        int n = 0;
        double sum = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        Checks.requireArgument(n >= 1, "mean forecaster needs at least 1 observed value, series '%s' has none",
                series.name());
        double mean = sum / n;
        double ss = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        return new Fitted(series, mean, sd, n, y.length);
    }

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public String toString() {
        return "MeanForecaster";
    }

    private static final class Fitted implements FittedModel {
        private final TimeSeries series;
        private final double mean;
        private final double sd;
        /** Number of observed values. */
        private final int n;
        /** Series length including missing values, R's {@code length(x)}. */
        private final int length;

        Fitted(TimeSeries series, double mean, double sd, int n, int length) {
            this.series = series;
            this.mean = mean;
            this.sd = sd;
            this.n = n;
            this.length = length;
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            Checks.requirePositive(horizon, "horizon");
            Objects.requireNonNull(levels, "levels");
            Checks.requireArgument(levels.isEmpty() || n > 1,
                    "prediction intervals of the mean method need at least 2 observed values, got %d", n);
            double[] m = new double[horizon];
            Arrays.fill(m, mean);
            double[] se = null;
            double[][] lo = new double[levels.size()][horizon];
            double[][] hi = new double[levels.size()][horizon];
            if (n > 1) {
                se = new double[horizon];
                Arrays.fill(se, sd * Math.sqrt(1.0 + 1.0 / length));
                TDistribution t = new TDistribution(null, length - 1, T_QUANTILE_ACCURACY);
                for (int k = 0; k < levels.size(); k++) {
                    double w = t.inverseCumulativeProbability(0.5 + levels.get(k).percent() / 200.0) * se[0];
                    Arrays.fill(lo[k], mean - w);
                    Arrays.fill(hi[k], mean + w);
                }
            }
            return Forecast.of(description(), series, m, se, levels, lo, hi);
        }

        @Override
        public String description() {
            return "Mean";
        }

        @Override
        public TimeSeries series() {
            return series;
        }

        @Override
        public double[] fitted() {
            double[] f = new double[series.length()];
            Arrays.fill(f, mean);
            return f;
        }
    }
}
