package org.forecast4j.core.arima;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * Exogenous regressors of a regression with ARIMA errors (R's {@code xreg}): named columns of equal length,
 * NaN for missing. Immutable; getters return copies.
 *
 * @since 0.1.0
 */
public final class Regressors {

    private final List<String> names;
    private final double[][] columns;

    private Regressors(List<String> names, double[][] columns) {
        this.names = names;
        this.columns = columns;
    }

    /**
     * Creates regressors from columns.
     *
     * @param names   column names, distinct, not {@code intercept} or {@code drift}
     * @param columns {@code columns[k][t]}, all of the same length. Not modified.
     * @return the regressors
     * @throws IllegalArgumentException on a shape mismatch, duplicate or reserved names, or infinite values
     */
    public static Regressors of(List<String> names, double[][] columns) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        Checks.requireArgument(names.size() == columns.length, "names size %d != number of columns %d",
                names.size(), columns.length);
        Checks.requireArgument(columns.length > 0, "regressors need at least one column");
        int n = columns[0].length;
        double[][] c = new double[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            String nm = Objects.requireNonNull(names.get(k), "names[" + k + "]");
            Checks.requireArgument(!nm.isBlank() && !"intercept".equals(nm) && !"drift".equals(nm),
                    "regressor name '%s' is blank or reserved (intercept, drift)", nm);
            Checks.requireArgument(names.indexOf(nm) == k, "duplicate regressor name '%s'", nm);
            Checks.requireArgument(columns[k].length == n, "regressor '%s' has length %d, expected %d", nm,
                    columns[k].length, n);
            c[k] = columns[k].clone();
            for (int t = 0; t < n; t++) {
                Checks.requireArgument(!Double.isInfinite(c[k][t]), "regressor '%s'[%d] is infinite", nm, t);
            }
        }
        return new Regressors(Collections.unmodifiableList(List.copyOf(names)), c);
    }

    /**
     * Column names.
     *
     * @return unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    /**
     * Number of columns.
     *
     * @return k
     */
    public int count() {
        return columns.length;
    }

    /**
     * Number of rows (time points).
     *
     * @return n
     */
    public int length() {
        return columns[0].length;
    }

    /**
     * A copy of one column.
     *
     * @param k column index
     * @return values
     */
    public double[] column(int k) {
        return columns[k].clone();
    }

    double get(int k, int t) {
        return columns[k][t];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Regressors && names.equals(((Regressors) o).names)
                && Arrays.deepEquals(columns, ((Regressors) o).columns);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.deepHashCode(columns);
    }

    @Override
    public String toString() {
        return "Regressors" + names + " n=" + length();
    }
}
