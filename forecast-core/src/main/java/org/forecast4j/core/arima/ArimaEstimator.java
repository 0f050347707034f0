package org.forecast4j.core.arima;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.forecast4j.core.Checks;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.linalg.Polynomials;
import org.forecast4j.core.optim.ArimaParameterTransform;
import org.forecast4j.core.optim.BatchObjective;
import org.forecast4j.core.optim.Bfgs;
import org.forecast4j.core.optim.NumericalDerivatives;
import org.forecast4j.core.optim.Objective;
import org.forecast4j.core.statespace.ArimaCss;
import org.forecast4j.core.statespace.ChandrasekharLikelihood;
import org.forecast4j.core.statespace.KalmanLikelihood;
import org.forecast4j.core.statespace.KalmanWorkspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimation of {@link Arima} specs, following R's {@code stats::arima} step by step so that results match it:
 * regression set-up (intercept, drift, regressors; SVD rotation of several regressors; starting values by OLS on
 * the differenced data with parameter scales of 10 standard errors), CSS and/or exact ML by BFGS with
 * central-difference gradients in the scaled, transformed parameter space, inversion of non-invertible MA parts,
 * and standard errors from the numerical Hessian (mapped through the Jacobian of the AR transform).
 */
final class ArimaEstimator {

    private static final Logger LOG = LoggerFactory.getLogger(ArimaEstimator.class);
    /** R's {@code optim} defaults for BFGS. */
    private static final int MAX_IT = 100;
    private static final double REL_TOL = 1e-8;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Largest expanded AR or MA lag accepted, as R's {@code arima} ("maximum supported lag is 350"). */
    private static final int MAX_LAG = 350;

    private ArimaEstimator() {
    }

    /** Buffers and data of one fit; the objectives are allocation-free. */
    private static final class Problem {
        int p;
        int q;
        int sp;
        int sq;
        int s;
        int d;
        int sd;
        int narma;
        int ncx;
        double[] delta;
        double[] y;
        double[] xr;
        double[] coef;
        int[] free;
        double[] parscale;
        double[] phi;
        double[] theta;
        double[] work;
        double[] yadj;
        KalmanWorkspace ws;
        double[] cssW;
        double[] cssResid;
        /** (1-B)^d (1-B^s)^D y and the same differences of the regression columns (row-major), for CSS. */
        double[] cssWy;
        double[] cssWx;
        int[] cssLags;
        int ncond;
        boolean trans;
        int evaluations;
        /** Optimise on the differenced series (no missing values): the exact diffuse likelihood, see ml(). */
        boolean differenced;
        double[] w;
        int[] deltaIdx;
        double[] deltaVal;
        KalmanWorkspace wsDiff;
        /** Δ(B) y and Δ(B) x_k (row-major) over t &ge; len(delta), for the differenced likelihood. */
        double[] mlWy;
        double[] mlWx;

        double[] series(double[] c) {
            if (ncx == 0) {
                return y;
            }
            int n = y.length;
            for (int t = 0; t < n; t++) {
                double v = y[t];
                int row = t * ncx;
                for (int j = 0; j < ncx; j++) {
                    v -= xr[row + j] * c[narma + j];
                }
                yadj[t] = v;
            }
            return yadj;
        }

        /**
         * {@code wy - Σ_k wx_k c_(narma+k)}: differencing is linear, so the differenced regression residual is
         * the differenced series minus the differenced regressors times the coefficients, and the differences
         * are taken once per fit instead of once per evaluation. Returns {@code wy} itself without regressors.
         */
        double[] regressionAdjusted(double[] wy, double[] wx, double[] out, double[] c) {
            if (ncx == 0) {
                return wy;
            }
            int m = wy.length;
            if (ncx == 1) {
                // the common case (a mean or a drift): a loop the JIT compiler vectorises, same arithmetic
                double c0 = c[narma];
                for (int t = 0; t < m; t++) {
                    out[t] = wy[t] - wx[t] * c0;
                }
                return out;
            }
            for (int t = 0; t < m; t++) {
                double v = wy[t];
                int row = t * ncx;
                for (int j = 0; j < ncx; j++) {
                    v -= wx[row + j] * c[narma + j];
                }
                out[t] = v;
            }
            return out;
        }

        void unscale(double[] xs) {
            for (int i = 0; i < free.length; i++) {
                coef[free[i]] = xs[i] * parscale[i];
            }
        }

        /**
         * R's armafn, {@code 0.5 (log(ssq/nu) + sumlog/nu)}. On a series without gaps it is evaluated on the
         * differenced series {@code w = Δ(B) y}, an ARMA process: its exact likelihood is the exact diffuse
         * likelihood of the ARIMA model (Kohn &amp; Ansley 1986), which R's {@code kappa = 1e6} prior approximates
         * up to an almost constant offset; the state is r instead of r + d long, several times cheaper. The
         * reported log-likelihood is always R's ({@link #mlExact}).
         */
        double ml(double[] xs) {
            if (!differenced) {
                return mlExact(xs);
            }
            evaluations++;
            unscale(xs);
            ArimaParameterTransform.transPars(p, q, sp, sq, s, coef, trans, phi, theta, work);
            double[] wv = regressionAdjusted(mlWy, mlWx, w, coef);
            ChandrasekharLikelihood.evaluate(wv, phi, theta, wsDiff);
            return KalmanLikelihood.concentratedObjective(wsDiff);
        }

