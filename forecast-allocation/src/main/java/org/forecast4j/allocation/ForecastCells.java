package org.forecast4j.allocation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;

/**
 * Builds cells from a forecast: one cell per forecast step and channel, with the step's mean as the baseline and
 * its prediction intervals turned into quantiles ({@code level} % interval → quantiles
 * {@code 0.5 ∓ level/200}, plus the mean at 0.5), a response curve per channel, and a commit date
 * {@code leadDays} before the step's date. With {@link #samplePaths(double[][])} the baselines are the empirical
 * distributions of simulated sample paths instead.
 *
 * <pre>{@code
 * Forecast f = Forecasters.seasonalNaive().fit(orders).forecast(14, 80, 95);
 * List<Cell> cells = ForecastCells.of(f, "beauty", Map.of("search", searchCurve, "feed", feedCurve), 80, 3)
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ForecastCells {

    private final Forecast forecast;
    private final String segment;
    private final Map<String, ResponseCurve> curves;
    private final double valuePerUnit;
    private final int leadDays;
    private double maxSpend = Double.POSITIVE_INFINITY;
    private double capacity = Double.POSITIVE_INFINITY;
    private double[][] paths;

    private ForecastCells(Forecast forecast, String segment, Map<String, ResponseCurve> curves, double valuePerUnit,
                          int leadDays) {
        this.forecast = forecast;
        this.segment = segment;
        this.curves = curves;
        this.valuePerUnit = valuePerUnit;
        this.leadDays = leadDays;
    }

    /**
     * Starts building cells for one segment's forecast.
     *
     * @param forecast     the segment's forecast (means and intervals per step)
     * @param segment      segment label
     * @param curves       response curve per channel (iteration order is kept)
     * @param valuePerUnit value of one unit of outcome, &ge; 0
     * @param leadDays     booking lead time in days, &ge; 0 (commit date = step date − lead)
     * @return a builder-like object; call {@link #build()}
     * @throws IllegalArgumentException on an empty curve map or negative values
     */
    public static ForecastCells of(Forecast forecast, String segment, Map<String, ResponseCurve> curves,
                                   double valuePerUnit, int leadDays) {
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(curves, "curves");
        Checks.requireArgument(!curves.isEmpty(), "curves must name at least one channel");
        Checks.requireArgument(Double.isFinite(valuePerUnit) && valuePerUnit >= 0,
                "valuePerUnit must be finite and >= 0, got %s", valuePerUnit);
        Checks.requireArgument(leadDays >= 0, "leadDays must be >= 0, got %d", leadDays);
        return new ForecastCells(forecast, segment, new LinkedHashMap<>(curves), valuePerUnit, leadDays);
    }

    /**
     * Maximum spend per cell.
     *
     * @param max &gt; 0
     * @return this
     */
    public ForecastCells maxSpend(double max) {
        Checks.requireArgument(!Double.isNaN(max) && max > 0, "maxSpend must be > 0, got %s", max);
        this.maxSpend = max;
        return this;
    }

    /**
     * Capacity on each step's outcome (shared by the channels' cells of that step only as a per-cell cap).
     *
     * @param cap &gt; 0
     * @return this
     */
    public ForecastCells capacity(double cap) {
        Checks.requireArgument(!Double.isNaN(cap) && cap > 0, "capacity must be > 0, got %s", cap);
        this.capacity = cap;
        return this;
    }

    /**
     * Uses simulated sample paths instead of the intervals for the baseline distributions: step {@code h}'s
     * baseline is the empirical distribution of {@code paths[s][h]} over the paths
     * ({@link BaselineDistribution#fromSamples(double[])}, its mean the paths' average, not the forecast mean).
     * Negative values (possible with Gaussian innovations) are clipped to 0, as interval limits are.
     *
     * <pre>{@code
     * FittedArima fit = ...;
     * List<Cell> cells = ForecastCells.of(fit.forecast(14), "beauty", curves, 80, 3)
     *         .samplePaths(fit.simulate(14, 1000, 42)).build();
     * }</pre>
     *
     * @param paths {@code paths × horizon} values (e.g. {@code FittedArima.simulate}), at least one path, each with
     *              the forecast's horizon, finite. Not modified.
     * @return this
     * @throws IllegalArgumentException on no paths, a path of the wrong length or a non-finite value
     */
    public ForecastCells samplePaths(double[][] paths) {
        Objects.requireNonNull(paths, "paths");
        int horizon = forecast.mean().length;
        Checks.requireArgument(paths.length >= 1, "paths must hold >= 1 sample path, got 0");
        double[][] copy = new double[paths.length][];
        for (int s = 0; s < paths.length; s++) {
            Objects.requireNonNull(paths[s], "paths[" + s + "]");
            Checks.requireArgument(paths[s].length == horizon, "paths[%d] must have the forecast horizon %d, got %d",
                    s, horizon, paths[s].length);
            for (int h = 0; h < horizon; h++) {
                Checks.requireArgument(Double.isFinite(paths[s][h]), "paths[%d][%d] must be finite, got %s", s, h,
                        paths[s][h]);
            }
            copy[s] = paths[s].clone();
        }
        this.paths = copy;
        return this;
    }

    /**
     * Builds the cells: ids {@code segment/channel/label}, labels {@code segment}, {@code channel}, {@code date}.
     * Negative interval limits (possible with Gaussian intervals) are clipped to 0.
     *
     * @return cells, step-major then channel order
     */
    public List<Cell> build() {
        double[] mean = forecast.mean();
        List<String> labels = forecast.labels();
        List<Level> levels = forecast.levels();
        int k = levels.size();
        List<Cell> out = new ArrayList<>(mean.length * curves.size());
        for (int h = 0; h < mean.length; h++) {
            // quantiles: lower limits (widest first), the mean at 0.5, upper limits (narrowest first)
            double[] p = new double[2 * k + 1];
            double[] q = new double[2 * k + 1];
            for (int j = 0; j < k; j++) {
                Level lv = levels.get(k - 1 - j);
                p[j] = 0.5 - lv.percent() / 200;
                q[j] = Math.max(0, forecast.lower(lv)[h]);
            }
            p[k] = 0.5;
            q[k] = Math.max(0, mean[h]);
            for (int j = 0; j < k; j++) {
                Level lv = levels.get(j);
                p[k + 1 + j] = 0.5 + lv.percent() / 200;
                q[k + 1 + j] = Math.max(0, forecast.upper(lv)[h]);
            }
            double m = Math.max(0, mean[h]);
            BaselineDistribution base;
            if (paths != null) {
                double[] column = new double[paths.length];
                for (int s = 0; s < paths.length; s++) {
                    column[s] = Math.max(0, paths[s][h]);
                }
                base = BaselineDistribution.fromSamples(column);
            } else {
                base = m > 0 && Arrays.stream(q).sum() > 0
                        ? BaselineDistribution.fromQuantiles(m, p, q) : BaselineDistribution.ofMean(m);
            }
            String label = labels.get(h);
            LocalDate date = parseDate(label);
            for (Map.Entry<String, ResponseCurve> e : curves.entrySet()) {
                Map<String, String> lab = new LinkedHashMap<>();
                lab.put("segment", segment);
                lab.put("channel", e.getKey());
                lab.put("date", label);
                out.add(Cell.builder(segment + "/" + e.getKey() + "/" + label).labels(lab).baseline(base)
                        .curve(e.getValue()).valuePerUnit(valuePerUnit).capacity(capacity)
                        .spendBounds(0, maxSpend).commitBy(date == null ? null : date.minusDays(leadDays)).build());
            }
        }
        return out;
    }

    private static LocalDate parseDate(String label) {
        try {
            return LocalDate.parse(label.length() >= 10 ? label.substring(0, 10) : label);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
