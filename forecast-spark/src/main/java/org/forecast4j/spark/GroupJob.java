package org.forecast4j.spark;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.XregForecaster;
import org.forecast4j.core.arima.select.AutoArimaModel;
import org.forecast4j.core.backtest.Backtest;
import org.forecast4j.core.backtest.BacktestResult;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;

/**
 * The per-key work shipped to executors: rebuilds the forecasters from their JSON specs, assembles each key's
 * sorted rows into a series and emits forecast, model or backtest rows. Every failure of one key becomes a
 * status row. Input rows are {@code (key_1..key_k, time: LocalDateTime, value: Double)}, followed when there are
 * regressors by {@code (future: Boolean, x_1..x_m: Double)}; a regression-capable model ({@link XregForecaster})
 * is then fitted with the key's regressors and forecasts with its future rows ({@link WithRegressors}).
 */
final class GroupJob implements FlatMapGroupsFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    enum Mode { FORECAST, MODELS, BACKTEST }

    private final Mode mode;
    private final ForecasterSpec spec;
    private final ForecasterSpec fallback;
    private final String frequency;
    private final int period;
    private final int horizon;
    private final double[] levels;
    private final int keyCount;
    private final int initialWindow;
    private final int step;
    private final List<String> regressors;
    private final boolean modelJson;
    private transient SeriesAssembler assembler;

    GroupJob(Mode mode, ForecasterSpec spec, ForecasterSpec fallback, String frequency, int period, int horizon,
            double[] levels, int keyCount, int initialWindow, int step, List<String> regressors,
            boolean modelJson) {
        this.mode = mode;
        this.spec = spec;
        this.fallback = fallback;
        this.frequency = frequency;
        this.period = period;
        this.horizon = horizon;
        this.levels = levels.clone();
        this.keyCount = keyCount;
        this.initialWindow = initialWindow;
        this.step = step;
        this.regressors = List.copyOf(regressors);
        this.modelJson = modelJson;
    }

    /** Extracts the key columns of an input row. */
    static final class KeyOf implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final int keyCount;

        KeyOf(int keyCount) {
            this.keyCount = keyCount;
        }

        @Override
        public Row call(Row r) {
            Object[] k = new Object[keyCount];
            for (int i = 0; i < keyCount; i++) {
                k[i] = r.get(i);
            }
            return RowFactory.create(k);
        }
    }

    @Override
    public Iterator<Row> call(Row key, Iterator<Row> rows) {
        int m = regressors.size();
        if (assembler == null) {
            assembler = new SeriesAssembler(Frequency.parse(frequency), period, m);
        }
        SeriesAssembler a = assembler;
        a.clear();
        while (rows.hasNext()) {
            Row r = rows.next();
            Object t = r.get(keyCount);
            Object y = r.get(keyCount + 1);
            double v = y == null ? Double.NaN : ((Number) y).doubleValue();
            if (m == 0) {
                a.add((LocalDateTime) t, v);
                continue;
            }
            a.add((LocalDateTime) t, v, r.getBoolean(keyCount + 2));
            for (int j = 0; j < m; j++) {
                Object x = r.get(keyCount + 3 + j);
                if (x != null) {
                    a.regressor(j, ((Number) x).doubleValue());
                }
            }
        }
        String name = keyName(key);
        TimeSeries series;
        Forecaster main;
        Forecaster fb;
        try {
            series = a.build(name);
            main = spec.forecaster();
            fb = fallback == null ? null : fallback.forecaster();
            if (m > 0) {
                double[][] table = a.regressors(mode == Mode.FORECAST ? horizon : 0);
                // the driver checked that the main model takes regressors; a fallback that does not ignores them
                main = new WithRegressors((XregForecaster) main, regressors, table, series);
                if (fb instanceof XregForecaster) {
                    fb = new WithRegressors((XregForecaster) fb, regressors, table, series);
                }
            }
        } catch (RuntimeException e) {
            return failure(key, spec.forecaster().name(), describe(e));
        }
        switch (mode) {
            case FORECAST:
                return forecast(key, series, main, fb);
            case MODELS:
                return model(key, series, main, fb);
            default:
                return backtest(key, series, main);
        }
    }

    private Iterator<Row> forecast(Row key, TimeSeries s, Forecaster main, Forecaster fb) {
        List<Level> lv = Level.of(levels);
        RuntimeException error;
        try {
            return forecastRows(key, s, main.fit(s).forecast(horizon, lv), "OK", null);
        } catch (RuntimeException e) {
            error = e;
        }
        // same statuses and reasons as the core panel engine (PanelForecaster)
        String reason = describe(error);
        if (fb == null) {
            return failure(key, main.name(), reason);
        }
        try {
            return forecastRows(key, s, fb.fit(s).forecast(horizon, lv), "FALLBACK", reason);
        } catch (RuntimeException e) {
            return failure(key, main.name(), reason + "; fallback " + fb.name() + " failed too: " + describe(e));
        }
    }

    private Iterator<Row> forecastRows(Row key, TimeSeries s, Forecast f, String status, String reason) {
        List<LocalDateTime> times = f.timestamps();
        double[] mean = f.mean();
        List<Level> lv = f.levels();
        double[][] lo = new double[lv.size()][];
        double[][] hi = new double[lv.size()][];
        for (int j = 0; j < lv.size(); j++) {
            lo[j] = f.lower(lv.get(j));
            hi[j] = f.upper(lv.get(j));
        }
        List<Row> out = new ArrayList<>(mean.length);
        for (int i = 0; i < mean.length; i++) {
            Object[] v = new Object[keyCount + 3 + 2 * lv.size() + 3];
            int c = copyKey(key, v);
            v[c++] = times.get(i);
            v[c++] = i + 1;
            v[c++] = mean[i];
            for (int j = 0; j < lv.size(); j++) {
                v[c++] = lo[j][i];
                v[c++] = hi[j][i];
            }
            v[c++] = f.model();
            v[c++] = status;
            v[c] = reason;
            out.add(RowFactory.create(v));
        }
        return out.iterator();
    }

    private Iterator<Row> model(Row key, TimeSeries s, Forecaster main, Forecaster fb) {
        String reason;
        try {
            FittedModel m = main.fit(s);
            return single(key, main.name(), "OK", m, null, s.length());
        } catch (RuntimeException e) {
            reason = describe(e);
        }
        if (fb == null) {
            return single(key, main.name(), "FAILED", null, reason, s.length());
        }
        try {
            FittedModel m = fb.fit(s);
            return single(key, fb.name(), "FALLBACK", m, reason, s.length());
        } catch (RuntimeException e) {
            return single(key, main.name(), "FAILED", null,
                    reason + "; fallback " + fb.name() + " failed too: " + describe(e), s.length());
        }
    }

    private Iterator<Row> single(Row key, String model, String status, FittedModel fit, String reason, int n) {
        Object[] v = new Object[keyCount + 5 + (modelJson ? 1 : 0)];
        int c = copyKey(key, v);
        v[c++] = model;
        v[c++] = n;
        v[c++] = fit == null ? null : fit.description();
        v[c++] = status;
        v[c++] = reason;
        if (modelJson) {
            v[c] = fit == null ? null : json(fit);
        }
        return Collections.singletonList(RowFactory.create(v)).iterator();
    }

    /** The fitted model's JSON form: ARIMA models (also inside auto-ARIMA or with regressors), else null. */
    static String json(FittedModel fit) {
        FittedModel m = fit instanceof WithRegressors.Fitted ? ((WithRegressors.Fitted) fit).model() : fit;
        if (m instanceof AutoArimaModel) {
            return ((AutoArimaModel) m).arima().map(FittedArima::toJson).orElse(null);
        }
        return m instanceof FittedArima ? ((FittedArima) m).toJson() : null;
    }

    private Iterator<Row> backtest(Row key, TimeSeries s, Forecaster main) {
        String label = main.name();
        BacktestResult r;
        try {
            Backtest bt = Backtest.builder().initialWindow(initialWindow).horizon(horizon).step(step)
                    .levels(levels).parallelism(1).build();
            r = bt.run(Map.of(label, main), s);
        } catch (RuntimeException e) {
            return metricFailure(key, label, describe(e));
        }
        Accuracy acc = r.accuracy(label);
        int folds = r.foldCount(label);
        int failed = r.failureCount(label);
        List<Row> out = new ArrayList<>();
        for (Metric m : acc.metrics()) {
            if (m.isInterval()) {
                for (Level l : acc.levels()) {
                    out.add(metricRow(key, label, m.id(), l.percent(), acc.get(m, l), folds, failed));
                }
            } else {
                out.add(metricRow(key, label, m.id(), null, acc.get(m), folds, failed));
            }
        }
        return out.iterator();
    }

    private Row metricRow(Row key, String model, String metric, Double level, MetricValue v, int folds,
            int failed) {
        Object[] o = new Object[keyCount + 7];
        int c = copyKey(key, o);
        o[c++] = model;
        o[c++] = metric;
        o[c++] = level;
        o[c++] = v.isDefined() ? v.value() : null;
        o[c++] = folds;
        o[c++] = failed;
        o[c] = v.reason().orElse(null);
        return RowFactory.create(o);
    }

    private Iterator<Row> metricFailure(Row key, String model, String reason) {
        Object[] o = new Object[keyCount + 7];
        int c = copyKey(key, o);
        o[c++] = model;
        o[c++] = null;
        o[c++] = null;
        o[c++] = null;
        o[c++] = 0;
        o[c++] = 0;
        o[c] = reason;
        return Collections.singletonList(RowFactory.create(o)).iterator();
    }

    private Iterator<Row> failure(Row key, String model, String reason) {
        switch (mode) {
            case FORECAST:
                Object[] v = new Object[keyCount + 3 + 2 * levels.length + 3];
                int c = copyKey(key, v);
                c += 3 + 2 * levels.length;
                v[c++] = model;
                v[c++] = "FAILED";
                v[c] = reason;
                return Collections.singletonList(RowFactory.create(v)).iterator();
            case MODELS:
                return single(key, model, "FAILED", null, reason, 0);
            default:
                return metricFailure(key, model, reason);
        }
    }

    private int copyKey(Row key, Object[] v) {
        for (int i = 0; i < keyCount; i++) {
            v[i] = key.get(i);
        }
        return keyCount;
    }

    static String keyName(Row key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(key.get(i));
        }
        return sb.toString();
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