        /** R's armafn with R's state space (diffuse part with kappa = 1e6). */
        double mlExact(double[] xs) {
            evaluations++;
            unscale(xs);
            ArimaParameterTransform.transPars(p, q, sp, sq, s, coef, trans, phi, theta, work);
            KalmanLikelihood.evaluate(series(coef), phi, theta, delta, ws, null);
            return KalmanLikelihood.concentratedObjective(ws);
        }

        /** R's armaCSS: 0.5 log(css). */
        double css(double[] xs) {
            evaluations++;
            unscale(xs);
            ArimaParameterTransform.transPars(p, q, sp, sq, s, coef, false, phi, theta, work);
            double[] wv = regressionAdjusted(cssWy, cssWx, cssW, coef);
            double v = ArimaCss.meanSquareDifferenced(wv, y.length, phi, theta, ncond, cssResid, cssLags);
            return 0.5 * Math.log(v);
        }

        /**
         * Drops the workspaces whose size grows with the state dimension (Kalman filters, four-lane buffers):
         * a fitted model keeps this problem for its deferred parts, and a search keeps many models.
         */
        void releaseWorkspaces() {
            ws = null;
            wsDiff = null;
            lanePhi = null;
            laneTheta = null;
            laneW = null;
            laneResid = null;
            laneOut = null;
        }

        /** Recreates the workspaces that {@link #releaseWorkspaces} dropped. */
        void acquireWorkspaces() {
            if (ws == null) {
                ws = new KalmanWorkspace(phi.length, theta.length, delta.length);
            }
            if (differenced && wsDiff == null) {
                wsDiff = new KalmanWorkspace(phi.length, theta.length, 0);
            }
        }

        // four-lane workspaces for cssBatch, created on first use
        double[][] lanePhi;
        double[][] laneTheta;
        double[][] laneW;
        double[][] laneResid;
        double[] laneOut;

        /**
         * {@link #css} at {@code count} points, four at a time ({@link ArimaCss#meanSquareDifferenced4}); a last
         * group of fewer than four repeats its last point. Each value is bit-identical to {@link #css}.
         */
        void cssBatch(double[][] points, int count, double[] values) {
            int n = y.length;
            if (lanePhi == null) {
                lanePhi = new double[4][phi.length];
                laneTheta = new double[4][theta.length];
                laneW = new double[4][];
                laneResid = new double[4][n];
                laneOut = new double[4];
                for (int b = 0; b < 4; b++) {
                    laneW[b] = ncx == 0 ? cssWy : new double[n];
                }
            }
            for (int g = 0; g < count; g += 4) {
                for (int b = 0; b < 4; b++) {
                    int i = Math.min(g + b, count - 1);
                    if (g + b < count) {
                        evaluations++;
                    }
                    unscale(points[i]);
                    ArimaParameterTransform.transPars(p, q, sp, sq, s, coef, false, lanePhi[b], laneTheta[b], work);
                    if (ncx > 0) {
                        regressionAdjusted(cssWy, cssWx, laneW[b], coef);
                    }
                }
                ArimaCss.meanSquareDifferenced4(laneW, n, lanePhi, laneTheta, ncond, laneResid, cssLags, laneOut);
                for (int b = 0; b < 4 && g + b < count; b++) {
                    values[g + b] = 0.5 * Math.log(laneOut[b]);
                }
            }
        }
    }

