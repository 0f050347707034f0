package org.forecast4j.core.backtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;

/**
 * The result of {@link Backtest#run}: accuracy per model (pooled over every series, fold and step), per model and
 * horizon step, per model and series, plus every fold's forecast and actuals and the folds on which a model
 * failed. Metrics pool observations as {@link Accuracy.Accumulator} does: each observed (series, fold, step)
 * counts once, failed folds are left out (see {@link #failures()}).
 *
 * <p>Immutable; its order (models as given, series as given, folds in time order) does not depend on the number
 * of threads the backtest ran on.
 *
 * @since 0.1.0
 */
public final class BacktestResult {

    private final Backtest backtest;
    private final List<String> models;
    private final List<String> seriesKeys;
    private final Map<String, String> skippedSeries;
    /** All fold results, ordered by series, then fold, then model. */
    private final List<FoldResult> folds;
    /** Fold results by model, then series key, each list in time order. */
    private final Map<String, Map<String, List<FoldResult>>> byModelAndSeries;
    private final Map<String, Accuracy> overall;
    private final Map<String, List<Accuracy>> byStep;

    BacktestResult(Backtest backtest, List<String> models, List<String> seriesKeys, Map<String, String> skipped,
                   List<FoldResult> folds) {
        this.backtest = backtest;
        this.models = Collections.unmodifiableList(new ArrayList<>(models));
        this.seriesKeys = Collections.unmodifiableList(new ArrayList<>(seriesKeys));
        this.skippedSeries = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        this.folds = Collections.unmodifiableList(new ArrayList<>(folds));
        Map<String, Map<String, List<FoldResult>>> index = new LinkedHashMap<>();
        for (String m : models) {
            Map<String, List<FoldResult>> perSeries = new LinkedHashMap<>();
            for (String k : seriesKeys) {
                perSeries.put(k, new ArrayList<>());
            }
            index.put(m, perSeries);
        }
        for (FoldResult f : folds) {
            index.get(f.model()).get(f.seriesKey()).add(f);
        }
        for (Map<String, List<FoldResult>> perSeries : index.values()) {
            perSeries.replaceAll((k, v) -> Collections.unmodifiableList(v));
        }
        this.byModelAndSeries = index;
        Map<String, Accuracy> ov = new LinkedHashMap<>();
        Map<String, List<Accuracy>> bs = new LinkedHashMap<>();
        int h = backtest.horizon();
        for (String m : models) {
            Accuracy.Accumulator all = Accuracy.accumulator(backtest.metrics(), backtest.levels());
            List<Accuracy.Accumulator> steps = new ArrayList<>(h);
            for (int i = 0; i < h; i++) {
                steps.add(Accuracy.accumulator(backtest.metrics(), backtest.levels()));
            }
            for (FoldResult f : folds) {
                if (f.model().equals(m) && f.succeeded()) {
                    addSteps(f, all, steps);
                }
            }
            ov.put(m, all.result());
            List<Accuracy> r = new ArrayList<>(h);
            for (Accuracy.Accumulator a : steps) {
                r.add(a.result());
            }
            bs.put(m, Collections.unmodifiableList(r));
        }
        this.overall = Collections.unmodifiableMap(ov);
        this.byStep = Collections.unmodifiableMap(bs);
    }

    private void addSteps(FoldResult f, Accuracy.Accumulator all, List<Accuracy.Accumulator> steps) {
        List<Level> levels = backtest.levels();
        Forecast fc = f.forecast().orElseThrow();
        double[] y = f.actual().values();
        double[] mean = fc.mean();
        double[][] lo = new double[levels.size()][];
        double[][] hi = new double[levels.size()][];
        for (int k = 0; k < levels.size(); k++) {
            lo[k] = fc.lower(levels.get(k));
            hi[k] = fc.upper(levels.get(k));
        }
        String origin = origin(f);
        double[] l = new double[levels.size()];
        double[] u = new double[levels.size()];
        for (int t = 0; t < y.length; t++) {
            for (int k = 0; k < l.length; k++) {
                l[k] = lo[k][t];
                u[k] = hi[k][t];
            }
            if (all != null) {
                all.add(origin, t, y[t], mean[t], l, u, f.scale());
            }
            if (steps != null) {
                steps.get(t).add(origin, t, y[t], mean[t], l, u, f.scale());
            }
        }
    }

    private String origin(FoldResult f) {
        return seriesKeys.size() > 1 ? String.format(Locale.ROOT, "series '%s', fold %d", f.seriesKey(),
                f.fold().index() + 1) : "fold " + (f.fold().index() + 1);
    }

    /**
     * The configuration that produced this result.
     *
     * @return the backtest
     */
    public Backtest backtest() {
        return backtest;
    }

    /**
     * Model names, in the order given.
     *
     * @return unmodifiable list
     */
    public List<String> models() {
        return models;
    }

    /**
     * Keys of the evaluated series, in order (a single series is keyed by its name, or {@code "series"}).
     *
     * @return unmodifiable list
     */
    public List<String> seriesKeys() {
        return seriesKeys;
    }

    /**
     * Panel series too short for even one fold, with the reason.
     *
     * @return unmodifiable map key → reason, in panel order
     */
    public Map<String, String> skippedSeries() {
        return skippedSeries;
    }

