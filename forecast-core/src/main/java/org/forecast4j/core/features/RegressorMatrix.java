package org.forecast4j.core.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;

/**
 * An immutable n × k matrix of regressors (exogenous variables) aligned with a {@link TimeSeries}: row i
 * holds the k regressors of time step {@code firstStep + i} of the series (step 0 = the first observation),
 * column j is named {@code names().get(j)}. This is the {@code xreg} of ARIMA and the covariate input of the
 * LSTM.
 *
 * <p><b>Shape and layout.</b> {@link #rows()} = n (the series length for {@link FeatureSet#matrix}, h for
 * {@link #future(int)}), {@link #columns()} = k. {@link #data()} is row-major: element (i, j) is
 * {@code data[i*k + j]}, the layout of EJML's {@code DMatrixRMaj} ({@code DMatrixRMaj.wrap(n, k, x.data())}).
 * {@link #toArray()} gives {@code double[n][k]} and {@link #byColumn()} the column-major {@code double[k][n]} that
 * ARIMA's {@code Regressors.of(names, columns)} takes. NaN marks a value that cannot be computed (lags before the
 * start); {@link #firstCompleteRow()} says where complete rows begin.
 *
 * <p><b>Future values.</b> {@link #future(int)} returns the h rows that follow this matrix — the regressors
 * over the forecast horizon — computed by the same {@link FeatureSet}, so training and forecasting use the
 * same definitions. Calendar, event and Fourier columns extend without limit; lag and rolling columns only as
 * far as observed values allow ({@link FeatureSet#maxHorizon()}). A matrix made with {@link #of} from user data
 * has no generator: pass its future values with another {@link #of}.
 *
 * @since 0.1.0
 */
public final class RegressorMatrix {

    private final List<String> names;
    private final int rows;
    private final int cols;
    private final double[] data;
    private final TimeSeries series;
    private final long firstStep;
    private final FeatureSet generator;
    private final LocalDateTime start;
    private final Frequency frequency;

    RegressorMatrix(List<String> names, int rows, double[] data, TimeSeries series, long firstStep,
                    FeatureSet generator) {
        this.names = names;
        this.rows = rows;
        this.cols = names.size();
        this.data = data;
        this.series = series;
        this.firstStep = firstStep;
        this.generator = generator;
        this.frequency = series == null ? Frequency.INDEX : series.frequency();
        this.start = series != null && series.frequency().isCalendar() ? series.timestamp(firstStep) : null;
    }

    /**
     * A matrix from user data (e.g. planned marketing spend), without a generator for future rows.
     *
     * @param names  k distinct column names
     * @param values n rows of k values each. Not modified (copied).
     * @return the matrix
     * @throws IllegalArgumentException if names repeat, rows are ragged or a value is infinite
     */
    public static RegressorMatrix of(List<String> names, double[][] values) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(values, "values");
        Set<String> seen = new HashSet<>();
        for (String s : names) {
            Checks.requireArgument(s != null && seen.add(s), "column names must be distinct and non-null, got %s",
                    names);
        }
        int k = names.size();
        double[] d = new double[Math.multiplyExact(values.length, k)];
        for (int i = 0; i < values.length; i++) {
            Checks.requireArgument(values[i] != null && values[i].length == k, "row %d has %s values, expected %d",
                    i, values[i] == null ? "no" : Integer.toString(values[i].length), k);
            for (int j = 0; j < k; j++) {
                Checks.requireArgument(!Double.isInfinite(values[i][j]), "values[%d][%d] must not be infinite", i, j);
                d[i * k + j] = values[i][j];
            }
        }
        return new RegressorMatrix(Collections.unmodifiableList(new ArrayList<>(names)), values.length, d, null, 0,
                null);
    }

    /**
     * The regressors of the {@code h} steps after this matrix's last row.
     *
     * @param h horizon, &ge; 0
     * @return an h × k matrix
     * @throws IllegalArgumentException if h exceeds what lag or rolling columns allow
     * @throws IllegalStateException for a matrix made from user data
     */
    public RegressorMatrix future(int h) {
        Checks.requireNonNegative(h, "h");
        Checks.requireState(generator != null, "this matrix was built from data; supply future regressor values "
                + "with RegressorMatrix.of");
        long from = firstStep + rows;
        long beyond = from + h - series.length();
        Checks.requireArgument(beyond <= generator.maxHorizon(),
                "horizon %d reaches %d steps past the last observation but lag/rolling columns allow at most %d",
                h, beyond, generator.maxHorizon());
        return generator.compute(series, from, h);
    }

    /**
     * Returns the column names.
     *
     * @return k names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Returns the number of rows.
     *
     * @return n
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the number of columns.
     *
     * @return k
     */
    public int columns() {
        return cols;
    }

    /**
     * Element (i, j).
     *
     * @param i row in [0, n)
     * @param j column in [0, k)
     * @return the value, NaN if not computable
     */
    public double get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        return data[i * cols + j];
    }

    /**
     * A copy of one column.
     *
     * @param name column name
     * @return n values
     * @throws IllegalArgumentException if there is no such column
     */
    public double[] column(String name) {
        int j = names.indexOf(name);
        Checks.requireArgument(j >= 0, "no regressor column '%s' in %s", name, names);
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /**
     * A copy of the data, row-major ({@code [i*k + j]}).
     *
     * @return n·k values
     */
    public double[] data() {
        return data.clone();
    }

    /**
     * A column-major copy, {@code double[k][n]} ({@code byColumn()[j][i]} = element (i, j)) — the layout of
     * ARIMA's {@code Regressors.of(x.names(), x.byColumn())}.
     *
     * @return k columns of n values
     */
    public double[][] byColumn() {
        double[][] c = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[j][i] = data[i * cols + j];
            }
        }
        return c;
    }

    /**
     * A copy as {@code double[n][k]}.
     *
     * @return rows of values
     */
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = java.util.Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return a;
    }

    /**
     * Index of the first row without NaN.
     *
     * @return row index, or n if every row has a NaN
     */
    public int firstCompleteRow() {
        for (int i = 0; i < rows; i++) {
            boolean ok = true;
            for (int j = 0; j < cols && ok; j++) {
                ok = !Double.isNaN(data[i * cols + j]);
            }
            if (ok) {
                return i;
            }
        }
        return rows;
    }

    /**
     * The step of row 0, relative to the series start (0 for in-sample matrices, n for {@code future(h)}).
     *
     * @return first step
     */
    public long firstStep() {
        return firstStep;
    }

    /**
     * Timestamp of row i.
     *
     * @param i row
     * @return the timestamp
     * @throws IllegalStateException for matrices without a calendar time axis
     */
    public LocalDateTime timestamp(int i) {
        Checks.requireState(start != null, "this regressor matrix has no calendar time axis");
        return series.timestamp(firstStep + i);
    }

    /**
     * Returns the frequency of the rows.
     *
     * @return the series' frequency, INDEX for matrices from data
     */
    public Frequency frequency() {
        return frequency;
    }

    @Override
    public String toString() {
        return "RegressorMatrix[" + rows + " x " + cols + (start == null ? "" : ", from " + start) + ", " + names
                + "]";
    }
}