    static FittedArima fit(Arima spec, TimeSeries series, Regressors userXreg) {
        java.util.Objects.requireNonNull(series, "series");
        List<String> warnings = new ArrayList<>();
        final double[] x = series.values();
        final int n = x.length;
        final int p = spec.p;
        final int d = spec.d;
        final int q = spec.q;
        final int sp = spec.seasonalP;
        final int sd = spec.seasonalD;
        final int sq = spec.seasonalQ;
        final boolean seasonal = sp + sd + sq > 0;
        int s = spec.period == 0 ? series.period() : spec.period;
        if (seasonal) {
            Checks.requireArgument(s >= 2, "seasonal period must be >= 2 for a seasonal part (%d,%d,%d), got %d", sp,
                    sd, sq, s);
        } else {
            s = Math.max(s, 1);
        }
        Checks.requireArgument(n > 0, "series must not be empty");
        Checks.requireArgument(p + s * sp <= MAX_LAG && q + s * sq <= MAX_LAG,
                "largest AR/MA lag (p + s*P = %d, q + s*Q = %d) must be <= %d (as R); model a long season with "
                        + "Fourier regressors instead", p + s * sp, q + s * sq, MAX_LAG);
        int nonMissing = n - series.missingCount();
        Checks.requireArgument(nonMissing > 0, "series has no non-missing values");

        // differencing polynomial (1-B)^d (1-B^s)^D = 1 - Σ δ_k B^k
        double[] poly = {1.0};
        for (int i = 0; i < d; i++) {
            poly = convolve(poly, new double[] {1, -1});
        }
        for (int i = 0; i < sd; i++) {
            double[] sdiff = new double[s + 1];
            sdiff[0] = 1;
            sdiff[s] = -1;
            poly = convolve(poly, sdiff);
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = -poly[i + 1];
        }
        int nd = d + sd;

        // regression columns: intercept, drift, user regressors (R / forecast::Arima order)
        boolean hasIntercept = spec.includeMean && nd == 0;
        boolean hasDrift = spec.includeDrift && nd <= 1;
        if (spec.includeDrift && nd > 1) {
            warnings.add("no drift term fitted as the order of difference is 2 or more");
        }
        List<String> xnames = new ArrayList<>();
        List<double[]> xcols = new ArrayList<>();
        if (hasIntercept) {
            xnames.add("intercept");
            double[] c = new double[n];
            java.util.Arrays.fill(c, 1.0);
            xcols.add(c);
        }
        if (hasDrift) {
            xnames.add("drift");
            double[] c = new double[n];
            for (int t = 0; t < n; t++) {
                c[t] = t + 1;
            }
            xcols.add(c);
        }
        List<String> userNames = List.of();
        if (userXreg != null) {
            Checks.requireArgument(userXreg.length() == n, "regressors have %d rows, series has %d",
                    userXreg.length(), n);
            userNames = userXreg.names();
            for (int k = 0; k < userXreg.count(); k++) {
                xnames.add(userXreg.names().get(k));
                xcols.add(userXreg.column(k));
            }
        }
        final int ncx = xcols.size();
        final int narma = p + q + sp + sq;
        final int npar = narma + ncx;

        // names
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= p; i++) {
            names.add("ar" + i);
        }
        for (int i = 1; i <= q; i++) {
            names.add("ma" + i);
        }
        for (int i = 1; i <= sp; i++) {
            names.add("sar" + i);
        }
        for (int i = 1; i <= sq; i++) {
            names.add("sma" + i);
        }
        names.addAll(xnames);

        // fixed coefficients
        double[] fixed = new double[npar];
        java.util.Arrays.fill(fixed, Double.NaN);
        if (spec.fixed != null) {
            Checks.requireArgument(spec.fixed.length == npar,
                    "fixed has length %d but the model has %d coefficients %s", spec.fixed.length, npar, names);
            System.arraycopy(spec.fixed, 0, fixed, 0, npar);
        }
        boolean[] mask = new boolean[npar];
        int nfree = 0;
        for (int i = 0; i < npar; i++) {
            mask[i] = Double.isNaN(fixed[i]);
            if (mask[i]) {
                nfree++;
            }
        }
        for (int i = 0; i < p; i++) {
            if (!mask[i]) {
                checkFixedStationary(fixed, 0, p, "AR");
                break;
            }
        }
        for (int i = 0; i < sp; i++) {
            if (!mask[p + q + i]) {
                checkFixedStationary(fixed, p + q, sp, "seasonal AR");
                break;
            }
        }

        // missing values and the method
        boolean anyNa = nonMissing < n;
        int usable = 0;
        for (int t = 0; t < n; t++) {
            boolean ok = !Double.isNaN(x[t]);
            for (int k = 0; k < ncx && ok; k++) {
                ok = !Double.isNaN(xcols.get(k)[t]);
            }
            if (ok) {
                usable++;
            }
        }
        anyNa = anyNa || usable < n;
        ArimaMethod method = spec.method;
        if (method == ArimaMethod.CSS_ML && anyNa) {
            method = ArimaMethod.ML;
        }
        Checks.requireArgument(!(method == ArimaMethod.CSS && anyNa),
                "method CSS cannot handle missing values (%d missing); use ML or CSS-ML", n - usable);
        int nUsed = usable - delta.length;
        String orderText = String.format(Locale.ROOT, "ARIMA(%d,%d,%d)(%d,%d,%d)[%d]", p, d, q, sp, sd, sq, s);
        Checks.requireArgument(nUsed > nfree,
                "series too short for %s: %d usable observations after differencing (n=%d, %d missing, "
                        + "d + s*D = %d), need more than the %d estimated coefficients",
                orderText, Math.max(nUsed, 0), n, n - usable, delta.length, nfree);
        int ncond = 0;
        if (method != ArimaMethod.ML) {
            ncond = d + sd * s + p + s * sp;
            if (n - ncond <= nfree) {
                Checks.requireArgument(method != ArimaMethod.CSS,
                        "series too short for CSS with %s: n=%d, conditioning on %d observations", orderText, n,
                        ncond);
                warnings.add("series too short for CSS starting values; used ML from zero");
                method = ArimaMethod.ML;
                ncond = 0;
            }
        }

