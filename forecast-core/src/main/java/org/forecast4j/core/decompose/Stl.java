package org.forecast4j.core.decompose;

import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae &amp; Terpenning 1990, "STL: A
 * seasonal-trend decomposition procedure based on loess", <i>Journal of Official Statistics</i> 6(1), 3–73).
 * It splits a series into {@code y = S + T + R} by alternating
 * <ol>
 * <li>cycle-subseries smoothing of the detrended series {@code y − T} (one loess per season position, window
 * {@code ns}, extended one period at both ends) giving {@code C};</li>
 * <li>a low-pass filter of {@code C} (moving averages of lengths {@code np}, {@code np}, 3, then a loess of
 * window {@code nl}) giving {@code L}, and the seasonal component {@code S = C − L};</li>
 * <li>a loess of the deseasonalised series {@code y − S} (window {@code nt}) giving the trend {@code T};</li>
 * </ol>
 * {@code inner} times, and, when robust, {@code outer} times more with bisquare robustness weights
 * {@code B(|R_i| / (6·median|R|))} multiplying the loess weights.
 *
 * <p>The defaults and results are those of R's {@code stats::stl}: {@code t.window = nextodd(⌈1.5·np /
 * (1 − 1.5/ns)⌉)}, {@code l.window = nextodd(np)}, jumps {@code ⌈window/10⌉}, degree 0 for the seasonal
 * loess and 1 for trend and low-pass, {@code inner = 2, outer = 0} (robust: {@code 1, 15}); windows are made
 * odd and at least 3. The default seasonal window is 11, the one {@code forecast::mstl} uses for a series with
 * one seasonal period. {@link Builder#periodic()} replaces the seasonal component by its mean per season
 * position, as {@code s.window = "periodic"} does.
 *
 * <pre>{@code
 * StlDecomposition d = Stl.builder(12).seasonalWindow(13).robust(true).build().decompose(y);
 * double[] seasonal = d.seasonal();
 * }</pre>
 *
 * <p>Immutable and thread-safe; each call allocates its own workspace of {@code 5·(n + 2·period)} doubles.
 *
 * @since 0.1.0
 */
public final class Stl {

    private final int period;
    private final int seasonalWindow;
    private final boolean periodic;
    private final int seasonalDegree;
    private final int trendWindow;
    private final int trendDegree;
    private final int lowPassWindow;
    private final int lowPassDegree;
    private final int seasonalJump;
    private final int trendJump;
    private final int lowPassJump;
    private final boolean robust;
    private final int inner;
    private final int outer;

    private Stl(Builder b) {
        this.period = b.period;
        this.periodic = b.periodic;
        this.seasonalWindow = b.seasonalWindow;
        this.seasonalDegree = b.periodic ? 0 : b.seasonalDegree;
        this.trendWindow = b.trendWindow > 0 ? b.trendWindow
                : nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / b.seasonalWindow)));
        this.trendDegree = b.trendDegree;
        this.lowPassWindow = b.lowPassWindow > 0 ? b.lowPassWindow : nextOdd(period);
        this.lowPassDegree = b.lowPassDegree >= 0 ? b.lowPassDegree : b.trendDegree;
        this.seasonalJump = b.seasonalJump > 0 ? b.seasonalJump : ceilDiv10(seasonalWindow);
        this.trendJump = b.trendJump > 0 ? b.trendJump : ceilDiv10(trendWindow);
        this.lowPassJump = b.lowPassJump > 0 ? b.lowPassJump : ceilDiv10(lowPassWindow);
        this.robust = b.robust;
        this.inner = b.inner > 0 ? b.inner : (b.robust ? 1 : 2);
        this.outer = b.outer >= 0 ? b.outer : (b.robust ? 15 : 0);
    }

    /**
     * Starts a builder for a seasonal period.
     *
     * @param period seasonal period, &ge; 2
     * @return a builder with R's defaults and seasonal window 11
     * @throws IllegalArgumentException if {@code period < 2}
     */
    public static Builder builder(int period) {
        Checks.requireArgument(period >= 2, "period must be >= 2 for STL, got %d", period);
        return new Builder(period);
    }

    /**
     * Decomposes a series with this specification's period.
     *
     * @param series the series, without missing values
     * @return the decomposition
     * @throws IllegalArgumentException if a value is missing or the series has no more than two periods
     */
    public StlDecomposition decompose(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return decompose(series.values());
    }

    /**
     * Decomposes {@code y}.
     *
     * @param y observations, finite. Not modified.
     * @return the decomposition
     * @throws IllegalArgumentException if a value is not finite or {@code y.length <= 2·period}
     */
    public StlDecomposition decompose(double[] y) {
        Checks.requireFinite(y, "y");
        int n = y.length;
        Checks.requireArgument(n > 2 * period, "STL needs more than two periods: series length %d <= 2*period (%d)",
                n, 2 * period);
        int ns = odd(Math.max(3, seasonalWindow));
        int nt = odd(Math.max(3, trendWindow));
        int nl = odd(Math.max(3, lowPassWindow));
        double[] season = new double[n + 2 * period];
        double[] trend = new double[n];
        double[] rw = new double[n];
        double[] work = new double[5 * (n + 2 * period)];
        StlKernel.stl(y, n, period, ns, nt, nl, seasonalDegree, trendDegree, lowPassDegree, seasonalJump, trendJump,
                lowPassJump, inner, outer, rw, season, trend, work);
        double[] s = new double[n];
        if (periodic) {
            // mean of the seasonal component per season position
            for (int j = 0; j < period; j++) {
                double sum = 0;
                int c = 0;
                for (int i = j; i < n; i += period) {
                    sum += season[i];
                    c++;
                }
                double mean = sum / c;
                for (int i = j; i < n; i += period) {
                    s[i] = mean;
                }
            }
        } else {
            System.arraycopy(season, 0, s, 0, n);
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - s[i] - trend[i];
        }
        return new StlDecomposition(s, trend, r, rw);
    }

    /**
     * The seasonal period.
     *
     * @return period
     */
    public int period() {
        return period;
    }

    /**
     * The seasonal loess window ({@code 10·n + 1} is used for a periodic fit).
     *
     * @return window as given
     */
    public int seasonalWindow() {
        return seasonalWindow;
    }

    /**
     * The trend loess window (as given or R's default).
     *
     * @return window
     */
    public int trendWindow() {
        return trendWindow;
    }

    /**
     * The low-pass loess window.
     *
     * @return window
     */
    public int lowPassWindow() {
        return lowPassWindow;
    }

    /**
     * Whether robustness weights are used.
     *
     * @return true for a robust fit
     */
    public boolean robust() {
        return robust;
    }

    @Override
    public String toString() {
        return "Stl[period=" + period + ", s.window=" + (periodic ? "periodic" : Integer.toString(seasonalWindow))
                + ", t.window=" + trendWindow + ", l.window=" + lowPassWindow + ", robust=" + robust + "]";
    }

    /** R's {@code nextodd}: round, then add 1 if even. */
    private static int nextOdd(double x) {
        int v = (int) Math.round(x);
        return v % 2 == 0 ? v + 1 : v;
    }

    private static int odd(int v) {
        return v % 2 == 0 ? v + 1 : v;
    }

    private static int ceilDiv10(int w) {
        return (int) Math.ceil(w / 10.0);
    }

    /** Builder of {@link Stl}; setters validate immediately. */
    public static final class Builder {
        /** A periodic fit uses a seasonal window this many times the series length (R: 10 n + 1). */
        private static final int PERIODIC_WINDOW_FACTOR = 10;

        private final int period;
        private int seasonalWindow = 11;
        private boolean periodic;
        private int seasonalDegree;
        private int trendWindow;
        private int trendDegree = 1;
        private int lowPassWindow;
        private int lowPassDegree = -1;
        private int seasonalJump;
        private int trendJump;
        private int lowPassJump;
        private boolean robust;
        private int inner;
        private int outer = -1;

        private Builder(int period) {
            this.period = period;
        }

        /**
         * Sets the seasonal loess window (R {@code s.window}); made odd if even.
         *
         * @param window span in periods' worth of cycle-subseries points, &ge; 3
         * @return this builder
         * @throws IllegalArgumentException if {@code window < 3}
         */
        public Builder seasonalWindow(int window) {
            Checks.requireArgument(window >= 3, "seasonalWindow must be >= 3, got %d", window);
            this.seasonalWindow = window;
            this.periodic = false;
            return this;
        }

        /**
         * A periodic seasonal component (R {@code s.window = "periodic"}): the seasonal window is set very large
         * and the component is replaced by its mean per season position. The series length is needed to set the
         * window, so this is resolved by {@link #buildFor(int)}.
         *
         * @return this builder
         */
        public Builder periodic() {
            this.periodic = true;
            return this;
        }

        /**
         * Sets the seasonal loess degree (R {@code s.degree}).
         *
         * @param degree 0 or 1
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder seasonalDegree(int degree) {
            this.seasonalDegree = degree(degree, "seasonalDegree");
            return this;
        }

        /**
         * Sets the trend window (R {@code t.window}); default {@code nextodd(⌈1.5·period / (1 − 1.5/ns)⌉)}.
         *
         * @param window &ge; 3
         * @return this builder
         * @throws IllegalArgumentException if {@code window < 3}
         */
        public Builder trendWindow(int window) {
            Checks.requireArgument(window >= 3, "trendWindow must be >= 3, got %d", window);
            this.trendWindow = window;
            return this;
        }

        /**
         * Sets the trend loess degree (R {@code t.degree}, default 1).
         *
         * @param degree 0 or 1
         * @return this builder
         */
        public Builder trendDegree(int degree) {
            this.trendDegree = degree(degree, "trendDegree");
            return this;
        }

        /**
         * Sets the low-pass window (R {@code l.window}, default {@code nextodd(period)}).
         *
         * @param window &ge; 3
         * @return this builder
         */
        public Builder lowPassWindow(int window) {
            Checks.requireArgument(window >= 3, "lowPassWindow must be >= 3, got %d", window);
            this.lowPassWindow = window;
            return this;
        }

        /**
         * Sets the low-pass loess degree (R {@code l.degree}, default the trend degree).
         *
         * @param degree 0 or 1
         * @return this builder
         */
        public Builder lowPassDegree(int degree) {
            this.lowPassDegree = degree(degree, "lowPassDegree");
            return this;
        }

        /**
         * Sets the jumps (loess evaluated every {@code jump}-th point, linear interpolation between); defaults
         * are {@code ⌈window/10⌉}.
         *
         * @param seasonal seasonal jump, &ge; 1
         * @param trend    trend jump, &ge; 1
         * @param lowPass  low-pass jump, &ge; 1
         * @return this builder
         */
        public Builder jumps(int seasonal, int trend, int lowPass) {
            this.seasonalJump = Checks.requirePositive(seasonal, "seasonal jump");
            this.trendJump = Checks.requirePositive(trend, "trend jump");
            this.lowPassJump = Checks.requirePositive(lowPass, "low-pass jump");
            return this;
        }

        /**
         * Robust fitting (R {@code robust = TRUE}: 1 inner and 15 outer iterations unless set).
         *
         * @param value whether to use robustness weights
         * @return this builder
         */
        public Builder robust(boolean value) {
            this.robust = value;
            return this;
        }

        /**
         * Sets the iteration counts.
         *
         * @param innerIterations inner loop passes, &ge; 1
         * @param outerIterations robustness iterations, &ge; 0
         * @return this builder
         */
        public Builder iterations(int innerIterations, int outerIterations) {
            this.inner = Checks.requirePositive(innerIterations, "innerIterations");
            this.outer = Checks.requireNonNegative(outerIterations, "outerIterations");
            return this;
        }

        /**
         * Builds the specification. A {@link #periodic()} builder cannot be built without the series length:
         * use {@link #buildFor(int)}.
         *
         * @return the specification
         * @throws IllegalStateException if the builder is periodic
         */
        public Stl build() {
            Checks.requireState(!periodic, "a periodic STL needs the series length: use buildFor(n)");
            return new Stl(this);
        }

        /**
         * Builds the specification for series of length {@code n} (needed for a periodic fit, where the seasonal
         * window is {@code 10·n + 1}); the builder is not modified.
         *
         * @param n series length, &gt; 2·period
         * @return the specification
         * @throws IllegalArgumentException if {@code n <= 2·period}
         */
        public Stl buildFor(int n) {
            Checks.requireArgument(n > 2 * period, "STL needs more than two periods: series length %d <= 2*period (%d)",
                    n, 2 * period);
            if (!periodic) {
                return new Stl(this);
            }
            Builder copy = copy();
            copy.seasonalWindow = PERIODIC_WINDOW_FACTOR * n + 1;
            return new Stl(copy);
        }

        private Builder copy() {
            Builder c = new Builder(period);
            c.seasonalWindow = seasonalWindow;
            c.periodic = periodic;
            c.seasonalDegree = seasonalDegree;
            c.trendWindow = trendWindow;
            c.trendDegree = trendDegree;
            c.lowPassWindow = lowPassWindow;
            c.lowPassDegree = lowPassDegree;
            c.seasonalJump = seasonalJump;
            c.trendJump = trendJump;
            c.lowPassJump = lowPassJump;
            c.robust = robust;
            c.inner = inner;
            c.outer = outer;
            return c;
        }

        private static int degree(int d, String name) {
            Checks.requireArgument(d == 0 || d == 1, "%s must be 0 or 1, got %d", name, d);
            return d;
        }
    }
}
