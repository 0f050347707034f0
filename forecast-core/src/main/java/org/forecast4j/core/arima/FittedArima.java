package org.forecast4j.core.arima;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.stats.BoxTest;
import org.forecast4j.core.statespace.KalmanForecaster;
import org.forecast4j.core.transform.BoxCox;

/**
 * An ARIMA model fitted to a series: coefficients with R's names ({@code ar1…}, {@code ma1…}, {@code sar1…},
 * {@code sma1…}, {@code intercept}, {@code drift}, regressor names), their standard errors, σ&sup2;,
 * log-likelihood and information criteria, residuals, and the final Kalman state used for forecasting (as R's
 * {@code predict.Arima}). Immutable and thread-safe; array getters return copies.
 *
 * <p>{@link #toString()} is R's label ({@code forecast:::arima.string}), e.g.
 * {@code "ARIMA(1,1,1)(0,1,1)[7] with drift"}; {@link #summary()} prints the coefficient table.
 *
 * @since 0.1.0
 */
public final class FittedArima implements XregModel {

    /** Ljung–Box lag of non-seasonal models (R {@code checkresiduals}). */
    static final int DEFAULT_LJUNG_BOX_LAG = 10;

    private final Parts f;

    FittedArima(Parts parts) {
        this.f = parts;
    }

    /** Everything the estimator computes; package-private and never exposed. */
    static final class Parts implements Cloneable {
        Arima spec;
        TimeSeries series;
        int p;
        int d;
        int q;
        int sp;
        int sd;
        int sq;
        int period;
        ArimaMethod method;
        List<String> names;
        double[] coef;
        boolean[] mask;
        /** Standard errors and covariance: given, or computed on first use by {@link #inferenceTask}. */
        Inference inference;
        java.util.function.Supplier<Inference> inferenceTask;
        double sigma2;
        double loglik;
        double aic;
        double aicc;
        double bic;
        int nobs;
        boolean converged;
        int iterations;
        int evaluations;
        List<String> warnings;
        double[] residuals;
        double[] phi;
        double[] theta;
        double[] delta;
        double[] state;
        double[] cov;
        /** Computes {state, cov} on first use when they are null. */
        java.util.function.Supplier<double[][]> stateTask;
        /** Set once state and cov exist, for a lock-free check on every forecast. */
        volatile boolean stateReady;
        boolean hasIntercept;
        boolean hasDrift;
        List<String> xregNames;
        /** Box–Cox lambda the model was fitted with ({@code series} is then the transformed series), NaN if none. */
        double lambda = Double.NaN;
        /** Whether back-transformed point forecasts and fitted values are bias-adjusted means. */
        boolean biasAdjust;
        /** The series on the original scale when a Box–Cox transform was applied, else null. */
        TimeSeries original;