        boolean trans = spec.transformPars;
        if (nfree == 0) {
            trans = false;
        }
        if (trans) {
            boolean arFixed = false;
            for (int i = 0; i < p; i++) {
                arFixed |= !mask[i];
            }
            for (int i = 0; i < sp; i++) {
                arFixed |= !mask[p + q + i];
            }
            if (arFixed) {
                warnings.add("some AR parameters were fixed: setting transform.pars = FALSE");
                trans = false;
            }
        }

        // regression: optional SVD rotation, OLS starting values and scales
        double[] init = new double[npar];
        double[] parscale = new double[npar];
        java.util.Arrays.fill(parscale, 1.0);
        double[][] rot = null;
        double[][] xmat = new double[ncx][];
        for (int k = 0; k < ncx; k++) {
            xmat[k] = xcols.get(k).clone();
        }
        if (ncx > 0) {
            boolean origXreg = ncx == 1;
            for (int k = 0; k < ncx; k++) {
                origXreg |= !mask[narma + k];
            }
            checkDifferencedRegressors(xmat, xnames, d, sd, s);
            if (!origXreg) {
                rot = svdRotation(xmat, n);
                xmat = multiply(xmat, rot, n);
            }
            double[][] ols = initialRegression(x, xmat, d, sd, s, xnames);
            for (int k = 0; k < ncx; k++) {
                init[narma + k] = ols[0][k];
                double sc = 10 * ols[1][k];
                parscale[narma + k] = sc > 0 && Double.isFinite(sc) ? sc : Math.max(1.0, Math.abs(ols[0][k]));
            }
        }

        checkNotDegenerate(x, xmat, init, narma, d, sd, s, orderText);

