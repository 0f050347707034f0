package org.forecast4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Level;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.AutoArimaModel;
import org.forecast4j.core.features.FeatureSet;
import org.forecast4j.core.features.RegressorMatrix;

/**
 * A regression with ARIMA errors whose regressors are computed from the series' own timestamps by a
 * {@link FeatureSet} (calendar and promotion days), so that it is a plain {@link Forecaster}: {@link #fit} builds
 * the regressors of the training window, {@link Fitted#forecast} those of the horizon. Columns that are constant
 * over the training window (e.g. a promotion indicator before the first promotion) carry no information and would
 * be collinear with the differencing: they are dropped for that fit.
 *
 * <p>The ARIMA orders are chosen by an {@link ArimaFitter}: the demo uses auto-ARIMA with the regressors
 * ({@link #autoArima(AutoArima)}, R's {@code auto.arima(y, xreg = x)}); {@link AiccArimaSelection} chooses among a
 * fixed list of candidates instead.
 */
public final class RegressionArima implements Forecaster {

    /** Fits an ARIMA model with regressors (or without, when {@code xreg} is null). */
    @FunctionalInterface
    public interface ArimaFitter {
        /**
         * Fits a model.
         *
         * @param series the training series
         * @param xreg   regressors with one row per observation, or null for none
         * @return the fitted model
         */
        FittedArima fit(TimeSeries series, Regressors xreg);
    }

    private final FeatureSet features;
    private final ArimaFitter fitter;

    /**
     * A fitter that chooses the orders by auto-ARIMA with the regressors passed to every candidate. When auto-ARIMA
     * cannot fit any ARIMA (and would fall back to a baseline), the fit fails with a {@link ModelFitException}
     * carrying its reason, so that the backtest records the failure and the demo does not choose this model for that
     * series.
     *
     * @param auto the auto-ARIMA forecaster
     * @return the fitter
     */
    public static ArimaFitter autoArima(AutoArima auto) {
        Objects.requireNonNull(auto, "auto");
        return (y, x) -> {
            AutoArimaModel m = x == null ? auto.fit(y) : auto.fit(y, x);
            return m.arima().orElseThrow(() -> new ModelFitException("auto-ARIMA found no ARIMA model ("
                    + m.fallbackReason() + ")"));
        };
    }

    /**
     * A forecaster.
     *
     * @param features regressors computed from timestamps (calendar, event days); must extend to any horizon
     * @param fitter   chooses and fits the ARIMA model
     */
    public RegressionArima(FeatureSet features, ArimaFitter fitter) {
        this.features = Objects.requireNonNull(features, "features");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    @Override
    public Fitted fit(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        RegressorMatrix x = features.matrix(series);
        List<String> kept = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (String name : x.names()) {
            double[] c = x.column(name);
            if (!constant(c)) {
                kept.add(name);
                cols.add(c);
            }
        }
        Regressors xreg = kept.isEmpty() ? null : Regressors.of(kept, cols.toArray(new double[0][]));
        return new Fitted(fitter.fit(series, xreg), x, kept);
    }

    private static boolean constant(double[] c) {
        for (double v : c) {
            if (v != c[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return "arima";
    }

    @Override
    public String toString() {
        return "RegressionArima" + features.names();
    }

    /** The fitted regression with ARIMA errors; forecasts compute the regressors of the horizon. */
    public static final class Fitted implements FittedModel {
        private final FittedArima arima;
        private final RegressorMatrix training;
        private final List<String> kept;

        Fitted(FittedArima arima, RegressorMatrix training, List<String> kept) {
            this.arima = arima;
            this.training = training;
            this.kept = List.copyOf(kept);
        }

        /**
         * The fitted ARIMA model.
         *
         * @return the model
         */
        public FittedArima arima() {
            return arima;
        }

        /**
         * Names of the regressors used (the non-constant ones).
         *
         * @return unmodifiable list
         */
        public List<String> regressors() {
            return kept;
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            if (kept.isEmpty()) {
                return arima.forecast(horizon, levels);
            }
            RegressorMatrix f = training.future(horizon);
            double[][] cols = new double[kept.size()][];
            for (int k = 0; k < cols.length; k++) {
                cols[k] = f.column(kept.get(k));
            }
            return arima.forecast(horizon, levels, Regressors.of(kept, cols));
        }

        @Override
        public String description() {
            return arima.toString() + (kept.isEmpty() ? "" : " xreg " + kept);
        }

        @Override
        public TimeSeries series() {
            return arima.series();
        }

        @Override
        public double[] fitted() {
            return arima.fitted();
        }
    }
}