        Parts copy() {
            try {
                return (Parts) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The same model marked as fitted to the Box–Cox transform (with {@code lambda}) of {@code original}: its
     * forecasts and fitted values are back-transformed. Package-private: only {@link Arima#fit} calls it, on a model
     * just estimated on the transformed series.
     */
    FittedArima withBoxCox(double lambda, boolean biasAdjust, TimeSeries original) {
        Parts c = f.copy();
        c.lambda = lambda;
        c.biasAdjust = biasAdjust;
        c.original = original;
        return new FittedArima(c);
    }

    /**
     * The Box–Cox lambda the model was fitted with (R's {@code model$lambda}): the model, its coefficients, σ&sup2;,
     * likelihood and residuals are on the transformed scale; forecasts and fitted values are back-transformed.
     *
     * @return lambda, or empty when the series was modelled untransformed
     * @since 0.1.0
     */
    public java.util.OptionalDouble lambda() {
        return Double.isNaN(f.lambda) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(f.lambda);
    }

    /**
     * Whether back-transformed point forecasts and fitted values are bias-adjusted means (R's {@code biasadj}) rather
     * than medians; false without a Box–Cox transform.
     *
     * @return the flag
     * @since 0.1.0
     */
    public boolean biasAdjusted() {
        return f.biasAdjust;
    }

    /**
     * The series the ARIMA was estimated on: the Box–Cox transform of {@link #series()} when {@link #lambda()} is
     * set, else the series itself.
     *
     * @return the modelled series
     * @since 0.1.0
     */
    public TimeSeries modelledSeries() {
        return f.series;
    }

    /**
     * The Hessian-based part of a fit: standard errors (NaN where undefined), the covariance of the free
     * coefficients, and the warnings raised while computing them.
     */
    static final class Inference {
        final double[] se;
        final double[][] vcov;
        final List<String> warnings;

        Inference(double[] se, double[][] vcov, List<String> warnings) {
            this.se = se;
            this.vcov = vcov;
            this.warnings = warnings;
        }
    }

    /**
     * The standard errors and covariance. The estimator defers the numerical Hessian (about {@code 4k²} objective
     * evaluations for {@code k} coefficients, often as many as the optimisation itself) to the first request, so
     * that a search that discards most candidates unseen (auto-ARIMA) does not pay for it; the result is the same
     * whenever it is computed. Computed once, thread-safely; the estimator's workspaces are released afterwards.
     */
    Inference inference() {
        synchronized (f) {
            if (f.inference == null) {
                f.inference = f.inferenceTask.get();
                f.inferenceTask = null;
            }
            return f.inference;
        }
    }

    /**
     * Makes sure the final Kalman state and covariance exist: for a CSS fit the estimator defers the Kalman pass
     * that produces them (used only to forecast, simulate and save) to the first use.
     */
    private void ensureState() {
        if (f.stateReady) {
            return;
        }
        synchronized (f) {
            if (f.state == null) {
                double[][] sc = f.stateTask.get();
                f.state = sc[0];
                f.cov = sc[1];
                f.stateTask = null;
            }
            f.stateReady = true;
        }
    }

    /** Fit warnings followed by those of the standard-error computation. */
    private List<String> allWarnings() {
        List<String> extra = inference().warnings;
        if (extra.isEmpty()) {
            return f.warnings;
        }
        List<String> all = new ArrayList<>(f.warnings);
        all.addAll(extra);
        return Collections.unmodifiableList(all);
    }

    /**
     * Coefficients by R's names, in R's order.
     *
     * @return unmodifiable ordered map
     */
    public Map<String, Double> coefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < f.coef.length; i++) {
            m.put(f.names.get(i), f.coef[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Standard errors by name (from the Hessian of the log-likelihood, as R's {@code var.coef}); fixed
     * coefficients are absent. A standard error is undefined, and reported as NaN, when the Hessian is singular
     * (then all are NaN) or when the diagonal entry of its inverse is not positive (as R's
     * {@code sqrt(diag(var.coef))}); {@link #warnings()} then says so. The fit itself (coefficients, likelihood,
     * forecasts) is unaffected; {@code AutoArima} rejects such a candidate, as R's {@code auto.arima} does.
     *
     * @return unmodifiable ordered map
     */
    public Map<String, Double> standardErrors() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < f.coef.length; i++) {
            if (f.mask[i]) {
                m.put(f.names.get(i), inference().se[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Covariance matrix of the estimated (non-fixed) coefficients, in the order of {@link #standardErrors()}.
     *
     * @return a copy
     */
    public double[][] covariance() {
        double[][] vcov = inference().vcov;
        double[][] c = new double[vcov.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = vcov[i].clone();
        }
        return c;
    }

    /**
     * Coefficient names in R's order.
     *
     * @return unmodifiable list
     */
    public List<String> coefficientNames() {
        return f.names;
    }

    private double[] block(int off, int len) {
        double[] out = new double[len];
        System.arraycopy(f.coef, off, out, 0, len);
        return out;
    }

    /**
     * AR coefficients φ.
     *
     * @return length p
     */
    public double[] ar() {
        return block(0, f.p);
    }

    /**
     * MA coefficients θ.
     *
     * @return length q
     */
    public double[] ma() {
        return block(f.p, f.q);
    }

    /**
     * Seasonal AR coefficients.
     *
     * @return length P
     */
    public double[] sar() {
        return block(f.p + f.q, f.sp);
    }

    /**
     * Seasonal MA coefficients.
     *
     * @return length Q
     */
    public double[] sma() {
        return block(f.p + f.q + f.sp, f.sq);
    }

    /**
     * The intercept (mean of a stationary model), or NaN if none.
     *
     * @return the mean
     */
    public double mean() {
        return f.hasIntercept ? f.coef[f.p + f.q + f.sp + f.sq] : Double.NaN;
    }

    /**
     * The drift (slope per step), or NaN if none.
     *
     * @return the drift
     */
    public double drift() {
        return f.hasDrift ? f.coef[f.p + f.q + f.sp + f.sq + (f.hasIntercept ? 1 : 0)] : Double.NaN;
    }

    /**
     * Innovation variance σ&sup2; (R's {@code sigma2}: {@code ssq / nobs} for ML, the CSS mean square for CSS).
     *
     * @return sigma2
     */
    public double sigma2() {
        return f.sigma2;
    }

    /**
     * Gaussian log-likelihood (exact for ML and CSS-ML; conditional for CSS), as R's {@code loglik}.
     *
     * @return log-likelihood
     */
    public double logLikelihood() {
        return f.loglik;
    }

    /**
     * AIC {@code -2 logL + 2 (k + 1)}, k = estimated coefficients; NaN for CSS.
     *
     * @return aic
     */
    public double aic() {
        return f.aic;
    }

    /**
     * AICc {@code AIC + 2 (k+1)(k+2) / (n* - k - 2)} as {@code forecast::Arima}; NaN for CSS.
     *
     * @return aicc
     */
    public double aicc() {
        return f.aicc;
    }

    /**
     * BIC {@code AIC + (k+1)(log n* - 2)}; NaN for CSS.
     *
     * @return bic
     */
    public double bic() {
        return f.bic;
    }

    /**
     * Number of observations used, {@code n* = non-missing - d - sD} (R's {@code nobs}).
     *
     * @return n*
     */
    public int nobs() {
        return f.nobs;
    }

    /**
     * Whether the optimiser converged (R's {@code code == 0}).
     *
     * @return flag
     */
    public boolean converged() {
        return f.converged;
    }

    /**
     * Optimiser iterations of the final stage.
     *
     * @return count
     */
    public int iterations() {
        return f.iterations;
    }

    /**
     * Objective evaluations over all stages (CSS, ML, Hessian).
     *
     * @return count
     */
    public int evaluations() {
        return f.evaluations;
    }

    /**
     * Warnings raised during the fit (non-convergence, dropped drift, inverted MA, ...), including those of the
     * standard errors (a singular Hessian): the first call computes the deferred Hessian, as
     * {@link #standardErrors()} does.
     *
     * @return unmodifiable list
     */
    public List<String> warnings() {
        return allWarnings();
    }

    /**
     * The estimation method actually used (CSS-ML becomes ML on series with missing values, as in R).
     *
     * @return method
     */
    public ArimaMethod method() {
        return f.method;
    }

    /**
     * The spec that was fitted.
     *
     * @return spec
     */
    public Arima spec() {
        return f.spec;
    }

    /**
     * {p, d, q}.
     *
     * @return a new array
     */
    public int[] order() {
        return new int[] {f.p, f.d, f.q};
    }

    /**
     * {P, D, Q}.
     *
     * @return a new array
     */
    public int[] seasonalOrder() {
        return new int[] {f.sp, f.sd, f.sq};
    }

    /**
     * The seasonal period used.
     *
     * @return s
     */
    public int period() {
        return f.period;
    }

    /**
     * The training series, on the original scale (before any Box–Cox transform).
     *
     * @return the series
     */
    @Override
    public TimeSeries series() {
        return f.original != null ? f.original : f.series;
    }

    /**
     * Residuals as R's {@code residuals(arima)}: innovations standardised by {@code sqrt(F_t)} of the
     * unit-variance filter (so they equal the innovations once the filter has converged), or the CSS
     * innovations for method CSS; NaN where the series is missing. With a Box–Cox transform they are on the
     * transformed scale (R's default {@code type = "innovation"}), so they are not {@code series() − fitted()}.
     *
     * @return residuals, length n
     */
    @Override
    public double[] residuals() {
        return f.residuals.clone();
    }

    /**
     * Ljung–Box test of the residuals at R's default lag for {@code forecast::checkresiduals} 8.20:
     * {@code h = 2m} for a series period m &gt; 1, else 10; then {@code h = min(h, round(n/5))} with n the number
     * of residuals, and {@code h = max(h, fitdf + 3)}; see {@link #ljungBox(int)} for the statistic.
     *
     * @return the test result
     * @throws IllegalArgumentException if the series is too short for the test (fewer than h + 1 residuals
     *                                  after dropping the differencing start), or the residuals are constant
     * @since 0.1.0
     */
    public BoxTest.Result ljungBox() {
        // R uses frequency(residuals), the series' period, whether or not the model is seasonal
        int m = f.series.period();
        int n = f.residuals.length;
        int h = m > 1 ? 2 * m : DEFAULT_LJUNG_BOX_LAG;
        h = Math.min(h, (int) Math.rint(n / 5.0));
        h = Math.max(h, ljungBoxFitdf() + 3);
        return ljungBox(h);
    }

    /**
     * Ljung–Box test of the residuals with the model's degrees of freedom:
     * {@code Q* = n'(n'+2) Σ_{k=1..h} r_k² / (n' − k)}, compared with χ² on {@code h − fitdf} degrees of freedom,
     * where the first {@code d + D·s} residuals are dropped (they are the diffuse start of the differenced part),
     * n' is the number of residuals left and {@code fitdf = p + q + P + Q} (R {@code modeldf.Arima}; the mean,
     * drift and regression coefficients do not count). Missing residuals are skipped as in
     * {@link BoxTest#ljungBox}. Reference: Ljung &amp; Box (1978); R {@code Box.test(type = "Ljung-Box")}.
     *
     * @param lag number of autocorrelations h, &gt; p + q + P + Q
     * @return the test result
     * @throws IllegalArgumentException if {@code lag <= p + q + P + Q}, or lag is not below the number of
     *                                  residuals left, or the residuals are constant
     * @since 0.1.0
     */
    public BoxTest.Result ljungBox(int lag) {
        int fitdf = ljungBoxFitdf();
        Checks.requireArgument(lag > fitdf, "lag must be > p + q + P + Q = %d, got %d", fitdf, lag);
        int burn = Math.min(f.d + f.sd * f.period, f.residuals.length);
        double[] r = java.util.Arrays.copyOfRange(f.residuals, burn, f.residuals.length);
        return BoxTest.ljungBox(r, lag, fitdf);
    }

    private int ljungBoxFitdf() {
        return f.p + f.q + f.sp + f.sq;
    }

    /**
     * Fitted values {@code y - residuals} (as {@code forecast::fitted.Arima}); with a Box–Cox transform
     * {@code InvBoxCox(BoxCox(y) − residuals, lambda, biasadj, σ²)}, on the original scale.
     *
     * @return fitted values, length n
     */
    @Override
    public double[] fitted() {
        double[] y = f.series.values();
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - f.residuals[i];
        }
        if (f.original != null) {
            BoxCox bc = BoxCox.of(f.lambda);
            if (f.biasAdjust) {
                double[] var = new double[out.length];
                java.util.Arrays.fill(var, f.sigma2);
                return bc.invertBiasAdjusted(out, var);
            }
            return bc.invert(out);
        }
        return out;
    }

    /**
     * R's label ({@link #toString()}), followed by the Box–Cox lambda when the model has one, e.g.
     * {@code "ARIMA(0,1,1)(0,1,1)[12], Box-Cox lambda = 0"} (with {@code ", bias-adjusted"} when the back-transformed
     * means are).
     *
     * @return description
     */
    @Override
    public String description() {
        if (f.original == null) {
            return toString();
        }
        return toString() + ", Box-Cox lambda = " + lambdaText(f.lambda) + (f.biasAdjust ? ", bias-adjusted" : "");
    }

    /** Lambda to 6 significant digits (R prints 4). */
    static String lambdaText(double lambda) {
        String text = String.format(Locale.ROOT, "%.6g", lambda);
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return text;
    }

    /**
     * Forecasts a model without user regressors.
     *
     * @param horizon steps ahead, &gt; 0
     * @param levels  interval levels
     * @return the forecast
     * @throws IllegalArgumentException if {@code horizon <= 0} or the model has regressors
     */
    @Override
    public Forecast forecast(int horizon, List<Level> levels) {
        return forecast(horizon, levels, null);
    }

    /**
     * Forecasts with the future values of the regressors (R's {@code predict(fit, n.ahead, newxreg)}): the
     * Kalman forecast of the ARIMA errors plus the regression part; intervals
     * {@code mean ± z σ sqrt(Z'P_hZ)}. With a Box–Cox transform, mean and limits are back-transformed as R's
     * {@code forecast.Arima} ({@link BoxCox#invertForecast}: the point forecasts are medians, or bias-adjusted means
     * using the forecast variance when the model was fitted with bias adjustment), and the result has no standard
     * errors.
     *
     * @param horizon steps ahead, &gt; 0
     * @param levels  interval levels
     * @param future  regressor values for the {@code horizon} steps, same names as when fitting; null if the
     *                model has none
     * @return the forecast
     * @throws IllegalArgumentException if the regressors are missing, misnamed, of the wrong length or contain NaN
     */
    @Override
    public Forecast forecast(int horizon, List<Level> levels, Regressors future) {
        Forecast z = forecastOnModelScale(horizon, levels, future);
        if (f.original == null) {
            return z;
        }
        return BoxCox.of(f.lambda).invertForecast(description(), f.original, z, f.biasAdjust);
    }

    /**
     * The forecast on the scale the ARIMA was estimated on — the Box–Cox scale when {@link #lambda()} is set (R's
     * {@code predict(fit, n.ahead, newxreg)}), with standard errors and Gaussian intervals; identical to
     * {@link #forecast(int, List, Regressors)} for a model without transform.
     *
     * @param horizon steps ahead, &gt; 0
     * @param levels  interval levels
     * @param future  regressor values for the {@code horizon} steps, or null if the model has none
     * @return the forecast on the model scale
     * @throws IllegalArgumentException as {@link #forecast(int, List, Regressors)}
     * @since 0.1.0
     */
    public Forecast forecastOnModelScale(int horizon, List<Level> levels, Regressors future) {
        Checks.requirePositive(horizon, "horizon");
        Objects.requireNonNull(levels, "levels");
        int nx = f.xregNames.size();
        if (nx > 0) {
            Checks.requireArgument(future != null,
                    "the model has regressors %s: forecasting needs their %d future values", f.xregNames, horizon);
            Checks.requireArgument(future.names().equals(f.xregNames), "future regressors %s != fitted regressors %s",
                    future.names(), f.xregNames);
            Checks.requireArgument(future.length() == horizon, "future regressors have %d rows, horizon is %d",
                    future.length(), horizon);
            for (int k = 0; k < nx; k++) {
                for (int t = 0; t < horizon; t++) {
                    Checks.requireArgument(!Double.isNaN(future.get(k, t)), "future regressor '%s'[%d] is missing",
                            f.xregNames.get(k), t);
                }
            }
        } else {
            Checks.requireArgument(future == null, "the model has no regressors but future regressors were given");
        }
        double[] mean = new double[horizon];
        double[] var = new double[horizon];
        ensureState();
        KalmanForecaster.forecast(f.phi, f.theta, f.delta, f.state, f.cov, mean, var);
        int off = f.p + f.q + f.sp + f.sq;
        int n = f.series.length();
        double[] se = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            double xm = 0.0;
            int k = off;
            if (f.hasIntercept) {
                xm += f.coef[k++];
            }
            if (f.hasDrift) {
                xm += f.coef[k++] * (n + t + 1);
            }
            for (int j = 0; j < nx; j++) {
                xm += f.coef[k + j] * future.get(j, t);
            }
            mean[t] += xm;
            se[t] = Math.sqrt(Math.max(var[t], 0.0) * f.sigma2);
        }
        return Forecast.normal(toString(), f.series, mean, se, levels);
    }

    /**
     * Simulates future sample paths of a model without regressors; see
     * {@link #simulate(int, int, long, Regressors)}.
     *
     * @param horizon steps ahead, &gt; 0
     * @param paths   number of paths, &gt; 0
     * @param seed    random seed (same seed, same paths)
     * @return {@code paths × horizon} values
     */
    public double[][] simulate(int horizon, int paths, long seed) {
        return simulate(horizon, paths, seed, null);
    }

    /**
     * Simulates future sample paths conditional on the observed series: the final state is drawn from
     * {@code N(a_n, σ² P_n)} (the filtered state and covariance at the end of the series), then propagated by
     * {@code α ← T α + R ε}, {@code ε ~ N(0, σ²)}, {@code y = Z'α} plus the regression part. The paths' mean and
     * spread converge to {@link #forecast}'s mean and standard errors. Deterministic for a given seed
     * ({@link java.util.SplittableRandom}). With a Box–Cox transform the paths are simulated on the transformed scale
     * and back-transformed value by value (R's {@code simulate.Arima} with {@code lambda}); a value beyond the range of
     * the inverse ({@code lambda < 0}) is given as {@link Double#MAX_VALUE}.
     *
     * @param horizon steps ahead, &gt; 0
     * @param paths   number of paths, &gt; 0
     * @param seed    random seed
     * @param future  future regressor values (as for {@link #forecast(int, List, Regressors)}), or null
     * @return {@code paths × horizon} values
     * @throws IllegalArgumentException on invalid counts or regressors
     */
    public double[][] simulate(int horizon, int paths, long seed, Regressors future) {
        Checks.requirePositive(paths, "paths");
        // the regression part is the mean forecast minus the ARIMA part: reuse forecast() for the checks
        double[] reg = forecastOnModelScale(horizon, List.of(), future).mean();
        double[] arimaMean = new double[horizon];
        ensureState();
        KalmanForecaster.forecast(f.phi, f.theta, f.delta, f.state, f.cov, arimaMean, new double[horizon]);
        for (int t = 0; t < horizon; t++) {
            reg[t] -= arimaMean[t];
        }
        int rd = f.state.length;
        int d = f.delta.length;
        int r = rd - d;
        int np = f.phi.length;
        int nq = f.theta.length;
        double sigma = Math.sqrt(f.sigma2);
        // square root of the filtered covariance (symmetric PSD, possibly singular): V sqrt(max(Λ, 0))
        org.apache.commons.math3.linear.EigenDecomposition eig = new org.apache.commons.math3.linear.EigenDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(square(f.cov, rd)));
        double[][] root = new double[rd][rd];
        for (int j = 0; j < rd; j++) {
            double lam = Math.sqrt(Math.max(eig.getRealEigenvalue(j), 0.0));
            double[] v = eig.getEigenvector(j).toArray();
            for (int i = 0; i < rd; i++) {
                root[i][j] = v[i] * lam;
            }
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[][] out = new double[paths][horizon];
        double[] st = new double[rd];
        double[] z = new double[rd];
        double[] next = new double[rd];
        for (int k = 0; k < paths; k++) {
            for (int i = 0; i < rd; i++) {
                z[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < rd; i++) {
                double v = f.state[i];
                for (int j = 0; j < rd; j++) {
                    v += sigma * root[i][j] * z[j];
                }
                st[i] = v;
            }
            for (int t = 0; t < horizon; t++) {
                double eps = sigma * rnd.nextGaussian();
                // α ← T α + R ε, companion structure
                double a0 = st[0];
                for (int i = 0; i < r; i++) {
                    double v = (i < r - 1 ? st[i + 1] : 0.0) + (i < np ? f.phi[i] * a0 : 0.0);
                    double ri = i == 0 ? 1.0 : (i - 1 < nq ? f.theta[i - 1] : 0.0);
                    next[i] = v + ri * eps;
                }
                if (d > 0) {
                    double v = a0;
                    for (int j = 0; j < d; j++) {
                        v += f.delta[j] * st[r + j];
                    }
                    for (int i = rd - 1; i > r; i--) {
                        next[i] = st[i - 1];
                    }
                    next[r] = v;
                }
                System.arraycopy(next, 0, st, 0, rd);
                double y = st[0];
                for (int j = 0; j < d; j++) {
                    y += f.delta[j] * st[r + j];
                }
                out[k][t] = y + reg[t];
            }
        }
        if (f.original != null) {
            // paths on the original scale (R's simulate.Arima with lambda); beyond the range of the inverse
            // (lambda < 0) a path is unbounded and given as the largest double
            double lam = f.lambda;
            for (double[] path : out) {
                for (int t = 0; t < horizon; t++) {
                    path[t] = lam < 0 && !(lam * path[t] + 1 > 0) ? Double.MAX_VALUE
                            : Math.max(-Double.MAX_VALUE, Math.min(BoxCox.inverse(path[t], lam), Double.MAX_VALUE));
                }
            }
        }
        return out;
    }

    private static double[][] square(double[] flat, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // symmetrise against rounding
                m[i][j] = 0.5 * (flat[i * n + j] + flat[j * n + i]);
            }
        }
        return m;
    }

    /**
     * R's label ({@code forecast:::arima.string}), e.g. {@code "ARIMA(2,0,1) with non-zero mean"},
     * {@code "ARIMA(0,1,1)(0,1,1)[12]"}, {@code "ARIMA(1,1,1) with drift"},
     * {@code "Regression with ARIMA(1,0,0) errors"}.
     *
     * @return the label
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ARIMA(%d,%d,%d)", f.p, f.d, f.q));
        if (f.period > 1 && f.sp + f.sd + f.sq > 0) {
            sb.append(String.format(Locale.ROOT, "(%d,%d,%d)[%d]", f.sp, f.sd, f.sq, f.period));
        }
        String s = sb.toString();
        if (!f.xregNames.isEmpty()) {
            return "Regression with " + s + " errors";
        }
        if (f.hasDrift) {
            return s + " with drift";
        }
        if (f.hasIntercept) {
            return s + " with non-zero mean";
        }
        if (f.d == 0 && f.sd == 0) {
            return s + " with zero mean";
        }
        return s;
    }

    /**
     * A summary in the style of R's {@code print.Arima}: label, coefficient table with standard errors,
     * σ&sup2;, log-likelihood, AIC, AICc, BIC.
     *
     * @return multi-line text
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        String name = f.series.name();
        sb.append("Series: ").append(name == null ? "y" : name).append('\n').append(this).append('\n');
        if (f.original != null) {
            sb.append("Box Cox transformation: lambda = ").append(lambdaText(f.lambda))
                    .append(f.biasAdjust ? " (bias-adjusted back-transform)" : "").append('\n');
        }
        sb.append('\n');
        if (!f.names.isEmpty()) {
            sb.append("Coefficients:\n");
            StringBuilder h = new StringBuilder("      ");
            StringBuilder c = new StringBuilder("      ");
            StringBuilder e = new StringBuilder("s.e.  ");
            for (int i = 0; i < f.names.size(); i++) {
                h.append(String.format(Locale.ROOT, "%10s", f.names.get(i)));
                c.append(String.format(Locale.ROOT, "%10.4f", f.coef[i]));
                e.append(f.mask[i] ? String.format(Locale.ROOT, "%10.4f", inference().se[i]) : String.format("%10s", "fixed"));
            }
            sb.append(h).append('\n').append(c).append('\n').append(e).append("\n\n");
        }
        sb.append(String.format(Locale.ROOT, "sigma^2 = %.6g:  log likelihood = %.2f%n", f.sigma2, f.loglik));
        if (!Double.isNaN(f.aic)) {
            sb.append(String.format(Locale.ROOT, "AIC=%.2f   AICc=%.2f   BIC=%.2f%n", f.aic, f.aicc, f.bic));
        }
        List<String> warnings = allWarnings();
        if (!warnings.isEmpty()) {
            sb.append("Warnings:\n");
            for (String w : warnings) {
                sb.append("  ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The model as versioned JSON (format {@code "forecast4j-arima"}, version 1; see the ARIMA chapter of the
     * docs): spec, training series, estimates, diagnostics and final Kalman state. {@link #fromJson} restores a
     * model that forecasts identically.
     *
     * @return JSON text
     */
    public String toJson() {
        ensureState();
        return ArimaJson.write(f, inference(), allWarnings());
    }

    /**
     * Restores a model written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the model
     * @throws IllegalArgumentException if the text is not a version-1 forecast4j ARIMA model or is inconsistent
     */
    public static FittedArima fromJson(String json) {
        java.util.Objects.requireNonNull(json, "json");
        try {
            return new FittedArima(ArimaJson.read(json));
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("malformed ARIMA model JSON: " + e.getMessage(), e);
        }
    }

    static List<String> copyOf(List<String> l) {
        return Collections.unmodifiableList(new ArrayList<>(l));
    }
}