        Problem pr = new Problem();
        pr.p = p;
        pr.q = q;
        pr.sp = sp;
        pr.sq = sq;
        pr.s = s;
        pr.d = d;
        pr.sd = sd;
        pr.narma = narma;
        pr.ncx = ncx;
        pr.delta = delta;
        pr.y = x;
        pr.xr = new double[n * ncx];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < ncx; k++) {
                pr.xr[t * ncx + k] = xmat[k][t];
            }
        }
        pr.coef = fixed.clone();
        pr.free = new int[nfree];
        pr.parscale = new double[nfree];
        for (int i = 0, j = 0; i < npar; i++) {
            if (mask[i]) {
                pr.free[j] = i;
                pr.parscale[j++] = parscale[i];
            }
        }
        pr.phi = new double[p + s * sp];
        pr.theta = new double[q + s * sq];
        pr.work = new double[narma + Math.max(p, sp) + 1];
        pr.yadj = new double[n];
        pr.ws = new KalmanWorkspace(pr.phi.length, pr.theta.length, delta.length);
        pr.cssW = new double[n];
        pr.cssResid = new double[n];
        pr.ncond = ncond;
        pr.differenced = !anyNa;
        if (pr.differenced) {
            pr.w = new double[n - delta.length];
            int nz = 0;
            for (double v : delta) {
                nz += v != 0.0 ? 1 : 0;
            }
            pr.deltaIdx = new int[nz];
            pr.deltaVal = new double[nz];
            for (int k = 0, j = 0; k < delta.length; k++) {
                if (delta[k] != 0.0) {
                    pr.deltaIdx[j] = k;
                    pr.deltaVal[j++] = delta[k];
                }
            }
            pr.wsDiff = new KalmanWorkspace(pr.phi.length, pr.theta.length, 0);
            int lag = delta.length;
            int m = n - lag;
            pr.mlWy = new double[m];
            pr.mlWx = new double[m * ncx];
            // w_t = y_(t+L) - Σ δ_k y_(t+L-1-k), over the non-zero δ_k; likewise for each regressor
            for (int t = 0; t < m; t++) {
                double v = x[t + lag];
                for (int j = 0; j < nz; j++) {
                    v -= pr.deltaVal[j] * x[t + lag - 1 - pr.deltaIdx[j]];
                }
                pr.mlWy[t] = v;
                for (int k = 0; k < ncx; k++) {
                    double u = xmat[k][t + lag];
                    for (int j = 0; j < nz; j++) {
                        u -= pr.deltaVal[j] * xmat[k][t + lag - 1 - pr.deltaIdx[j]];
                    }
                    pr.mlWx[t * ncx + k] = u;
                }
            }
        }
        if (method != ArimaMethod.ML) {
            pr.cssWy = new double[n];
            ArimaCss.difference(x, d, sd, s, pr.cssWy);
            pr.cssWx = new double[n * ncx];
            double[] col = new double[n];
            for (int k = 0; k < ncx; k++) {
                ArimaCss.difference(xmat[k], d, sd, s, col);
                for (int t = 0; t < n; t++) {
                    pr.cssWx[t * ncx + k] = col[t];
                }
            }
            pr.cssLags = new int[pr.phi.length + pr.theta.length];
        }

        double[] eps = new double[nfree];
        java.util.Arrays.fill(eps, NumericalDerivatives.NDEPS);
        Bfgs bfgs = new Bfgs(MAX_IT, REL_TOL);
        Objective cssObj = new BatchObjective() {
            @Override
            public double value(double[] xs) {
                return pr.css(xs);
            }

            @Override
            public void values(double[][] points, int count, double[] values) {
                pr.cssBatch(points, count, values);
            }
        };
        Objective mlObj = pr::ml;

        FittedArima.Parts out = new FittedArima.Parts();
        // covariance of the free (rotated) coefficients from the Hessian, deferred: see FittedArima.inference()
        java.util.function.Function<List<String>, double[][]> vcovTask;
        // final Kalman state and covariance, deferred for CSS fits: see FittedArima.ensureState()
        java.util.function.Supplier<double[][]> stateTask = null;
        double value;
        double sigma2;
        double[] residuals = new double[n];
        boolean converged;
        int iterations;
        double[] coef;

        if (method == ArimaMethod.CSS) {
            pr.trans = false;
            Bfgs.Result res = minimizeOrEvaluate(bfgs, cssObj, scaled(init, pr), eps, nfree);
            converged = res.converged();
            iterations = res.iterations();
            if (!converged) {
                warnings.add("possible convergence problem: optimiser reached " + MAX_IT + " iterations");
            }
            value = res.value();
            pr.unscale(res.point());
            coef = pr.coef.clone();
            double[] at = res.point().clone();
            vcovTask = hw -> at.length == 0 ? new double[0][0] : invertScaled(hessian(cssObj, at, pr), nUsed, hw);
            ArimaParameterTransform.transPars(p, q, sp, sq, s, coef, false, pr.phi, pr.theta, pr.work);
            double[] yv = pr.series(coef);
            sigma2 = ArimaCss.meanSquare(yv, d, sd, s, pr.phi, pr.theta, ncond, pr.cssW, residuals);
            // the final Kalman state (for forecasting) on first use: a search discards most CSS fits unforecast
            double[] coefK = coef.clone();
            double[] phiK = pr.phi.clone();
            double[] thetaK = pr.theta.clone();
            stateTask = () -> {
                pr.acquireWorkspaces();
                try {
                    KalmanLikelihood.evaluate(pr.series(coefK), phiK, thetaK, delta, pr.ws, null);
                    return new double[][] {pr.ws.state(), pr.ws.covariance()};
                } finally {
                    pr.releaseWorkspaces();
                }
            };
        } else {
            if (method == ArimaMethod.CSS_ML) {
                pr.trans = false;
                Bfgs.Result res = minimizeOrEvaluate(bfgs, cssObj, scaled(init, pr), eps, nfree);
                if (res.converged()) {
                    pr.unscale(res.point());
                    for (int i : pr.free) {
                        init[i] = pr.coef[i];
                    }
                }
                if (p > 0 && !Polynomials.isStationary(java.util.Arrays.copyOfRange(init, 0, p))) {
                    warnings.add("non-stationary AR part from CSS: ML started from zero AR coefficients");
                    java.util.Arrays.fill(init, 0, p, 0.0);
                }
                if (sp > 0 && !Polynomials.isStationary(java.util.Arrays.copyOfRange(init, p + q, p + q + sp))) {
                    warnings.add("non-stationary seasonal AR part from CSS: ML started from zero seasonal AR");
                    java.util.Arrays.fill(init, p + q, p + q + sp, 0.0);
                }
                pr.ncond = 0;
            }
            // fixed values sit in init for the free/fixed split
            for (int i = 0; i < npar; i++) {
                if (!mask[i]) {
                    init[i] = fixed[i];
                }
            }
            if (trans) {
                init = ArimaParameterTransform.invtrans(p, q, sp, init);
                if (q > 0) {
                    replace(init, p, Polynomials.invertMa(java.util.Arrays.copyOfRange(init, p, p + q)));
                }
                if (sq > 0) {
                    int o = p + q + sp;
                    replace(init, o, Polynomials.invertMa(java.util.Arrays.copyOfRange(init, o, o + sq)));
                }
            }
            pr.trans = trans;
            double[] start = scaled(init, pr);
            double f0 = nfree == 0 ? 0 : pr.ml(start);
            if (!Double.isFinite(f0)) {
                throw new ModelFitException("the likelihood of " + orderText
                        + " is not finite at the starting values (constant series after differencing?)");
            }
            Bfgs.Result res = minimizeOrEvaluate(bfgs, mlObj, start, eps, nfree);
            converged = res.converged();
            iterations = res.iterations();
            if (!converged) {
                warnings.add("possible convergence problem: optimiser reached " + MAX_IT + " iterations");
            }
            value = res.value();
            double[] xs = res.point();
            pr.unscale(xs);
            coef = pr.coef.clone();
            if (trans) {
                boolean changed = false;
                if (q > 0 && allFree(mask, p, q)) {
                    double[] inv = Polynomials.invertMa(java.util.Arrays.copyOfRange(coef, p, p + q));
                    changed |= replace(coef, p, inv);
                }
                if (sq > 0 && allFree(mask, p + q + sp, sq)) {
                    int o = p + q + sp;
                    double[] inv = Polynomials.invertMa(java.util.Arrays.copyOfRange(coef, o, o + sq));
                    changed |= replace(coef, o, inv);
                }
                if (changed) {
                    warnings.add("non-invertible MA part inverted after optimisation");
                    xs = scaled(coef, pr);
                    value = pr.ml(xs);
                }
                double[] at = xs.clone();
                double[] coefAt = coef.clone();
                vcovTask = hw -> {
                    double[][] vt = invertScaled(hessian(mlObj, at, pr), nUsed, hw);
                    double[][] a = ArimaParameterTransform.gradtrans(p, q, sp, coefAt);
                    return sandwich(a, vt, pr.free);
                };
                coef = ArimaParameterTransform.undoPars(p, q, sp, coef);
            } else {
                double[] at = xs.clone();
                vcovTask = hw -> at.length == 0 ? new double[0][0] : invertScaled(hessian(mlObj, at, pr), nUsed, hw);
            }
            ArimaParameterTransform.transPars(p, q, sp, sq, s, coef, false, pr.phi, pr.theta, pr.work);
            double[] yv = pr.series(coef);
            double ssq = KalmanLikelihood.evaluate(yv, pr.phi, pr.theta, delta, pr.ws, residuals);
            sigma2 = ssq / nUsed;
            if (nfree == 0 || pr.differenced) {
                // R's objective (kappa = 1e6 diffuse prior) at the estimate, for R's log-likelihood
                value = KalmanLikelihood.concentratedObjective(pr.ws);
            }
        }

        // rotate regression coefficients back to the original regressors
        if (rot != null) {
            double[] b = new double[ncx];
            for (int i = 0; i < ncx; i++) {
                for (int j = 0; j < ncx; j++) {
                    b[i] += rot[i][j] * coef[narma + j];
                }
            }
            System.arraycopy(b, 0, coef, narma, ncx);
            double[][] a = new double[npar][npar];
            for (int i = 0; i < npar; i++) {
                a[i][i] = 1.0;
            }
            for (int i = 0; i < ncx; i++) {
                for (int j = 0; j < ncx; j++) {
                    a[narma + i][narma + j] = rot[i][j];
                }
            }
            double[][] am = restrict(a, pr.free);
            java.util.function.Function<List<String>, double[][]> rotated = vcovTask;
            vcovTask = hw -> multiply(multiply(am, rotated.apply(hw)), transpose(am));
        }

        double loglik = -0.5 * (2 * nUsed * value + nUsed + nUsed * LOG_2PI);
        int k = nfree + 1;
        double aic = method == ArimaMethod.CSS ? Double.NaN : -2 * loglik + 2 * k;
        double aicc = method == ArimaMethod.CSS ? Double.NaN : aic + 2.0 * k * (k + 1) / (nUsed - k - 1);
        double bic = method == ArimaMethod.CSS ? Double.NaN : aic + k * (Math.log(nUsed) - 2);
        if (nUsed - k - 1 <= 0 && method != ArimaMethod.CSS) {
            aicc = Double.POSITIVE_INFINITY;
        }
        if (!Double.isFinite(loglik) || !Double.isFinite(sigma2)) {
            throw new ModelFitException("fit of " + orderText + " failed: log-likelihood " + loglik + ", sigma2 "
                    + sigma2 + " (degenerate series?)");
        }

        java.util.function.Function<List<String>, double[][]> task = vcovTask;
        out.inferenceTask = () -> {
            List<String> hw = new ArrayList<>();
            double[][] vcov;
            pr.acquireWorkspaces();
            try {
                vcov = task.apply(hw);
            } finally {
                pr.releaseWorkspaces();
            }
            double[] se = new double[npar];
            java.util.Arrays.fill(se, Double.NaN);
            for (int i = 0; i < pr.free.length; i++) {
                double v = vcov[i][i];
                se[pr.free[i]] = v >= 0 ? Math.sqrt(v) : Double.NaN;
            }
            return new FittedArima.Inference(se, vcov, FittedArima.copyOf(hw));
        };
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} loglik={} evaluations={} converged={}", orderText, method, loglik, pr.evaluations,
                    converged);
        }

        out.spec = spec;
        out.series = series;
        out.p = p;
        out.d = d;
        out.q = q;
        out.sp = sp;
        out.sd = sd;
        out.sq = sq;
        out.period = s;
        out.method = method;
        out.names = FittedArima.copyOf(names);
        out.coef = coef;
        out.mask = mask;
        out.sigma2 = sigma2;
        out.loglik = loglik;
        out.aic = aic;
        out.aicc = aicc;
        out.bic = bic;
        out.nobs = nUsed;
        out.converged = converged;
        out.iterations = iterations;
        out.evaluations = pr.evaluations;
        out.warnings = FittedArima.copyOf(warnings);
        out.residuals = residuals;
        out.phi = pr.phi.clone();
        out.theta = pr.theta.clone();
        out.delta = delta;
        if (stateTask == null) {
            out.state = pr.ws.state();
            out.cov = pr.ws.covariance();
        } else {
            out.stateTask = stateTask;
        }
        out.hasIntercept = hasIntercept;
        out.hasDrift = hasDrift;
        out.xregNames = FittedArima.copyOf(userNames);
        pr.releaseWorkspaces();
        return new FittedArima(out);
    }

    private static Bfgs.Result minimizeOrEvaluate(Bfgs bfgs, Objective f, double[] start, double[] eps, int nfree) {
        if (nfree == 0) {
            return new Bfgs(0, REL_TOL).minimize(f, start, eps);
        }
        try {
            return bfgs.minimize(f, start, eps);
        } catch (IllegalArgumentException e) {
            throw new ModelFitException("optimisation failed: " + e.getMessage(), e);
        }
    }

    private static double[] scaled(double[] full, Problem pr) {
        double[] xs = new double[pr.free.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = full[pr.free[i]] / pr.parscale[i];
        }
        return xs;
    }

    /**
     * Hessian of the objective with respect to the unscaled free parameters at {@code xs} (scaled), exactly as
     * R's {@code optimhess} (called by {@code optim(hessian = TRUE)} in {@code stats::arima}) computes it: the
     * gradient by central differences with step {@code ndeps} = 1e-3 in the scaled parameters, then column
     * {@code i} by central differences of that gradient with step {@code ndeps / parscale_i} in the scaled
     * parameters (i.e. {@code ndeps} in the unscaled ones), symmetrised:
     * {@code H_ij = (g_j(x + e_i) - g_j(x - e_i)) / (2 ndeps parscale_i parscale_j)}. Its diagonal
     * is a second difference with step 2&middot;ndeps, which matters for the sign of the curvature near a
     * kink or boundary of the objective, and so for which candidates auto-ARIMA rejects.
     */
    private static double[][] hessian(Objective f, double[] xs, Problem pr) {
        int m = xs.length;
        double[] eps = new double[m];
        double[] outer = new double[m];
        for (int i = 0; i < m; i++) {
            eps[i] = NumericalDerivatives.NDEPS;
            outer[i] = NumericalDerivatives.NDEPS / pr.parscale[i];
        }
        double[][] hs = NumericalDerivatives.hessian(f, xs.clone(), eps, outer);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                hs[i][j] /= pr.parscale[i] * pr.parscale[j];
            }
        }
        return hs;
    }

    /** (H n)^-1, or NaN with a warning when H is singular. */
    private static double[][] invertScaled(double[][] h, int nUsed, List<String> warnings) {
        int m = h.length;
        RealMatrix hm = new Array2DRowRealMatrix(h).scalarMultiply(nUsed);
        LUDecomposition lu = new LUDecomposition(hm, 1e-300);
        if (!lu.getSolver().isNonSingular()) {
            warnings.add("singular Hessian: standard errors are not available");
            double[][] nan = new double[m][m];
            for (double[] row : nan) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return nan;
        }
        double[][] inv = lu.getSolver().getInverse().getData();
        for (int i = 0; i < m; i++) {
            if (!(inv[i][i] > 0)) {
                warnings.add("Hessian not positive definite: some standard errors are NaN");
                break;
            }
        }
        return inv;
    }

    /** A' V A restricted to the free parameters (delta method through the AR transform). */
    private static double[][] sandwich(double[][] aFull, double[][] v, int[] free) {
        double[][] a = restrict(aFull, free);
        return multiply(multiply(transpose(a), v), a);
    }

    private static double[][] restrict(double[][] a, int[] idx) {
        double[][] r = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                r[i][j] = a[idx[i]][idx[j]];
            }
        }
        return r;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length == 0 ? 0 : b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static boolean allFree(boolean[] mask, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (!mask[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean replace(double[] target, int off, double[] values) {
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            changed |= target[off + i] != values[i];
            target[off + i] = values[i];
        }
        return changed;
    }

    private static void checkFixedStationary(double[] fixed, int off, int len, String what) {
        boolean allFixed = true;
        for (int i = off; i < off + len; i++) {
            allFixed &= !Double.isNaN(fixed[i]);
        }
        if (allFixed) {
            double[] ar = java.util.Arrays.copyOfRange(fixed, off, off + len);
            Checks.requireArgument(Polynomials.isStationary(ar),
                    "fixed %s coefficients %s are not stationary (a root of the AR polynomial is on or inside the "
                            + "unit circle)", what, java.util.Arrays.toString(ar));
        }
    }

    /** A series that is exactly zero after differencing and the starting regression cannot be estimated. */
    private static void checkNotDegenerate(double[] x, double[][] xmat, double[] init, int narma, int d, int sd,
                                           int s, String orderText) {
        int n = x.length;
        double[] r = new double[n];
        double scale = 0;
        for (int t = 0; t < n; t++) {
            double v = x[t];
            for (int k = 0; k < xmat.length; k++) {
                v -= xmat[k][t] * init[narma + k];
            }
            r[t] = v;
            if (!Double.isNaN(x[t])) {
                scale = Math.max(scale, Math.abs(x[t]));
            }
        }
        double[] w = difference(r, d, sd, s);
        double dev = 0;
        for (double v : w) {
            if (!Double.isNaN(v)) {
                dev = Math.max(dev, Math.abs(v));
            }
        }
        if (dev <= 1e-12 * Math.max(scale, Double.MIN_NORMAL)) {
            throw new ModelFitException("the series is constant (or exactly linear) after differencing and the "
                    + "regression of " + orderText + ": the innovation variance would be 0; use a mean or naive "
                    + "forecast for it");
        }
    }

    static double[] convolve(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    /** Applies (1-B)^d (1-B^s)^D, returning n - d - sD values (NaN propagates). */
    static double[] difference(double[] v, int d, int sd, int s) {
        double[] w = v.clone();
        for (int i = 0; i < d; i++) {
            double[] u = new double[w.length - 1];
            for (int t = 0; t < u.length; t++) {
                u[t] = w[t + 1] - w[t];
            }
            w = u;
        }
        for (int i = 0; i < sd; i++) {
            double[] u = new double[Math.max(0, w.length - s)];
            for (int t = 0; t < u.length; t++) {
                u[t] = w[t + s] - w[t];
            }
            w = u;
        }
        return w;
    }

    private static void checkDifferencedRegressors(double[][] xmat, List<String> names, int d, int sd, int s) {
        if (d + sd == 0) {
            return;
        }
        for (int k = 0; k < xmat.length; k++) {
            double[] dx = difference(xmat[k], d, sd, s);
            double scale = 0;
            double dev = 0;
            for (double v : xmat[k]) {
                if (!Double.isNaN(v)) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (double v : dx) {
                if (!Double.isNaN(v)) {
                    dev = Math.max(dev, Math.abs(v));
                }
            }
            Checks.requireArgument(dev > 1e-10 * Math.max(scale, 1e-300),
                    "regressor '%s' is constant after differencing (d=%d, D=%d): it is collinear with the "
                            + "differencing and cannot be estimated; drop it or use fewer differences",
                    names.get(k), d, sd);
        }
    }

    /** V of the SVD of the complete rows of X (R: {@code svd(na.omit(xreg))$v}). */
    private static double[][] svdRotation(double[][] xmat, int n) {
        int k = xmat.length;
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double[] row = new double[k];
            boolean ok = true;
            for (int j = 0; j < k; j++) {
                row[j] = xmat[j][t];
                ok &= !Double.isNaN(row[j]);
            }
            if (ok) {
                rows.add(row);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(
                new Array2DRowRealMatrix(rows.toArray(new double[0][])));
        return svd.getV().getData();
    }

    /** X V for column-stored X (xmat[k][t]). */
    private static double[][] multiply(double[][] xmat, double[][] v, int n) {
        int k = xmat.length;
        double[][] out = new double[k][n];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += xmat[i][t] * v[i][j];
                }
                out[j][t] = s;
            }
        }
        return out;
    }

    /**
     * OLS of the differenced series on the differenced regressors without intercept (R: {@code lm(dx ~ dxreg -
     * 1)}; on the undifferenced data when too few rows remain): {coefficients, standard errors}.
     */
    private static double[][] initialRegression(double[] x, double[][] xmat, int d, int sd, int s,
                                                List<String> names) {
        int k = xmat.length;
        double[] dx = difference(x, d, sd, s);
        double[][] dxr = new double[k][];
        for (int j = 0; j < k; j++) {
            dxr[j] = difference(xmat[j], d, sd, s);
        }
        if (dx.length <= k) {
            dx = x;
            dxr = xmat;
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int t = 0; t < dx.length; t++) {
            boolean ok = !Double.isNaN(dx[t]);
            double[] row = new double[k];
            for (int j = 0; j < k; j++) {
                row[j] = dxr[j][t];
                ok &= !Double.isNaN(row[j]);
            }
            if (ok) {
                rows.add(row);
                ys.add(dx[t]);
            }
        }
        Checks.requireArgument(rows.size() > k, "too few complete observations (%d) for %d regressors %s",
                rows.size(), k, names);
        double[] yv = new double[ys.size()];
        for (int i = 0; i < yv.length; i++) {
            yv[i] = ys.get(i);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
        ols.setNoIntercept(true);
        ols.newSampleData(yv, rows.toArray(new double[0][]));
        try {
            double[] b = ols.estimateRegressionParameters();
            double[] se;
            if (yv.length > k) {
                se = ols.estimateRegressionParametersStandardErrors();
            } else {
                se = new double[k];
            }
            return new double[][] {b, se};
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            throw new IllegalArgumentException("regressors " + names + " are collinear (after differencing)", e);
        }
    }
}