    /**
     * Forecast horizon of every fold.
     *
     * @return h
     */
    public int horizon() {
        return backtest.horizon();
    }

    /**
     * Interval levels of the interval metrics.
     *
     * @return levels, ascending
     */
    public List<Level> levels() {
        return backtest.levels();
    }

    /**
     * The metrics computed.
     *
     * @return metrics
     */
    public Set<Metric> metrics() {
        return backtest.metrics();
    }

    /**
     * Every fold result, ordered by series, then fold, then model.
     *
     * @return unmodifiable list
     */
    public List<FoldResult> folds() {
        return folds;
    }

    /**
     * The fold results of one model on one series, in time order.
     *
     * @param model     a model name
     * @param seriesKey a series key
     * @return unmodifiable list
     * @throws IllegalArgumentException if the model or series is unknown
     */
    public List<FoldResult> folds(String model, String seriesKey) {
        requireModel(model);
        requireSeries(seriesKey);
        return byModelAndSeries.get(model).get(seriesKey);
    }

    /**
     * The folds on which a model failed (fit or forecast threw), in order.
     *
     * @return unmodifiable list
     */
    public List<FoldResult> failures() {
        List<FoldResult> out = new ArrayList<>();
        for (FoldResult f : folds) {
            if (!f.succeeded()) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Number of folds on which a model failed.
     *
     * @param model a model name
     * @return failed fold count
     * @throws IllegalArgumentException if the model is unknown
     */
    public int failureCount(String model) {
        requireModel(model);
        int c = 0;
        for (FoldResult f : folds) {
            if (!f.succeeded() && f.model().equals(model)) {
                c++;
            }
        }
        return c;
    }

    /**
     * Number of folds a model was run on (successful or not), over all series.
     *
     * @param model a model name
     * @return fold count
     * @throws IllegalArgumentException if the model is unknown
     */
    public int foldCount(String model) {
        requireModel(model);
        int c = 0;
        for (FoldResult f : folds) {
            if (f.model().equals(model)) {
                c++;
            }
        }
        return c;
    }

    /**
     * Accuracy of a model pooled over every series, fold and horizon step.
     *
     * @param model a model name
     * @return the metrics (undefined with a reason where they cannot be computed, e.g. every fold failed)
     * @throws IllegalArgumentException if the model is unknown
     */
    public Accuracy accuracy(String model) {
        requireModel(model);
        return overall.get(model);
    }

    /**
     * Accuracy of a model at one horizon step, pooled over every series and fold.
     *
     * @param model a model name
     * @param step  horizon step, 1..h
     * @return the metrics
     * @throws IllegalArgumentException if the model is unknown or the step is out of range
     */
    public Accuracy accuracy(String model, int step) {
        requireModel(model);
        requireStep(step);
        return byStep.get(model).get(step - 1);
    }

    /**
     * Accuracy of a model on one series, pooled over its folds and steps.
     *
     * @param model     a model name
     * @param seriesKey a series key
     * @return the metrics
     * @throws IllegalArgumentException if the model or series is unknown
     */
    public Accuracy accuracy(String model, String seriesKey) {
        Accuracy.Accumulator a = Accuracy.accumulator(backtest.metrics(), backtest.levels());
        for (FoldResult f : folds(model, seriesKey)) {
            if (f.succeeded()) {
                addSteps(f, a, null);
            }
        }
        return a.result();
    }

    /**
     * Accuracy of a model on one series at one horizon step, over its folds.
     *
     * @param model     a model name
     * @param seriesKey a series key
     * @param step      horizon step, 1..h
     * @return the metrics
     * @throws IllegalArgumentException if the model or series is unknown, or the step is out of range
     */
    public Accuracy accuracy(String model, String seriesKey, int step) {
        requireStep(step);
        List<Accuracy.Accumulator> steps = new ArrayList<>(horizon());
        for (int i = 0; i < horizon(); i++) {
            steps.add(Accuracy.accumulator(backtest.metrics(), backtest.levels()));
        }
        for (FoldResult f : folds(model, seriesKey)) {
            if (f.succeeded()) {
                addSteps(f, null, steps);
            }
        }
        return steps.get(step - 1).result();
    }

    private void requireModel(String model) {
        Objects.requireNonNull(model, "model");
        Checks.requireArgument(overall.containsKey(model), "no model named '%s'; models: %s", model, models);
    }

    private void requireSeries(String key) {
        Objects.requireNonNull(key, "seriesKey");
        Checks.requireArgument(byModelAndSeries.get(models.get(0)).containsKey(key),
                "no evaluated series with key '%s'%s", key,
                skippedSeries.containsKey(key) ? " (skipped: " + skippedSeries.get(key) + ")" : "");
    }

    private void requireStep(int step) {
        Checks.requireArgument(step >= 1 && step <= horizon(), "step must be in [1, %d], got %d", horizon(), step);
    }

    @Override
    public String toString() {
        return "BacktestResult[models=" + models + ", series=" + seriesKeys.size() + ", folds=" + folds.size()
                + ", failures=" + failures().size() + "]";
    }
}
