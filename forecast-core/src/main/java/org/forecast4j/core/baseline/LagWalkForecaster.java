package org.forecast4j.core.baseline;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;

/**
 * The random-walk family of R's {@code forecast::lagwalk}: naive (lag 1), seasonal naive (lag m) and the random
 * walk with drift. With lag {@code L}, the fitted value of {@code y_t} is {@code y_{t−L}} (+ drift {@code b}), and
 * the {@code h}-step forecast repeats the last {@code L} observations, plus {@code k·b} where
 * {@code k = ⌊(h−1)/L⌋ + 1} is the number of whole lags ahead.
 *
 * <p>Intervals (Hyndman &amp; Athanasopoulos, <i>FPP</i> 3rd ed., §5.5, and {@code forecast.lagwalk}):
 * {@code ŷ ± z · √(σ̂² k + k² se(b)²)}, where
 * <code>σ̂² = Σ residuals² / (n<sub>r</sub> − 1<sub>b≠0</sub>)</code> over the <code>n<sub>r</sub></code> defined
 * residuals (one degree of freedom less when a drift is estimated), {@code b} is the mean lag difference and
 * {@code se(b) = s/√(n_d)} its standard error ({@code s²} = sample variance of the lag differences; 0 without
 * drift), {@code z = Φ⁻¹(0.5 + level/200)}.
 *
 * <p>Missing values are filled with the value one lag earlier, as R does.
 *
 * @since 0.1.0
 */
public final class LagWalkForecaster implements Forecaster {

    private final int lag;
    private final boolean drift;
    private final boolean seasonalFromSeries;

    private LagWalkForecaster(int lag, boolean drift, boolean seasonalFromSeries) {
        this.lag = lag;
        this.drift = drift;
        this.seasonalFromSeries = seasonalFromSeries;
    }

    /**
     * The naive method: forecasts equal the last observation.
     *
     * @return the forecaster
     */
    public static LagWalkForecaster naive() {
        return new LagWalkForecaster(1, false, false);
    }

    /**
     * The random walk with drift: the last observation plus {@code h} times the average change.
     *
     * @return the forecaster
     */
    public static LagWalkForecaster drift() {
        return new LagWalkForecaster(1, true, false);
    }

    /**
     * The seasonal naive method with the period of the series being fitted.
     *
     * @return the forecaster
     */
    public static LagWalkForecaster seasonalNaive() {
        return new LagWalkForecaster(0, false, true);
    }

    /**
     * The seasonal naive method with a given period.
     *
     * @param period seasonal period &ge; 1
     * @return the forecaster
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static LagWalkForecaster seasonalNaive(int period) {
        return new LagWalkForecaster(Checks.requirePositive(period, "period"), false, false);
    }

    /**
     * Returns a copy with (or without) a drift term.
     *
     * @param withDrift whether to estimate a drift
     * @return the forecaster
     */
    public LagWalkForecaster withDrift(boolean withDrift) {
        return new LagWalkForecaster(lag, withDrift, seasonalFromSeries);
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        int l = seasonalFromSeries ? series.period() : lag;
        double[] y = series.values();
        int n = y.length;
        int minLength = drift ? l + 2 : l + 1;
        Checks.requireArgument(n >= minLength, "%s needs at least %d observations (lag %d), series '%s' has %d",
                label(l), minLength, l, series.name(), n);
        // fill missing values with the value one lag earlier (R lagwalk)
        double[] filled = y.clone();
        for (int i = l; i < n; i++) {
            if (Double.isNaN(filled[i])) {
                filled[i] = filled[i - l];
            }
        }
        // lag differences d_t = y_t - filled_{t-L}
        double sum = 0;
        int nd = 0;
        for (int t = l; t < n; t++) {
            double d = y[t] - filled[t - l];
            if (!Double.isNaN(d)) {
                sum += d;
                nd++;
            }
        }
        Checks.requireArgument(nd >= (drift ? 2 : 1),
                "%s needs at least %d observed lag-%d differences, series '%s' has %d", label(l), drift ? 2 : 1, l,
                series.name(), nd);
        double b = 0;
        double bSe = 0;
        if (drift) {
            b = sum / nd;
            double ss = 0;
            for (int t = l; t < n; t++) {
                double d = y[t] - filled[t - l];
                if (!Double.isNaN(d)) {
                    ss += (d - b) * (d - b);
                }
            }
            // lm(d ~ 1): residual standard error with nd - 1 degrees of freedom, se(b) = s / sqrt(nd)
            bSe = Math.sqrt(ss / (nd - 1)) / Math.sqrt(nd);
        }
        double[] fitted = new double[n];
        double mse = 0;
        int nr = 0;
        for (int t = 0; t < n; t++) {
            if (t < l) {
                fitted[t] = Double.NaN;
                continue;
            }
            fitted[t] = filled[t - l] + b;
            double r = y[t] - fitted[t];
            if (!Double.isNaN(r)) {
                mse += r * r;
                nr++;
            }
        }
        // R forecast.lagwalk: sum(res^2) / (number of residuals - 1 if a non-zero drift was estimated)
        mse /= nr - (b != 0 ? 1 : 0);
        double[] future = new double[l];
        for (int j = 0; j < l; j++) {
            future[j] = filled[n - l + j];
        }
        for (int j = 0; j < l; j++) {
            Checks.requireArgument(!Double.isNaN(future[j]),
                    "%s cannot forecast series '%s': no observation in season position %d of the last %d", label(l),
                    series.name(), j + 1, l);
        }
        return new Fitted(series, label(l), l, b, bSe, mse, future, fitted);
    }

    private String label(int l) {
        if (l == 1) {
            return drift ? "Random walk with drift" : "Naive method";
        }
        return String.format(Locale.ROOT, "Seasonal naive method (period %d)%s", l, drift ? " with drift" : "");
    }

    @Override
    public String name() {
        if (seasonalFromSeries || lag > 1) {
            return drift ? "snaive-drift" : "snaive";
        }
        return drift ? "drift" : "naive";
    }

    @Override
    public String toString() {
        return "LagWalkForecaster[" + name() + (seasonalFromSeries ? "" : ", lag=" + lag) + "]";
    }

    private static final class Fitted implements FittedModel {
        private final TimeSeries series;
        private final String description;
        private final int lag;
        private final double drift;
        private final double driftSe;
        private final double mse;
        private final double[] future;
        private final double[] fitted;

        Fitted(TimeSeries series, String description, int lag, double drift, double driftSe, double mse,
               double[] future, double[] fitted) {
            this.series = series;
            this.description = description;
            this.lag = lag;
            this.drift = drift;
            this.driftSe = driftSe;
            this.mse = mse;
            this.future = future;
            this.fitted = fitted;
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            Checks.requirePositive(horizon, "horizon");
            Objects.requireNonNull(levels, "levels");
            double[] mean = new double[horizon];
            double[] se = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                int k = i / lag + 1; // whole lags ahead: floor((h-1)/L) + 1
                mean[i] = future[i % lag] + k * drift;
                se[i] = Math.sqrt(mse * k + (k * driftSe) * (k * driftSe));
            }
            return Forecast.normal(description, series, mean, se, levels);
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public TimeSeries series() {
            return series;
        }

        @Override
        public double[] fitted() {
            return fitted.clone();
        }
    }
}
