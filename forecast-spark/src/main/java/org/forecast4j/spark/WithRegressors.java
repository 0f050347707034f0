package org.forecast4j.spark;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.arima.XregForecaster;
import org.forecast4j.core.arima.XregModel;

/**
 * One key's regression-capable forecaster bound to that key's regressor table, so that it is a plain
 * {@link Forecaster}: {@link #fit} passes the regressor rows of the training window (any window of the key's
 * series, as the core {@link org.forecast4j.core.backtest.Backtest} makes them) and the fitted model's
 * {@link FittedModel#forecast(int, List)} passes the rows of the periods that follow it. The table starts at the
 * series' first period and may extend past its end with the future rows.
 */
final class WithRegressors implements Forecaster {

    private final XregForecaster inner;
    private final List<String> names;
    private final double[][] table;
    private final TimeSeries full;

    /**
     * @param inner the model
     * @param names regressor names
     * @param table {@code table[j][t]}, t counted from the first period of {@code full}. Not modified (kept).
     * @param full  the key's whole observed series
     */
    WithRegressors(XregForecaster inner, List<String> names, double[][] table, TimeSeries full) {
        this.inner = inner;
        this.names = names;
        this.table = table;
        this.full = full;
    }

    @Override
    public Fitted fit(TimeSeries train) {
        // windows of the key's series keep its index labels (TimeSeries.window): the offset into the table
        long off = train.startIndex() - full.startIndex();
        if (off < 0 || off + train.length() > full.length() || !train.start().equals(full.timestamp(off))) {
            throw new IllegalArgumentException("training series starting at " + train.start()
                    + " is not a window of the key's series starting at " + full.start());
        }
        int from = (int) off;
        XregModel m = inner.fit(train, rows(from, train.length()));
        return new Fitted(m, from + train.length());
    }

    @Override
    public String name() {
        return inner.name();
    }

    private Regressors rows(int from, int count) {
        double[][] c = new double[table.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = Arrays.copyOfRange(table[j], from, from + count);
        }
        return Regressors.of(names, c);
    }

    /** The fitted model and where its training window ends in the table. */
    final class Fitted implements FittedModel {
        private final XregModel model;
        private final int end;

        Fitted(XregModel model, int end) {
            this.model = model;
            this.end = end;
        }

        /** The underlying model fitted with regressors. */
        XregModel model() {
            return model;
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            if (horizon <= 0) {
                throw new IllegalArgumentException("horizon must be > 0, got " + horizon);
            }
            int known = table[0].length - end;
            if (known < horizon) {
                LocalDateTime missing = full.timestamp((long) end + known);
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "regressors %s have future values for %d of the %d periods after %s: no future row at %s",
                        names, known, horizon, full.timestamp(end - 1L), missing));
            }
            return model.forecast(horizon, levels, rows(end, horizon));
        }

        @Override
        public String description() {
            return model.description();
        }

        @Override
        public TimeSeries series() {
            return model.series();
        }

        @Override
        public double[] fitted() {
            return model.fitted();
        }

        @Override
        public double[] residuals() {
            return model.residuals();
        }
    }
}
