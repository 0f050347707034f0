package org.forecast4j.core.arima.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.arima.XregForecaster;
import org.forecast4j.core.transform.BoxCox;

/**
 * Automatic ARIMA order selection by the stepwise algorithm of Hyndman &amp; Khandakar (2008, "Automatic time
 * series forecasting: the forecast package for R", <i>Journal of Statistical Software</i> 27(3)), following
 * R's {@code forecast::auto.arima} 8.20 with {@code stepwise = TRUE}:
 * <ol>
 * <li>D by {@link UnitRootTests#nsdiffsDecision} (seasonal strength, or OCSB), d by
 * {@link UnitRootTests#ndiffsDecision} on the seasonally differenced series (KPSS);</li>
 * <li>maximum orders capped at a third of the series length (and p, q below the period when seasonal terms
 * are allowed);</li>
 * <li>with the approximation (default when n &gt; 150 or the period &gt; 12, no missing values), candidates are
 * fitted by CSS and ranked by {@code offset + n* ln σ² + 2k}, the offset coming from an exact fit of
 * ARIMA(0,d,0)(0,D,0);</li>
 * <li>start models (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and the model without
 * constant, then moves of ±1 in P, Q, (P,Q), p, q, (p,q) and toggling the constant (mean when d + D = 0, drift
 * when d + D = 1) from the best model until nothing improves or 94 models were tried;</li>
 * <li>a candidate is rejected (criterion +&infin;) when its fit fails, an AR or MA root lies within 1.01 of the
 * unit circle, or a standard error is undefined (R's {@code checkarima});</li>
 * <li>with the approximation, the candidates are refitted by CSS-ML in order of their criterion and the first
 * acceptable one is chosen.</li>
 * </ol>
 * The criterion is AICc unless set ({@link Ic}). A constant series gets ARIMA(0,0,0) with its mean; a series
 * whose differences are constant gets the matching deterministic model, as in R.
 *
 * <p>When no ARIMA can be fitted (series too short, all candidates rejected), the fit falls back to the seasonal
 * naive method (or naive, or mean, whichever the series allows) and {@link AutoArimaModel#isFallback()} says
 * so, with the reason; forecasts are never NaN.
 *
 * <p>{@link Builder#stepwise(boolean) stepwise(false)} runs R's full search instead ({@code search.arima}: every
 * model with {@code p + q + P + Q <= 5}, with and without the constant), optionally on several threads
 * ({@link Builder#parallelism(int)}); with the approximation only the best model is refitted exactly, and if
 * that refit is rejected the full search is repeated exactly.
 *
 * <p>Box–Cox: {@link Builder#lambda(double)} or {@link Builder#lambdaAuto()} (Guerrero's lambda on [−0.9, 2], R's
 * {@code lambda = "auto"}) transforms the series before the search; the chosen model carries the lambda
 * ({@link FittedArima#lambda()}), forecasts and fitted values are back-transformed, as medians or, with
 * {@link Builder#biasAdjust(boolean)}, as bias-adjusted means (R's {@code biasadj}).
 *
 * <p>Regressors: {@link #fit(TimeSeries, Regressors)} is R's {@code auto.arima(y, xreg = ...)}; every candidate is
 * a regression with ARIMA errors.
 *
 * <pre>{@code
 * AutoArimaModel m = AutoArima.builder().build().fit(series);
 * m.arima().ifPresent(a -> log.info("chosen {}", a));          // e.g. ARIMA(0,1,1)(0,1,1)[12]
 * Forecast f = m.forecast(24, 80, 95);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AutoArima implements XregForecaster {

    /** Candidates whose AR or MA roots have modulus below this are rejected (R: {@code 1 + 0.01}). */
    static final double ROOT_MARGIN = 1.01;
    /** AR/MA coefficients at or below this magnitude are ignored when trimming polynomials (R: 1e-8). */
    static final double ZERO_COEF = 1e-8;
    /** Series longer than this use the CSS approximation by default (R: {@code length(x) > 150}). */
    static final int APPROXIMATION_LENGTH = 150;
    /** Periods longer than this use the CSS approximation by default (R: {@code frequency(x) > 12}). */
    static final int APPROXIMATION_PERIOD = 12;

    private final int maxP;
    private final int maxQ;
    private final int maxSeasonalP;
    private final int maxSeasonalQ;
    private final int maxD;
    private final int maxSeasonalD;
    private final int fixedD;
    private final int fixedSeasonalD;
    private final Ic ic;
    private final boolean seasonal;
    private final Boolean approximation;
    private final SeasonalTest seasonalTest;
    private final boolean allowDrift;
    private final boolean allowMean;
    private final int maxModels;
    private final boolean stepwise;
    private final int maxOrder;
    private final int parallelism;
    private final double lambda;
    private final boolean lambdaAuto;
    private final boolean biasAdjust;

    private AutoArima(Builder b) {
        this.maxP = b.maxP;
        this.maxQ = b.maxQ;
        this.maxSeasonalP = b.maxSeasonalP;
        this.maxSeasonalQ = b.maxSeasonalQ;
        this.maxD = b.maxD;
        this.maxSeasonalD = b.maxSeasonalD;
        this.fixedD = b.d;
        this.fixedSeasonalD = b.seasonalD;
        this.ic = b.ic;
        this.seasonal = b.seasonal;
        this.approximation = b.approximation;
        this.seasonalTest = b.seasonalTest;
        this.allowDrift = b.allowDrift;
        this.allowMean = b.allowMean;
        this.maxModels = b.maxModels;
        this.stepwise = b.stepwise;
        this.maxOrder = b.maxOrder;
        this.parallelism = b.parallelism;
        this.lambda = b.lambda;
        this.lambdaAuto = b.lambdaAuto;
        this.biasAdjust = b.biasAdjust;
    }

    /**
     * A builder with R's defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "auto-arima";
    }

    @Override
    public AutoArimaModel fit(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return fitWith(series, null);
    }

    /**
     * Fits a regression with ARIMA errors, the regressors passed to every candidate, as R's
     * {@code auto.arima(y, xreg = ...)}: d and D are chosen by the unit-root tests on the residuals of a regression of
     * the series on the regressors (with intercept), and reduced by one when a regressor would be constant after
     * that many differences; the constant (mean or drift) is searched as without regressors. With a Box–Cox lambda
     * the regression is on the transformed series.
     *
     * @param series the series
     * @param xreg   regressors, one row per observation of the series (promotion dummies, holidays, Fourier terms)
     * @return the result; forecasting it needs the future regressor values
     *         ({@link AutoArimaModel#forecast(int, List, Regressors)})
     * @throws IllegalArgumentException if the regressors do not have one row per observation, a regressor is
     *                                  constant over the observations, or the regressors are rank deficient together
     *                                  with an intercept (the message names the first dependent column)
     * @since 0.1.0
     */
    @Override
    public AutoArimaModel fit(TimeSeries series, Regressors xreg) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(xreg, "xreg");
        Checks.requireArgument(xreg.length() == series.length(), "regressors have %d rows, the series has %d",
                xreg.length(), series.length());
        return fitWith(series, xreg);
    }

    /**
     * R's order of operations: leading missing values dropped, a constant series modelled untransformed, then the
     * Box–Cox transform (lambda given or Guerrero's), the search on the transformed series, and the chosen model
     * refitted with its lambda so that forecasts and fitted values are back-transformed.
     */
    private AutoArimaModel fitWith(TimeSeries series, Regressors xreg) {
        boolean boxCox = lambdaAuto || !Double.isNaN(lambda);
        double[] all = series.values();
        int first = 0;
        while (first < all.length && Double.isNaN(all[first])) {
            first++;
        }
        if (!boxCox || first == all.length) {
            return named(new Search(series, xreg).run(), xreg);
        }
        TimeSeries xs = first == 0 ? series : series.window(first, all.length);
        Regressors xr = xreg == null || first == 0 ? xreg : AutoArimaRegression.rows(xreg, first, all.length);
        if (UnitRootTests.isConstant(xs.values())) {
            // R checks for a constant series before transforming it: the constant model, untransformed
            return named(new Search(series, xreg).run(), xreg);
        }
        double lam = lambdaAuto ? BoxCox.autoLambda(xs.values(), xs.period()) : lambda;
        BoxCox bc = BoxCox.of(lam);
        TimeSeries z = xs.withValues(bc.apply(xs.values())).build();
        AutoArimaModel m = new Search(z, xr).run();
        return named(m.withBoxCox(lam, biasAdjust, xs, xr), xreg);
    }

    private static AutoArimaModel named(AutoArimaModel m, Regressors xreg) {
        return xreg == null ? m : m.withRegressors(xreg.names());
    }

    @Override
    public String toString() {
        return "AutoArima[max (" + maxP + "," + maxD + "," + maxQ + ")(" + maxSeasonalP + "," + maxSeasonalD + ","
                + maxSeasonalQ + "), ic=" + ic + ", seasonal test=" + seasonalTest
                + (lambdaAuto ? ", lambda=auto" : Double.isNaN(lambda) ? "" : ", lambda=" + lambda)
                + (biasAdjust ? ", biasadj" : "") + "]";
    }

    /** One run of the search on one series. */
    private final class Search {
        private final TimeSeries original;
        private final Regressors originalXreg;
        /** The regressors without the rows of leading missing values, or null. */
        private Regressors xr;
        private final List<SearchCandidate> trace = new ArrayList<>();
        private TimeSeries x;
        private int serieslength;
        private int m;
        private Ic criterion = ic;
        private DifferencingDecision dDecision;
        private DifferencingDecision bigDDecision;
        private boolean approx;
        private double offset;

        Search(TimeSeries series, Regressors xreg) {
            this.original = series;
            this.originalXreg = xreg;
        }

        AutoArimaModel run() {
            double[] all = original.values();
            int first = -1;
            int last = -1;
            for (int i = 0; i < all.length; i++) {
                if (!Double.isNaN(all[i])) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            if (first < 0) {
                return fallback("series has no observations");
            }
            // drop leading missing values; count observations between the first and last observed ones
            x = original.window(first, all.length);
            if (originalXreg != null) {
                xr = first == 0 ? originalXreg : AutoArimaRegression.rows(originalXreg, first, all.length);
            }
            int c = 0;
            for (int i = first; i <= last; i++) {
                if (!Double.isNaN(all[i])) {
                    c++;
                }
            }
            serieslength = c;
            double[] xv = x.values();
            if (UnitRootTests.isConstant(xv)) {
                return constantSeries(xv);
            }
            // with regressors the unit-root tests see the residuals of x on the regressors (R: xx, xregg)
            AutoArimaRegression reg = xr == null ? null : AutoArimaRegression.of(xv, xr);
            double[] xx = reg == null ? xv : reg.residuals();
            m = seasonal ? Math.max(1, x.period()) : 1;
            int mp = Math.min(maxP, serieslength / 3);
            int mq = Math.min(maxQ, serieslength / 3);
            int mP = Math.min(maxSeasonalP, serieslength / 3 / m);
            int mQ = Math.min(maxSeasonalQ, serieslength / 3 / m);
            if (serieslength <= 3) {
                criterion = Ic.AIC;
            }
            // seasonal differences
            int bigD;
            if (m == 1) {
                bigD = 0;
                mP = 0;
                mQ = 0;
            } else if (fixedSeasonalD >= 0) {
                bigD = fixedSeasonalD;
            } else if (xv.length <= 2 * m) {
                bigD = 0;
            } else {
                bigDDecision = UnitRootTests.nsdiffsDecision(xx, m, seasonalTest, maxSeasonalD);
                bigD = bigDDecision.order();
                if (bigD > 0 && reg != null && reg.constantAfterDifferencing(m, bigD, 1, 0)) {
                    bigD--;
                }
                if (bigD > 0 && allMissing(diff(xx, m, bigD))) {
                    bigD--;
                }
            }
            double[] dx = bigD > 0 ? diff(xx, m, bigD) : xx;
            // ordinary differences
            int d;
            if (fixedD >= 0) {
                d = fixedD;
            } else {
                dDecision = UnitRootTests.ndiffsDecision(dx, UnitRootTests.DEFAULT_ALPHA, Kpss.Type.LEVEL, maxD);
                d = dDecision.order();
                if (d > 0 && reg != null && reg.constantAfterDifferencing(m, bigD, 1, d)) {
                    d--;
                }
                if (d > 0 && allMissing(diff(dx, 1, d))) {
                    d--;
                }
            }
            if (d > 0) {
                dx = diff(dx, 1, d);
            }
            if (dx.length == 0) {
                return fallback("not enough data after " + d + " differences and " + bigD
                        + " seasonal differences");
            }
            if (UnitRootTests.isConstant(dx)) {
                if (xr != null) {
                    return constantRegressionErrors(d, bigD);
                }
                return constantDifferences(d, bigD, dx);
            }
            if (m > 1) {
                if (mP > 0) {
                    mp = Math.min(mp, m - 1);
                }
                if (mQ > 0) {
                    mq = Math.min(mq, m - 1);
                }
            }
            boolean hasMissing = x.missingCount() > 0;
            approx = approximation != null ? approximation
                    : (x.length() > APPROXIMATION_LENGTH || x.period() > APPROXIMATION_PERIOD);
            if (approx && hasMissing) {
                // forecast4j's CSS does not skip missing values (R's does): search with exact likelihoods
                approx = false;
            }
            offset = 0;
            if (approx) {
                try {
                    Arima base = Arima.of(0, d, 0);
                    if (bigD > 0) {
                        base = base.withSeasonal(0, bigD, 0, m);
                    }
                    FittedArima f0 = xr == null ? base.fit(x) : base.fit(x, xr);
                    offset = -2 * f0.logLikelihood() - serieslength * Math.log(f0.sigma2());
                    if (!Double.isFinite(offset)) {
                        offset = 0;
                    }
                } catch (RuntimeException e) {
                    offset = 0;
                }
            }
            boolean allowD = allowDrift && d + bigD == 1;
            boolean allowM = allowMean && d + bigD == 0;
            if (!stepwise) {
                return fullSearch(d, bigD, mp, mq, mP, mQ, allowD || allowM);
            }
            return stepwise(d, bigD, mp, mq, mP, mQ, allowD, allowM);
        }

        private AutoArimaModel stepwise(int d, int bigD, int mp, int mq, int mP, int mQ, boolean allowD,
                                        boolean allowM) {
            boolean constant = allowD || allowM;
            int startP = 2;
            int startQ = 2;
            int startSP = 1;
            int startSQ = 1;
            if (x.length() < 10) {
                startP = Math.min(startP, 1);
                startQ = Math.min(startQ, 1);
                startSP = 0;
                startSQ = 0;
            }
            int p = Math.min(startP, mp);
            int q = Math.min(startQ, mq);
            int bp = Math.min(startSP, mP);
            int bq = Math.min(startSQ, mQ);
            List<SearchCandidate> results = new ArrayList<>();
            List<Fit> fits = new ArrayList<>();
            Fit best = candidate(p, d, q, bp, bigD, bq, constant, approx, results);
            fits.add(best);
            check(best, results);
            Fit fit = candidate(0, d, 0, 0, bigD, 0, constant, approx, results);
            fits.add(fit);
            if (improves(fit, best, results)) {
                best = fit;
                p = 0;
                q = 0;
                bp = 0;
                bq = 0;
            }
            if (mp > 0 || mP > 0) {
                int np = mp > 0 ? 1 : 0;
                int nP = m > 1 && mP > 0 ? 1 : 0;
                fit = candidate(np, d, 0, nP, bigD, 0, constant, approx, results);
                fits.add(fit);
                if (improves(fit, best, results)) {
                    best = fit;
                    p = np;
                    bp = nP;
                    q = 0;
                    bq = 0;
                }
            }
            if (mq > 0 || mQ > 0) {
                int nq = mq > 0 ? 1 : 0;
                int nQ = m > 1 && mQ > 0 ? 1 : 0;
                fit = candidate(0, d, nq, 0, bigD, nQ, constant, approx, results);
                fits.add(fit);
                if (improves(fit, best, results)) {
                    best = fit;
                    p = 0;
                    bp = 0;
                    bq = nQ;
                    q = nq;
                }
            }
            if (constant) {
                fit = candidate(0, d, 0, 0, bigD, 0, false, approx, results);
                fits.add(fit);
                if (improves(fit, best, results)) {
                    // as R: the constant flag of the search is not changed here
                    best = fit;
                    p = 0;
                    q = 0;
                    bp = 0;
                    bq = 0;
                }
            }
            // neighbour moves in R's order: (dp, dq, dP, dQ)
            int[][] moves = {
                {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, -1, -1}, {0, 0, -1, 1},
                {0, 0, 1, -1}, {0, 0, 1, 1}, {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
                {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
            int k = results.size();
            int startk = 0;
            outer:
            while (startk < k && k < maxModels) {
                startk = k;
                for (int[] mv : moves) {
                    int np = p + mv[0];
                    int nq = q + mv[1];
                    int nP = bp + mv[2];
                    int nQ = bq + mv[3];
                    if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > mp || nq > mq || nP > mP || nQ > mQ) {
                        continue;
                    }
                    if (!isNew(results, np, d, nq, nP, bigD, nQ, constant)) {
                        continue;
                    }
                    k++;
                    if (k > maxModels) {
                        continue outer;
                    }
                    fit = candidate(np, d, nq, nP, bigD, nQ, constant, approx, results);
                    fits.add(fit);
                    if (improves(fit, best, results)) {
                        best = fit;
                        p = np;
                        q = nq;
                        bp = nP;
                        bq = nQ;
                        continue outer;
                    }
                }
                if (allowD || allowM) {
                    if (isNew(results, p, d, q, bp, bigD, bq, !constant)) {
                        k++;
                        if (k > maxModels) {
                            continue;
                        }
                        fit = candidate(p, d, q, bp, bigD, bq, !constant, approx, results);
                        fits.add(fit);
                        if (improves(fit, best, results)) {
                            best = fit;
                            constant = !constant;
                        }
                    }
                }
            }
            if (approx && best.model != null) {
                // refit by CSS-ML in order of the approximate criterion (stable: ties and rejected candidates in
                // search order, as R's order()); the first acceptable model wins. A candidate's deferred check
                // runs when it comes up: if it rejects the candidate, the order is recomputed, which puts it
                // among the rejected ones exactly where R's order would have had it.
                List<SearchCandidate> refits = new ArrayList<>();
                boolean[] refitted = new boolean[results.size()];
                boolean done = false;
                reorder:
                while (!done) {
                    Integer[] order = new Integer[results.size()];
                    for (int i = 0; i < order.length; i++) {
                        order[i] = i;
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(results.get(a).ic(), results.get(b).ic()));
                    for (Integer i : order) {
                        if (refitted[i]) {
                            continue;
                        }
                        Fit candidateFit = fits.get(i);
                        if (!candidateFit.checked) {
                            check(candidateFit, results);
                            if (candidateFit.ic == Double.POSITIVE_INFINITY) {
                                continue reorder;
                            }
                        }
                        refitted[i] = true;
                        SearchCandidate c = results.get(i);
                        Fit f = candidate(c.p(), d, c.q(), c.seasonalP(), bigD, c.seasonalQ(), c.constant(), false,
                                refits);
                        check(f, refits);
                        if (f.ic < Double.POSITIVE_INFINITY) {
                            best = f;
                            break reorder;
                        }
                    }
                    done = true;
                }
                // as R: if no refit is acceptable, the best approximate (CSS) fit is kept
                trace.addAll(results);
                trace.addAll(refits);
            } else {
                trace.addAll(results);
            }
            if (best.model == null || best.ic == Double.POSITIVE_INFINITY) {
                return fallback("no suitable ARIMA model found (every candidate was rejected)");
            }
            return new AutoArimaModel(best.model, null, null, dDecision, bigDDecision, trace, approx);
        }

        /**
         * R's search.arima: every model with {@code p + q + P + Q <= maxOrder}, with and without the constant,
         * fitted on {@code parallelism} threads and compared in R's loop order (so ties resolve as in R). With
         * the approximation the best model is refitted exactly; if that refit is rejected, the whole search is
         * repeated without the approximation.
         */
        private AutoArimaModel fullSearch(int d, int bigD, int mp, int mq, int mP, int mQ, boolean maxK) {
            List<int[]> models = new ArrayList<>();
            for (int i = 0; i <= mp; i++) {
                for (int j = 0; j <= mq; j++) {
                    for (int bi = 0; bi <= mP; bi++) {
                        for (int bj = 0; bj <= mQ; bj++) {
                            if (i + j + bi + bj <= maxOrder) {
                                for (int k = 0; k <= (maxK ? 1 : 0); k++) {
                                    models.add(new int[] {i, j, bi, bj, k});
                                }
                            }
                        }
                    }
                }
            }
            Fit best = searchAll(models, d, bigD, approx);
            if (best != null && approx) {
                SearchCandidate c = best.candidate;
                Fit exact = evaluate(c.p(), d, c.q(), c.seasonalP(), bigD, c.seasonalQ(), c.constant(), false);
                check(exact, null);
                trace.add(exact.candidate);
                best = exact.ic < Double.POSITIVE_INFINITY ? exact : searchAll(models, d, bigD, false);
            }
            if (best == null || best.model == null || best.ic == Double.POSITIVE_INFINITY) {
                return fallback("no ARIMA model could be estimated (every candidate of the full search was rejected)");
            }
            return new AutoArimaModel(best.model, null, null, dDecision, bigDDecision, trace, approx);
        }

        /** Fits all models (in parallel when configured) and returns the first strict minimum in list order. */
        private Fit searchAll(List<int[]> models, int d, int bigD, boolean useApprox) {
            Fit[] fits = new Fit[models.size()];
            if (parallelism <= 1 || models.size() == 1) {
                for (int i = 0; i < fits.length; i++) {
                    int[] c = models.get(i);
                    fits[i] = evaluate(c[0], d, c[1], c[2], bigD, c[3], c[4] == 1, useApprox);
                }
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, fits.length), r -> {
                    Thread t = new Thread(r, "forecast4j-auto-arima");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<Fit>> futures = new ArrayList<>();
                    for (int[] c : models) {
                        futures.add(pool.submit(() -> evaluate(c[0], d, c[1], c[2], bigD, c[3], c[4] == 1,
                                useApprox)));
                    }
                    for (int i = 0; i < fits.length; i++) {
                        fits[i] = futures.get(i).get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during the auto-ARIMA search", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("auto-ARIMA candidate evaluation failed", e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            Fit best = null;
            for (Fit f : fits) {
                if (f.ic < (best == null ? Double.POSITIVE_INFINITY : best.ic)) {
                    check(f, null);
                    if (f.ic < (best == null ? Double.POSITIVE_INFINITY : best.ic)) {
                        best = f;
                    }
                }
                trace.add(f.candidate);
            }
            return best;
        }

        /** Fits one candidate and records it in {@code results}. */
        private Fit candidate(int p, int d, int q, int bp, int bigD, int bq, boolean constant, boolean useApprox,
                              List<SearchCandidate> results) {
            Fit f = evaluate(p, d, q, bp, bigD, bq, constant, useApprox);
            results.add(f.candidate);
            return f;
        }

        /**
         * R's myarima: fits one candidate and returns its criterion, +Inf with a reason when rejected. Reads only
         * state fixed before the search starts, so candidates may be evaluated concurrently.
         */
        private Fit evaluate(int p, int d, int q, int bp, int bigD, int bq, boolean constant, boolean useApprox) {
            boolean useSeason = bp + bigD + bq > 0 && m > 1;
            int diffs = d + bigD;
            Arima spec = Arima.of(p, d, q).withMethod(useApprox ? ArimaMethod.CSS : ArimaMethod.CSS_ML);
            if (useSeason) {
                spec = spec.withSeasonal(bp, bigD, bq, m);
            }
            spec = diffs == 1 && constant ? spec.withDrift(true) : spec.withMean(constant).withDrift(false);
            FittedArima f;
            try {
                f = xr == null ? spec.fit(x) : spec.fit(x, xr);
            } catch (RuntimeException e) {
                return fit(p, d, q, bp, bigD, bq, constant, useApprox, Double.POSITIVE_INFINITY,
                        "fit failed: " + e.getMessage(), null);
            }
            int nstar = serieslength - d - bigD * m;
            int npar = f.coefficientNames().size() + 1; // R: length(coef[mask]) + 1; auto-ARIMA fixes none
            double aic = useApprox ? offset + nstar * Math.log(f.sigma2()) + 2 * npar
                    : -2 * f.logLikelihood() + 2 * npar;
            if (!Double.isFinite(aic)) {
                return fit(p, d, q, bp, bigD, bq, constant, useApprox, Double.POSITIVE_INFINITY,
                        "information criterion is not finite", f);
            }
            double value;
            switch (criterion) {
                case AIC:
                    value = aic;
                    break;
                case BIC:
                    value = aic + npar * (Math.log(nstar) - 2);
                    break;
                case AICC:
                    value = aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
                    break;
                default:
                    throw new IllegalStateException("unknown criterion " + criterion);
            }
            // roots of the full AR and MA polynomials (seasonal parts multiplied out), as R's model$phi/theta
            double minRoot = 2;
            if (p + bp > 0) {
                minRoot = Math.min(minRoot, minRootModulus(trim(expand(f.ar(), f.sar(), m, -1)), -1));
            }
            if (q + bq > 0) {
                minRoot = Math.min(minRoot, minRootModulus(trim(expand(f.ma(), f.sma(), m, 1)), 1));
            }
            if (Double.isNaN(minRoot)) {
                return fit(p, d, q, bp, bigD, bq, constant, useApprox, Double.POSITIVE_INFINITY,
                        "polynomial roots could not be computed", f);
            }
            if (minRoot < ROOT_MARGIN) {
                return fit(p, d, q, bp, bigD, bq, constant, useApprox, Double.POSITIVE_INFINITY,
                        String.format(java.util.Locale.ROOT, "root modulus %.4f within %.2f of the unit circle",
                                minRoot, ROOT_MARGIN), f);
            }
            // R's checkarima (an undefined standard error rejects the candidate) is deferred to check(...)
            return fit(p, d, q, bp, bigD, bq, constant, useApprox, value, "", f);
        }

        /**
         * R's {@code checkarima}: {@code any(is.nan(sqrt(diag(fit$var.coef))))} sets the criterion to +&infin;.
         * The standard errors need the numerical Hessian, as expensive as the fit itself, and the check can only
         * reject a candidate, so the search applies it only to a candidate that would otherwise become the best
         * (or be refitted): the decisions are R's, and most candidates never pay for a Hessian. The candidate's
         * entry in {@code list} (if given) is replaced when it is rejected.
         */
        private void check(Fit f, List<SearchCandidate> list) {
            if (f.checked) {
                return;
            }
            f.checked = true;
            java.util.Collection<Double> errors;
            try {
                errors = f.model.standardErrors().values();
            } catch (RuntimeException e) {
                // as a failure inside R's arima(): the candidate is rejected, the search goes on
                errors = java.util.List.of(Double.NaN);
            }
            for (double se : errors) {
                if (Double.isNaN(se)) {
                    SearchCandidate c = f.candidate;
                    SearchCandidate rejected = new SearchCandidate(c.p(), c.d(), c.q(), c.seasonalP(),
                            c.seasonalD(), c.seasonalQ(), c.period(), c.constant(), c.approximation(),
                            Double.POSITIVE_INFINITY, "a standard error is undefined (Hessian not positive definite)");
                    if (list != null) {
                        for (int i = 0; i < list.size(); i++) {
                            if (list.get(i) == c) {
                                list.set(i, rejected);
                            }
                        }
                    }
                    f.candidate = rejected;
                    f.ic = Double.POSITIVE_INFINITY;
                    return;
                }
            }
        }

        /** R's {@code fit$ic < bestfit$ic}, with the deferred check applied to a candidate that passes it. */
        private boolean improves(Fit f, Fit best, List<SearchCandidate> list) {
            if (!(f.ic < best.ic)) {
                return false;
            }
            check(f, list);
            return f.ic < best.ic;
        }

        private Fit fit(int p, int d, int q, int bp, int bigD, int bq, boolean constant, boolean useApprox,
                        double value, String reason, FittedArima f) {
            return new Fit(value, f, useApprox,
                    new SearchCandidate(p, d, q, bp, bigD, bq, m, constant, useApprox, value, reason));
        }

        private boolean isNew(List<SearchCandidate> results, int p, int d, int q, int bp, int bigD, int bq,
                              boolean constant) {
            for (SearchCandidate c : results) {
                if (c.p() == p && c.d() == d && c.q() == q && c.seasonalP() == bp && c.seasonalD() == bigD
                        && c.seasonalQ() == bq && c.constant() == constant) {
                    return false;
                }
            }
            return true;
        }

        /**
         * R: a constant series gets ARIMA(0,0,0) with its mean held fixed. Its σ² is 0, where forecast4j's ARIMA
         * likelihood is undefined, so the equivalent mean model (same point forecasts, zero-width intervals) is
         * used and reported as the fallback.
         */
        private AutoArimaModel constantSeries(double[] xv) {
            return equivalent(Forecasters.mean(), "series is constant (sigma2 = 0): the equivalent mean model is used");
        }

        /**
         * R: when the differenced series is constant, a deterministic ARIMA of the matching form (with σ² = 0):
         * ARIMA(0,1,0) with drift is the random walk with drift, ARIMA(0,0,0)(0,1,0) with drift the seasonal naive
         * method with drift; both are used in their baseline form, which gives the same forecasts.
         */
        private AutoArimaModel constantDifferences(int d, int bigD, double[] dx) {
            String why = "series is deterministic (its differences with d = " + d + ", D = " + bigD
                    + " are constant, sigma2 = 0)";
            if (bigD > 0 && d == 0) {
                return equivalent(Forecasters.seasonalNaive(m).withDrift(true),
                        why + ": the equivalent seasonal naive model with drift is used");
            }
            if (bigD == 0 && d == 1) {
                return equivalent(Forecasters.drift(), why + ": the equivalent random walk with drift is used");
            }
            return fallback(why);
        }

        /**
         * R: with regressors and constant differences (of the regression residuals), ARIMA(0,d,0)(0,D,0) with the
         * regressors (and a mean when d + D = 0) is the model.
         */
        private AutoArimaModel constantRegressionErrors(int d, int bigD) {
            Arima spec = Arima.of(0, d, 0);
            if (bigD > 0) {
                spec = spec.withSeasonal(0, bigD, 0, m);
            }
            try {
                FittedArima f = spec.fit(x, xr);
                return new AutoArimaModel(f, null, null, dDecision, bigDDecision, trace, false);
            } catch (RuntimeException e) {
                return fallback("the regression residuals have constant differences (d = " + d + ", D = " + bigD
                        + ") and the regression with ARIMA(0," + d + ",0) errors failed: " + e.getMessage());
            }
        }

        private AutoArimaModel equivalent(Forecaster f, String why) {
            try {
                return new AutoArimaModel(null, f.fit(x), why, dDecision, bigDDecision, trace, false);
            } catch (RuntimeException e) {
                return fallback(why + " (" + e.getMessage() + ")");
            }
        }

        private AutoArimaModel fallback(String reason) {
            TimeSeries s = original;
            List<Forecaster> chain = new ArrayList<>();
            if (s.period() > 1) {
                chain.add(Forecasters.seasonalNaive());
            }
            chain.add(Forecasters.naive());
            chain.add(Forecasters.mean());
            List<String> failures = new ArrayList<>();
            for (Forecaster f : chain) {
                try {
                    return new AutoArimaModel(null, f.fit(s), reason, dDecision, bigDDecision, trace, approx);
                } catch (RuntimeException e) {
                    failures.add(f.name() + ": " + e.getMessage());
                }
            }
            throw new IllegalArgumentException("auto-ARIMA cannot forecast series '" + s.name() + "' (" + reason
                    + ") and no fallback applies: " + failures);
        }
    }

    /**
     * A fitted candidate and its criterion. A finite criterion is provisional until {@link Search#check} has
     * looked at the standard errors (R's {@code checkarima}), which can only turn it into +&infin;.
     */
    private static final class Fit {
        double ic;
        final FittedArima model;
        final boolean approximate;
        SearchCandidate candidate;
        boolean checked;

        Fit(double ic, FittedArima model, boolean approximate, SearchCandidate candidate) {
            this.ic = ic;
            this.model = model;
            this.approximate = approximate;
            this.candidate = candidate;
            this.checked = !(ic < Double.POSITIVE_INFINITY);
        }
    }

    /**
     * Multiplies a non-seasonal and a seasonal lag polynomial: {@code (1 + s Σ a_i B^i)(1 + s Σ A_j B^{jm})}
     * returned as the coefficients {@code c_k} of {@code 1 + s Σ c_k B^k} ({@code s = −1} for AR, +1 for MA).
     */
    static double[] expand(double[] a, double[] seasonalA, int m, int sign) {
        int len = a.length + seasonalA.length * m;
        double[] full = new double[len + 1];
        full[0] = 1;
        double[] base = new double[a.length + 1];
        base[0] = 1;
        for (int i = 0; i < a.length; i++) {
            base[i + 1] = sign * a[i];
        }
        for (int i = 0; i < base.length; i++) {
            full[i] = base[i];
        }
        for (int j = 0; j < seasonalA.length; j++) {
            int lag = (j + 1) * m;
            for (int i = 0; i < base.length; i++) {
                full[lag + i] += sign * seasonalA[j] * base[i];
            }
        }
        double[] out = new double[len];
        for (int k = 1; k <= len; k++) {
            out[k - 1] = sign * full[k];
        }
        return out;
    }

    /**
     * Smallest root modulus of {@code 1 + s c_1 z + … + s c_k z^k}: the roots are the reciprocals of the
     * eigenvalues of the companion matrix with first row {@code −s c_1 … −s c_k} (for an AR polynomial the
     * usual state-transition matrix), so the answer is {@code 1 / spectral radius}. 2 for an empty polynomial
     * (R's starting value), NaN if the eigenvalues cannot be computed.
     */
    static double minRootModulus(double[] c, int sign) {
        int k = c.length;
        if (k == 0) {
            return 2;
        }
        DMatrixRMaj comp = new DMatrixRMaj(k, k);
        for (int j = 0; j < k; j++) {
            comp.set(0, j, -sign * c[j]);
        }
        for (int i = 1; i < k; i++) {
            comp.set(i, i - 1, 1.0);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false);
        if (!eig.decompose(comp)) {
            return Double.NaN;
        }
        double radius = 0;
        for (int i = 0; i < k; i++) {
            radius = Math.max(radius, eig.getEigenvalue(i).getMagnitude());
        }
        return radius == 0 ? Double.POSITIVE_INFINITY : 1 / radius;
    }

    /** Zeroes coefficients with {@code |c| <= 1e-8} after the last larger one (R trims to the last non-zero). */
    private static double[] trim(double[] c) {
        int last = -1;
        for (int i = 0; i < c.length; i++) {
            if (Math.abs(c[i]) > ZERO_COEF) {
                last = i;
            }
        }
        return Arrays.copyOf(c, last + 1);
    }

    private static boolean allMissing(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return false;
            }
        }
        return true;
    }

    /** {@code differences} lag-{@code lag} differences; NaN propagates. */
    private static double[] diff(double[] x, int lag, int differences) {
        double[] y = x;
        for (int k = 0; k < differences; k++) {
            int n = Math.max(0, y.length - lag);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = y[i + lag] - y[i];
            }
            y = z;
        }
        return y;
    }

    /** Builder of {@link AutoArima}; setters validate immediately. Defaults are R's. */
    public static final class Builder {
        private int maxP = 5;
        private int maxQ = 5;
        private int maxSeasonalP = 2;
        private int maxSeasonalQ = 2;
        private int maxD = 2;
        private int maxSeasonalD = 1;
        private int d = -1;
        private int seasonalD = -1;
        private Ic ic = Ic.AICC;
        private boolean seasonal = true;
        private Boolean approximation;
        private SeasonalTest seasonalTest = SeasonalTest.SEASONAL_STRENGTH;
        private boolean allowDrift = true;
        private boolean allowMean = true;
        private int maxModels = 94;
        private boolean stepwise = true;
        private int maxOrder = 5;
        private int parallelism = 1;
        private double lambda = Double.NaN;
        private boolean lambdaAuto;
        private boolean biasAdjust;

        private Builder() {
        }

        /**
         * Models the Box–Cox transform of the series with a fixed lambda (R {@code lambda = value}; 0 is the log):
         * the search runs on the transformed series, the chosen model's forecasts and fitted values are
         * back-transformed. For {@code lambda <= 0} every observation must be positive.
         *
         * @param value the power, finite
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not finite
         * @since 0.1.0
         */
        public Builder lambda(double value) {
            Checks.requireFinite(value, "lambda");
            this.lambda = value;
            this.lambdaAuto = false;
            return this;
        }

        /**
         * Chooses lambda by Guerrero's method on [−0.9, 2] (R {@code lambda = "auto"}); the lambda used is the
         * chosen model's {@link FittedArima#lambda()} / {@link AutoArimaModel#lambda()}.
         *
         * @return this builder
         * @since 0.1.0
         */
        public Builder lambdaAuto() {
            this.lambda = Double.NaN;
            this.lambdaAuto = true;
            return this;
        }

        /**
         * Whether back-transformed point forecasts are bias-adjusted means rather than medians (R {@code biasadj},
         * default false); no effect without a lambda.
         *
         * @param adjust the flag
         * @return this builder
         * @since 0.1.0
         */
        public Builder biasAdjust(boolean adjust) {
            this.biasAdjust = adjust;
            return this;
        }

        /**
         * Stepwise search (default, R {@code stepwise = TRUE}) or the full search over every model with
         * {@code p + q + P + Q <= maxOrder} (R {@code stepwise = FALSE}).
         *
         * @param value true for the stepwise search
         * @return this builder
         */
        public Builder stepwise(boolean value) {
            this.stepwise = value;
            return this;
        }

        /**
         * The largest {@code p + q + P + Q} of the full search (R {@code max.order}, default 5); the stepwise
         * search ignores it, as R's does.
         *
         * @param value &ge; 0
         * @return this builder
         */
        public Builder maxOrder(int value) {
            this.maxOrder = Checks.requireNonNegative(value, "maxOrder");
            return this;
        }

        /**
         * Threads for the full search's candidate fits (default 1; the stepwise search is sequential by nature).
         * Results do not depend on it.
         *
         * @param threads &ge; 1
         * @return this builder
         */
        public Builder parallelism(int threads) {
            this.parallelism = Checks.requirePositive(threads, "parallelism");
            return this;
        }

        /**
         * Maximum non-seasonal orders (R {@code max.p}, {@code max.q}; default 5, 5).
         *
         * @param p maximum AR order, &ge; 0
         * @param q maximum MA order, &ge; 0
         * @return this builder
         */
        public Builder maxOrders(int p, int q) {
            this.maxP = Checks.requireNonNegative(p, "maxP");
            this.maxQ = Checks.requireNonNegative(q, "maxQ");
            return this;
        }

        /**
         * Maximum seasonal orders (R {@code max.P}, {@code max.Q}; default 2, 2).
         *
         * @param bigP maximum seasonal AR order, &ge; 0
         * @param bigQ maximum seasonal MA order, &ge; 0
         * @return this builder
         */
        public Builder maxSeasonalOrders(int bigP, int bigQ) {
            this.maxSeasonalP = Checks.requireNonNegative(bigP, "maxSeasonalP");
            this.maxSeasonalQ = Checks.requireNonNegative(bigQ, "maxSeasonalQ");
            return this;
        }

        /**
         * Maximum numbers of differences for the unit-root tests (R {@code max.d}, {@code max.D}; default 2, 1).
         *
         * @param maxDiff         maximum d, in [0, 3]
         * @param maxSeasonalDiff maximum D, in [0, 3]
         * @return this builder
         */
        public Builder maxDifferences(int maxDiff, int maxSeasonalDiff) {
            Checks.requireArgument(maxDiff >= 0 && maxDiff <= Arima.MAX_DIFF, "maxD must be in [0, %d], got %d",
                    Arima.MAX_DIFF, maxDiff);
            Checks.requireArgument(maxSeasonalDiff >= 0 && maxSeasonalDiff <= Arima.MAX_DIFF,
                    "maxSeasonalD must be in [0, %d], got %d", Arima.MAX_DIFF, maxSeasonalDiff);
            this.maxD = maxDiff;
            this.maxSeasonalD = maxSeasonalDiff;
            return this;
        }

        /**
         * Fixes d instead of testing (R {@code d}).
         *
         * @param value d in [0, 3], or −1 to test (default)
         * @return this builder
         */
        public Builder d(int value) {
            Checks.requireArgument(value >= -1 && value <= Arima.MAX_DIFF, "d must be in [-1, %d], got %d",
                    Arima.MAX_DIFF, value);
            this.d = value;
            return this;
        }

        /**
         * Fixes D instead of testing (R {@code D}).
         *
         * @param value D in [0, 3], or −1 to test (default)
         * @return this builder
         */
        public Builder seasonalD(int value) {
            Checks.requireArgument(value >= -1 && value <= Arima.MAX_DIFF, "seasonalD must be in [-1, %d], got %d",
                    Arima.MAX_DIFF, value);
            this.seasonalD = value;
            return this;
        }

        /**
         * The criterion (default AICc).
         *
         * @param criterion AIC, AICc or BIC
         * @return this builder
         */
        public Builder ic(Ic criterion) {
            this.ic = Objects.requireNonNull(criterion, "ic");
            return this;
        }

        /**
         * Whether seasonal models are considered (default true; false = R {@code seasonal = FALSE}).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder seasonal(boolean value) {
            this.seasonal = value;
            return this;
        }

        /**
         * Forces the CSS approximation during the search on or off (default: on when n &gt; 150 or period &gt; 12).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder approximation(boolean value) {
            this.approximation = value;
            return this;
        }

        /**
         * The seasonal-differencing test (default seasonal strength).
         *
         * @param test the test
         * @return this builder
         */
        public Builder seasonalTest(SeasonalTest test) {
            this.seasonalTest = Objects.requireNonNull(test, "seasonalTest");
            return this;
        }

        /**
         * Whether a drift (d + D = 1) and a mean (d + D = 0) may be included (default both true).
         *
         * @param drift allow a drift
         * @param mean  allow a mean
         * @return this builder
         */
        public Builder allowConstant(boolean drift, boolean mean) {
            this.allowDrift = drift;
            this.allowMean = mean;
            return this;
        }

        /**
         * The maximum number of models the stepwise search fits (R {@code nmodels}, default 94).
         *
         * @param n at least 5
         * @return this builder
         */
        public Builder maxModels(int n) {
            Checks.requireArgument(n >= 5, "maxModels must be >= 5, got %d", n);
            this.maxModels = n;
            return this;
        }

        /**
         * Builds the specification.
         *
         * @return the forecaster
         */
        public AutoArima build() {
            return new AutoArima(this);
        }
    }
}
