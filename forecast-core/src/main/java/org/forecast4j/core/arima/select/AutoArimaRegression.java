package org.forecast4j.core.arima.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.forecast4j.core.arima.Regressors;

/**
 * The regression step of {@code auto.arima(y, xreg = ...)} (R forecast 8.20): before the unit-root tests the series
 * is replaced by the residuals of an OLS regression on the regressors with an intercept ({@code xx[j] <-
 * residuals(lm(x ~ xregg))} on the rows {@code j} where the series and every regressor are observed), and the
 * regressors are checked:
 * <ul>
 * <li>a regressor that is constant over the observations is rejected (R drops it from the tests but passes it to
 * every candidate, where it is collinear with the intercept or vanishes after differencing, and then stops with "No
 * suitable ARIMA model found");</li>
 * <li>R's rank test {@code min(sv) / sum(sv) < .Machine$double.eps} on the singular values of
 * {@code cbind(1, xreg)} (complete rows) rejects rank-deficient regressors; the message names the first column
 * that is a linear combination of the intercept and the columns before it.</li>
 * </ul>
 */
final class AutoArimaRegression {

    /** R's {@code .Machine$double.eps}, the threshold of the rank test. */
    static final double RANK_EPS = Math.ulp(1.0);

    private final double[][] columns;
    private final double[] residuals;

    private AutoArimaRegression(double[][] columns, double[] residuals) {
        this.columns = columns;
        this.residuals = residuals;
    }

    /**
     * Rows {@code [from, to)} of the regressors.
     *
     * @param r    the regressors. Not modified.
     * @param from first row
     * @param to   end row (exclusive)
     * @return the sub-regressors
     */
    static Regressors rows(Regressors r, int from, int to) {
        double[][] c = new double[r.count()][];
        for (int k = 0; k < c.length; k++) {
            c[k] = Arrays.copyOfRange(r.column(k), from, to);
        }
        return Regressors.of(r.names(), c);
    }

    /**
     * Checks the regressors and regresses the series on them.
     *
     * @param x  the series (leading missing values dropped). Not modified.
     * @param xr the regressors, same length. Not modified.
     * @return the regression
     * @throws IllegalArgumentException for a constant regressor or rank-deficient regressors, naming the column
     */
    static AutoArimaRegression of(double[] x, Regressors xr) {
        int n = x.length;
        int k = xr.count();
        double[][] cols = new double[k][];
        for (int j = 0; j < k; j++) {
            cols[j] = xr.column(j);
            if (UnitRootTests.isConstant(cols[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "regressor '%s' is constant (%s) over "
                        + "the %d observations: its coefficient cannot be estimated next to the mean or after "
                        + "differencing; drop it (R's auto.arima finds no suitable model then)", xr.names().get(j),
                        firstObserved(cols[j]), n));
            }
        }
        // complete rows of cbind(1, xreg) for the rank test (R: na.omit), and of (x, xreg) for the regression
        List<Integer> designRows = new ArrayList<>();
        List<Integer> fitRows = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            boolean complete = true;
            for (int j = 0; j < k && complete; j++) {
                complete = !Double.isNaN(cols[j][t]);
            }
            if (complete) {
                designRows.add(t);
                if (!Double.isNaN(x[t])) {
                    fitRows.add(t);
                }
            }
        }
        if (deficient(cols, designRows, k)) {
            String culprit = xr.names().get(k - 1);
            for (int j = 1; j <= k; j++) {
                if (deficient(cols, designRows, j)) {
                    culprit = xr.names().get(j - 1);
                    break;
                }
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "regressors are rank deficient (R: \"xreg "
                    + "is rank deficient\"): '%s' is a linear combination of the intercept and the regressors before "
                    + "it in %s; drop or change it", culprit, xr.names()));
        }
        int m = fitRows.size();
        double[] xx = x.clone();
        if (m > k + 1) {
            // xx[j] <- residuals(lm(x ~ xreg)): OLS with intercept by QR
            DMatrixRMaj a = new DMatrixRMaj(m, k + 1);
            DMatrixRMaj y = new DMatrixRMaj(m, 1);
            for (int i = 0; i < m; i++) {
                int t = fitRows.get(i);
                a.set(i, 0, 1.0);
                for (int j = 0; j < k; j++) {
                    a.set(i, j + 1, cols[j][t]);
                }
                y.set(i, 0, x[t]);
            }
            DMatrixRMaj beta = new DMatrixRMaj(k + 1, 1);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(m, k + 1);
            if (solver.setA(a.copy())) {
                solver.solve(y, beta);
                for (int i = 0; i < m; i++) {
                    int t = fitRows.get(i);
                    double fit = beta.get(0, 0);
                    for (int j = 0; j < k; j++) {
                        fit += beta.get(j + 1, 0) * cols[j][t];
                    }
                    xx[t] = x[t] - fit;
                }
            }
        }
        return new AutoArimaRegression(cols, xx);
    }

    private static double firstObserved(double[] c) {
        for (double v : c) {
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** R's rank test on {@code cbind(1, xreg[, 1:count])} over the given rows. */
    private static boolean deficient(double[][] cols, List<Integer> rows, int count) {
        int r = rows.size();
        if (r == 0) {
            return true;
        }
        DMatrixRMaj a = new DMatrixRMaj(r, count + 1);
        for (int i = 0; i < r; i++) {
            int t = rows.get(i);
            a.set(i, 0, 1.0);
            for (int j = 0; j < count; j++) {
                a.set(i, j + 1, cols[j][t]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(r, count + 1, false, false,
                true);
        if (!svd.decompose(a)) {
            return true;
        }
        double[] sv = svd.getSingularValues();
        int ns = Math.min(r, count + 1);
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < ns; i++) {
            min = Math.min(min, sv[i]);
            sum += sv[i];
        }
        // fewer rows than columns: singular values beyond the row count are zero
        if (r < count + 1) {
            min = 0;
        }
        return min / sum < RANK_EPS;
    }

    /**
     * The series with the regression residuals in place of the rows where the series and all regressors are
     * observed (R's {@code xx}).
     *
     * @return a new array
     */
    double[] residuals() {
        return residuals.clone();
    }

    /**
     * Whether some regressor is constant after {@code bigD} lag-{@code m} and {@code d} lag-1 differences (R reduces D,
     * then d, by one in that case).
     *
     * @param m    seasonal lag
     * @param bigD seasonal differences
     * @param lag  ordinary lag (1)
     * @param d    ordinary differences
     * @return true if a differenced column is constant
     */
    boolean constantAfterDifferencing(int m, int bigD, int lag, int d) {
        for (double[] c : columns) {
            double[] v = c;
            for (int i = 0; i < bigD; i++) {
                v = diff(v, m);
            }
            for (int i = 0; i < d; i++) {
                v = diff(v, lag);
            }
            if (UnitRootTests.isConstant(v)) {
                return true;
            }
        }
        return false;
    }

    private static double[] diff(double[] v, int lag) {
        int len = Math.max(0, v.length - lag);
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            out[i] = v[i + lag] - v[i];
        }
        return out;
    }
}
