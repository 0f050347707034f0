package org.forecast4j.allocation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * One unit of a plan (e.g. segment &times; channel &times; day): labels, a baseline distribution, a response
 * curve, the value of one unit of outcome, an optional capacity on the outcome, spend bounds, optional fixed
 * (already committed) spend and a commit date. Immutable; build with {@link #builder(String)}.
 *
 * <p>Expected incremental value at spend x, over the baseline distribution {@code (b_k, w_k)}:
 * <pre>
 *   V(x) = v · Σ_k w_k · [min(C, b_k·(1 + L(x))) − min(C, b_k)]
 *        = Σ_k a_k · min(L(x), c_k),   a_k = v·w_k·b_k,  c_k = C/b_k − 1  (atoms with b_k &lt; C only)
 * </pre>
 * a concave, non-decreasing, piecewise-linear function {@code g} of the lift, so V is concave whenever L is.
 * Its right derivative is {@code V'(x) = L'(x) · Σ_(k: c_k &gt; L(x)) a_k}.
 *
 * @since 0.1.0
 */
public final class Cell {

    private final String id;
    private final Map<String, String> labels;
    private final BaselineDistribution baseline;
    private final ResponseCurve curve;
    private final double valuePerUnit;
    private final double capacity;
    private final double minSpend;
    private final double maxSpend;
    private final double fixedSpend;
    private final LocalDate commitBy;

    // g(l) = base[j] + slope[j]·l for l in [caps[j-1], caps[j]) (caps[-1] = 0, caps[K] = ∞)
    private final double[] caps;
    private final double[] slope;
    private final double[] base;
    private final double[] spendCaps;
    private final boolean concave;
    // upper hull of V on [lo, hi] for piecewise-linear curves: vertices hullX, slopes hullS[t] of (hullX[t-1], hullX[t])
    private final double[] hullX;
    private final double[] hullS;

    private Cell(Builder b) {
        this.id = b.id;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
        this.baseline = b.baseline;
        this.curve = b.curve;
        this.valuePerUnit = b.valuePerUnit;
        this.capacity = b.capacity;
        this.minSpend = b.minSpend;
        this.maxSpend = b.maxSpend;
        this.fixedSpend = b.fixedSpend;
        this.commitBy = b.commitBy;
        // atoms that can still grow: b_k < C, each saturating at lift c_k = C/b_k − 1
        // atoms in descending order of b_k give ascending caps c_k (the distributions' atoms are non-decreasing)
        int n = baseline.size();
        double[] c = new double[n];
        double[] a = new double[n];
        int k = 0;
        boolean sorted = true;
        for (int i = n - 1; i >= 0; i--) {
            double bk = baseline.value(i);
            if (bk > 0 && bk < capacity) {
                c[k] = Double.isInfinite(capacity) ? Double.POSITIVE_INFINITY : capacity / bk - 1;
                a[k] = valuePerUnit * baseline.probability(i) * bk;
                sorted &= k == 0 || c[k - 1] <= c[k];
                k++;
            }
        }
        if (!sorted) {
            sortByCap(c, a, k);
        }
        int finite = 0;
        while (finite < k && Double.isFinite(c[finite])) {
            finite++;
        }
        caps = Arrays.copyOf(c, finite);
        slope = new double[finite + 1];
        base = new double[finite + 1];
        double rest = 0;
        for (int i = 0; i < k; i++) {
            rest += a[i];
        }
        double acc = 0;
        for (int j = 0; j <= finite; j++) {
            slope[j] = Math.max(rest, 0);
            base[j] = acc;
            if (j < finite) {
                rest -= a[j];
                acc += a[j] * caps[j];
            }
        }
        if (finite > 0) {
            // the last slope is exactly 0 when every atom saturates
            boolean allFinite = finite == k;
            if (allFinite) {
                slope[finite] = 0;
            }
        }
        spendCaps = new double[finite];
        for (int j = 0; j < finite; j++) {
            spendCaps[j] = curve.spendForLift(caps[j]);
        }
        concave = curve.isConcave();
        if (curve instanceof PiecewiseLinearCurve) {
            double[][] hull = hull((PiecewiseLinearCurve) curve);
            hullX = hull[0];
            hullS = hull[1];
        } else {
            hullX = null;
            hullS = null;
        }
    }

    /**
     * Starts a builder.
     *
     * @param id cell identifier, non-empty
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Identifier.
     *
     * @return id
     */
    public String id() {
        return id;
    }

    /**
     * Labels (e.g. segment, channel, date) used by group selectors.
     *
     * @return unmodifiable map
     */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * Baseline distribution.
     *
     * @return baseline
     */
    public BaselineDistribution baseline() {
        return baseline;
    }

    /**
     * Response curve.
     *
     * @return curve
     */
    public ResponseCurve curve() {
        return curve;
    }

    /**
     * Value of one unit of outcome.
     *
     * @return value per unit
     */
    public double valuePerUnit() {
        return valuePerUnit;
    }

    /**
     * Capacity on the outcome ({@code +∞} when none).
     *
     * @return capacity
     */
    public double capacity() {
        return capacity;
    }

    /**
     * Minimum total spend.
     *
     * @return min spend
     */
    public double minSpend() {
        return minSpend;
    }

    /**
     * Maximum total spend ({@code +∞} when unbounded).
     *
     * @return max spend
     */
    public double maxSpend() {
        return maxSpend;
    }

    /**
     * Already committed spend (0 when none); counts towards the cell's spend but not against the budget.
     *
     * @return fixed spend
     */
    public double fixedSpend() {
        return fixedSpend;
    }

    /**
     * Date by which the spend must be booked, or null.
     *
     * @return commit date
     */
    public LocalDate commitBy() {
        return commitBy;
    }

    /**
     * Effective lower bound of the total spend: {@code max(minSpend, fixedSpend)}.
     *
     * @return lower bound
     */
    public double lowerBound() {
        return Math.max(minSpend, fixedSpend);
    }

    /**
     * Expected incremental value {@code V(x)} at a total spend (see the class comment).
     *
     * @param spend spend &ge; 0
     * @return expected incremental value
     */
    public double expectedValue(double spend) {
        return g(curve.lift(spend));
    }

    /**
     * Marginal value {@code V'(x)} (right derivative): the marginal ROI of the cell at a spend.
     *
     * @param spend spend &ge; 0
     * @return value per extra unit of spend
     */
    public double marginalValue(double spend) {
        double d = curve.derivative(spend);
        if (d == 0) {
            return 0;
        }
        return caps.length == 0 ? d * slope[0] : d * slope[segmentOfLift(curve.lift(spend))];
    }

    /**
     * Whether {@link #expectedValue} is concave in spend.
     *
     * @return true when the curve is concave
     */
    public boolean isConcave() {
        return concave;
    }

    /** W = v·mean when V = W·L exactly (no capacity saturates, concave standard curve), else NaN. */
    double simpleWeight() {
        return spendCaps.length == 0 && concave && hullX == null ? slope[0] : Double.NaN;
    }

    double lo() {
        return minSpend > fixedSpend ? minSpend : fixedSpend;
    }

    double hi() {
        return maxSpend;
    }

    /** Number of caps {@code <= l} (binary search: many atoms when the baseline comes from samples). */
    private int segmentOfLift(double l) {
        return countAtMost(caps, l);
    }

    /** Number of entries {@code <= x} of an ascending array. */
    private static int countAtMost(double[] c, double x) {
        int lo = 0;
        int hi = c.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sorts the first k (cap, weight) pairs by cap; only for distributions whose atoms are not ordered. */
    private static void sortByCap(double[] c, double[] a, int k) {
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(c[x], c[y]));
        double[] c2 = new double[k];
        double[] a2 = new double[k];
        for (int i = 0; i < k; i++) {
            c2[i] = c[order[i]];
            a2[i] = a[order[i]];
        }
        System.arraycopy(c2, 0, c, 0, k);
        System.arraycopy(a2, 0, a, 0, k);
    }

    private double g(double l) {
        int j = segmentOfLift(l);
        return j < caps.length || slope[j] > 0 ? base[j] + slope[j] * l : base[j];
    }

    /**
     * Largest maximiser of {@code V(x) − p·x} over {@code [lowerBound(), maxSpend()]} (the exact maximiser for concave V; for
     * S-shaped or non-concave piecewise V the maximum over the concave branch, segment ends and hull vertices, so
     * it is the maximiser of the concave envelope too).
     */
    double argmax(double p) {
        double lo = lo();
        double hi = maxSpend;
        if (p <= 0) {
            return hi;
        }
        if (hullX != null) {
            return hullArgmax(p);
        }
        double[] sc = spendCaps;
        int k = sc.length;
        if (concave && k == 0) {
            double w = slope[0];
            if (w <= 0) {
                return lo;
            }
            double x = curve.spendForDerivative(p / w);
            return x < lo ? lo : (x > hi ? hi : x);
        }
        int j = countAtMost(sc, lo);
        if (concave) {
            // the first segment j whose test holds: the test is monotone in j (slope[j] and the stationary point
            // r_j fall, the segment end rises), so binary search it: O(log K) with K atoms
            int lo2 = j;
            int hi2 = k;
            while (lo2 < hi2) {
                int mid = (lo2 + hi2) >>> 1;
                if (segmentHolds(mid, p, hi)) {
                    hi2 = mid;
                } else {
                    lo2 = mid + 1;
                }
            }
            j = lo2;
            double start = j == 0 ? 0 : sc[j - 1];
            if (slope[j] <= 0) {
                return clamp(start, lo, hi);
            }
            double r = curve.spendForDerivative(p / slope[j]);
            return clamp(Math.max(r, start), lo, hi);
        }
        // S-shaped: compare segment ends and the concave-branch stationary point of every segment
        double best = lo;
        double bestV = expectedValue(lo) - p * lo;
        for (; j <= k; j++) {
            double start = Math.max(j == 0 ? 0 : sc[j - 1], lo);
            double end = Math.min(j < k ? sc[j] : Double.POSITIVE_INFINITY, hi);
            if (start >= hi) {
                break;
            }
            if (slope[j] > 0) {
                double r = clamp(curve.spendForDerivative(p / slope[j]), start, end);
                if (Double.isFinite(r)) {
                    double v = expectedValue(r) - p * r;
                    if (v >= bestV) {
                        bestV = v;
                        best = r;
                    }
                }
            }
            if (Double.isFinite(end)) {
                double v = expectedValue(end) - p * end;
                if (v >= bestV) {
                    bestV = v;
                    best = end;
                }
            }
        }
        return best;
    }

    /** Whether the concave maximiser of {@code V(x) − p·x} lies in segment j (or is capped by its end or by hi). */
    private boolean segmentHolds(int j, double p, double hi) {
        double[] sc = spendCaps;
        double end = j < sc.length ? sc[j] : Double.POSITIVE_INFINITY;
        if (slope[j] <= 0 || end >= hi) {
            return true;
        }
        return curve.spendForDerivative(p / slope[j]) < end;
    }

    /** Vertices of the upper hull of V on the bounds (piecewise-linear curves), else null. Internal; not copied. */
    double[] hullVertices() {
        return hullX;
    }

    /** Slopes of the hull: {@code hullSlopes()[t]} on {@code (hullVertices()[t−1], hullVertices()[t])}. Not copied. */
    double[] hullSlopes() {
        return hullS;
    }

    private double hullArgmax(double p) {
        double[] x = hullX;
        double[] s = hullS;
        int t = 0;
        while (t + 1 < x.length && s[t + 1] >= p) {
            t++;
        }
        return x[t];
    }

    private double[][] hull(PiecewiseLinearCurve pc) {
        // on [lo, hi], V is linear between the curve's points and the spends where an atom saturates
        double lo = lowerBound();
        double hi = maxSpend;
        double[] xs = pc.spends();
        double[] pts = new double[xs.length + spendCaps.length + 2];
        int m = 0;
        pts[m++] = lo;
        for (double s : xs) {
            if (s > lo && s < hi) {
                pts[m++] = s;
            }
        }
        for (double s : spendCaps) {
            if (s > lo && s < hi) {
                pts[m++] = s;
            }
        }
        if (Double.isFinite(hi) && hi > lo) {
            pts[m++] = hi;
        }
        pts = Arrays.copyOf(pts, m);
        Arrays.sort(pts);
        double[] hx = new double[m];
        double[] hv = new double[m];
        int h = 0;
        for (int i = 0; i < m; i++) {
            if (h > 0 && pts[i] == hx[h - 1]) {
                continue;
            }
            double v = expectedValue(pts[i]);
            // pop while the last vertex lies on or below the chord (upper hull, monotone chain)
            while (h >= 2 && (hv[h - 1] - hv[h - 2]) * (pts[i] - hx[h - 2])
                    <= (v - hv[h - 2]) * (hx[h - 1] - hx[h - 2])) {
                h--;
            }
            hx[h] = pts[i];
            hv[h] = v;
            h++;
        }
        double[] slopes = new double[h];
        for (int t = 1; t < h; t++) {
            slopes[t] = (hv[t] - hv[t - 1]) / (hx[t] - hx[t - 1]);
        }
        slopes[0] = Double.POSITIVE_INFINITY;
        return new double[][] {Arrays.copyOf(hx, h), slopes};
    }

    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    @Override
    public String toString() {
        return "Cell[" + id + ", " + labels + ", " + curve + "]";
    }

    /** Validating builder for {@link Cell}; setters check their argument, {@link #build()} checks combinations. */
    public static final class Builder {
        private final String id;
        private Map<String, String> labels = Map.of();
        private BaselineDistribution baseline;
        private ResponseCurve curve;
        private double valuePerUnit = 1;
        private double capacity = Double.POSITIVE_INFINITY;
        private double minSpend;
        private double maxSpend = Double.POSITIVE_INFINITY;
        private double fixedSpend;
        private LocalDate commitBy;

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            Checks.requireArgument(!id.isEmpty(), "cell id must be non-empty");
            this.id = id;
        }

        /**
         * Labels for group selectors.
         *
         * @param labels label name → value. Not modified.
         * @return this builder
         */
        public Builder labels(Map<String, String> labels) {
            Objects.requireNonNull(labels, "labels");
            for (Map.Entry<String, String> e : labels.entrySet()) {
                Objects.requireNonNull(e.getKey(), "label name");
                Objects.requireNonNull(e.getValue(), "label value for " + e.getKey());
            }
            this.labels = labels;
            return this;
        }

        /**
         * Baseline mean only (a point mass).
         *
         * @param mean baseline outcome, &ge; 0
         * @return this builder
         */
        public Builder baseline(double mean) {
            this.baseline = BaselineDistribution.ofMean(mean);
            return this;
        }

        /**
         * Baseline distribution.
         *
         * @param distribution the distribution
         * @return this builder
         */
        public Builder baseline(BaselineDistribution distribution) {
            this.baseline = Objects.requireNonNull(distribution, "baseline");
            return this;
        }

        /**
         * Response curve.
         *
         * @param curve the curve
         * @return this builder
         */
        public Builder curve(ResponseCurve curve) {
            this.curve = Objects.requireNonNull(curve, "curve");
            return this;
        }

        /**
         * Value of one unit of outcome.
         *
         * @param value finite, &ge; 0
         * @return this builder
         */
        public Builder valuePerUnit(double value) {
            Checks.requireArgument(Double.isFinite(value) && value >= 0,
                    "cell %s: valuePerUnit must be finite and >= 0, got %s", id, value);
            this.valuePerUnit = value;
            return this;
        }

        /**
         * Capacity on the outcome.
         *
         * @param capacity &gt; 0, or {@code +∞} for none
         * @return this builder
         */
        public Builder capacity(double capacity) {
            Checks.requireArgument(!Double.isNaN(capacity) && capacity > 0,
                    "cell %s: capacity must be > 0, got %s", id, capacity);
            this.capacity = capacity;
            return this;
        }

        /**
         * Spend bounds.
         *
         * @param min minimum spend, finite, &ge; 0
         * @param max maximum spend, &ge; min (may be {@code +∞})
         * @return this builder
         */
        public Builder spendBounds(double min, double max) {
            Checks.requireArgument(Double.isFinite(min) && min >= 0, "cell %s: minSpend must be finite and >= 0, got %s",
                    id, min);
            Checks.requireArgument(!Double.isNaN(max) && max >= min, "cell %s: maxSpend must be >= minSpend %s, got %s",
                    id, min, max);
            this.minSpend = min;
            this.maxSpend = max;
            return this;
        }

        /**
         * Spend already committed.
         *
         * @param fixed finite, &ge; 0
         * @return this builder
         */
        public Builder fixedSpend(double fixed) {
            Checks.requireArgument(Double.isFinite(fixed) && fixed >= 0,
                    "cell %s: fixedSpend must be finite and >= 0, got %s", id, fixed);
            this.fixedSpend = fixed;
            return this;
        }

        /**
         * Booking deadline.
         *
         * @param date date or null
         * @return this builder
         */
        public Builder commitBy(LocalDate date) {
            this.commitBy = date;
            return this;
        }

        /**
         * Builds the cell.
         *
         * @return the cell
         * @throws IllegalStateException if the baseline or curve is missing
         * @throws IllegalArgumentException if the fixed spend exceeds the maximum spend
         */
        public Cell build() {
            Checks.requireState(baseline != null, "cell %s: baseline not set", id);
            Checks.requireState(curve != null, "cell %s: curve not set", id);
            Checks.requireArgument(fixedSpend <= maxSpend, "cell %s: fixedSpend %s exceeds maxSpend %s", id,
                    fixedSpend, maxSpend);
            return new Cell(this);
        }
    }
}
