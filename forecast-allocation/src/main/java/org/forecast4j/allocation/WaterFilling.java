package org.forecast4j.allocation;

/**
 * Lagrangian bisection on the marginal ROI ("water-filling") for separable cells under one budget.
 *
 * <p>For a price {@code p} every cell spends {@code x_i(p)}, the largest maximiser of {@code V_i(x) − p·x} over
 * its bounds (closed form for the standard curves). {@code S(p) = Σ x_i(p)} is non-increasing, so the budget's
 * multiplier is the root of {@code S(p) = B}, found by the Illinois variant of regula falsi with a bracketing
 * guarantee (superlinear on smooth curves, and robust to the jumps of linear and piecewise-linear curves). The
 * budget left between {@code S(p_high)} and {@code B} is then given, cell by cell, to the cells whose spend
 * differs between the bracket ends (at most one cell ends up between them).
 *
 * <p>Certificate: {@code g(λ) = λ·B + Σ_i max_x [V_i(x) − (τ + λ)·x]} bounds the optimum of
 * {@code max Σ V_i(x_i) − τ·Σ x_i} from above for every {@code λ ≥ 0} (weak duality), with the maxima attained at
 * {@code x_i(τ + λ)}. Cost: O(n) per price, O(n·log(1/ε)) overall.
 */
final class WaterFilling {

    /** Smallest price used for "λ → 0+": spend where the marginal value is still positive. */
    static final double MIN_PRICE = 1e-300;
    /** Cells from which the unit greedy warm-starts from the continuous solution. */
    static final int FLAT_MIN_WARM = 64;
    /** Relative bracket width at which the price search stops. */
    static final double PRICE_TOLERANCE = 1e-15;
    /** Iteration cap of the price search (each iteration is one O(n) pass). */
    static final int MAX_ITERATIONS = 400;

    private WaterFilling() {
    }

    /**
     * Total spend at price p.
     *
     * @param cells cells, flat view. Not modified.
     * @param p     price per unit of spend, &gt; 0
     * @param out   per-cell spend, or null. Modified.
     * @return Σ x_i(p)
     */
    static double spendAt(FlatCells cells, double p, double[] out) {
        return cells.spendAt(p, out);
    }

    /** Expected value at price p: Σ V_i(x_i(p)). */
    static double valueAt(FlatCells flat, double p, double[] work) {
        flat.spendAt(p, work);
        Cell[] cells = flat.cells;
        double v = 0;
        for (int i = 0; i < cells.length; i++) {
            v += cells[i].expectedValue(work[i]);
        }
        return v;
    }

    /** Result of a price search: bracket and iteration count. */
    static final class Bracket {
        double low;
        double high;
        int iterations;
    }

    /**
     * Finds {@code low &lt; high} with {@code f(low) ≥ target ≥ f(high)} for the non-increasing function
     * f = spend (or value, when {@code byValue}), starting from {@code low} with {@code f(low) > target}.
     */
    static Bracket search(FlatCells cells, double low, double target, boolean byValue) {
        Bracket b = new Bracket();
        double fl = eval(cells, low, byValue) - target;
        int it = 1;
        // grow the upper end geometrically from max(1, 2·low)
        double high = Math.max(1.0, 2 * low);
        double fh = eval(cells, high, byValue) - target;
        it++;
        if (fh > 0) {
            while (fh > 0) {
                low = high;
                fl = fh;
                high *= 16;
                if (Double.isInfinite(high)) {
                    throw new ArithmeticException("price search diverged: spend stays above the budget");
                }
                fh = eval(cells, high, byValue) - target;
                it++;
            }
        } else {
            // shrink from 1 towards the given low while still at or below the target
            double mid = high / 16;
            while (mid > low) {
                double fm = eval(cells, mid, byValue) - target;
                it++;
                if (fm > 0) {
                    low = mid;
                    fl = fm;
                    break;
                }
                high = mid;
                fh = fm;
                mid /= 16;
            }
        }
        // Illinois regula falsi on f(p) − target; f(low) > 0 ≥ f(high)
        int side = 0;
        while (it < MAX_ITERATIONS && high - low > PRICE_TOLERANCE * high && fh != 0) {
            double p;
            if (it % 8 == 7 || Double.isInfinite(fl)) {
                // periodic bisection guards against slow one-sided convergence at jumps
                p = low > 0 && high / low > 4 ? Math.sqrt(low * high) : 0.5 * (low + high);
            } else {
                p = high - fh * (high - low) / (fh - fl);
                if (!(p > low && p < high)) {
                    p = 0.5 * (low + high);
                }
            }
            double fp = eval(cells, p, byValue) - target;
            it++;
            if (fp > 0) {
                low = p;
                fl = fp;
                if (side == -1) {
                    fh *= 0.5;
                }
                side = -1;
            } else {
                high = p;
                fh = fp;
                if (side == 1) {
                    fl *= 0.5;
                }
                side = 1;
            }
        }
        b.low = low;
        b.high = high;
        b.iterations = it;
        return b;
    }

    /** Result of {@link #newton}: bracketing prices and the plans at both ends. */
    static final class Solution {
        double low;
        double high;
        double[] xLow;
        double[] xHigh;
        int iterations;
    }

    /**
     * Finds the budget's price: {@code S(low) ≥ cap ≥ S(high)} with {@code high − low ≤ 1e-12·high} (or
     * {@code S(high) = cap}), by Newton's method on {@code S} as a function of {@code q = 1/p} — exact for log
     * cells and concave in q for exponential and Hill cells, so the iterates approach the root monotonically — with
     * bisection whenever a step leaves the bracket. Keeps the plans of the last evaluation on each side, so no extra
     * pass is needed afterwards.
     *
     * @param cells flat cells. Not modified.
     * @param low   a price with {@code S(low) > cap}
     * @param sLow  S(low)
     * @param xLow  plan at {@code low}. Not modified (taken over).
     * @param cap   the budget (total-spend cap)
     * @return the bracket and plans
     */
    static Solution newton(FlatCells cells, double low, double sLow, double[] xLow, double cap) {
        int n = cells.cells.length;
        double[] xl = xLow;
        double[] xh = null;
        double[] work = new double[n];
        double[] slope = new double[1];
        double high = Double.POSITIVE_INFINITY;
        double p = Math.max(1.0, 2 * low);
        int it = 0;
        int sameSide = 0;
        int lastSide = 0;
        double width1 = Double.POSITIVE_INFINITY;
        double width2 = Double.POSITIVE_INFINITY;
        while (it < MAX_ITERATIONS) {
            double s = cells.spendAt(p, work, slope);
            it++;
            int side;
            if (s > cap) {
                side = -1;
                low = p;
                double[] t = xl;
                xl = work;
                work = t;
            } else {
                // S = cap exactly (e.g. every cell at its lower bound) keeps tightening: the shadow price reported
                // is then the smallest optimal multiplier
                side = 1;
                high = p;
                double[] t = xh == null ? new double[n] : xh;
                xh = work;
                work = t;
            }
            sameSide = side == lastSide ? sameSide + 1 : 0;
            lastSide = side;
            if (Double.isFinite(high) && high - low <= 1e-12 * high || s == cap && slope[0] < 0) {
                // a tight bracket, or an exact hit where S is strictly decreasing (the multiplier is unique)
                break;
            }
            // Newton in q = 1/p: q' = q + (cap − S)/(dS/dq), dS/dq = −p²·dS/dp. Cells without a closed form do
            // not contribute to dS/dp, so steps can fall short; after two iterates on the same side the step is
            // doubled (and doubled again) to get across the root and keep the bracket shrinking.
            double dsdq = -slope[0] * p * p;
            double next = Double.NaN;
            if (dsdq > 0) {
                double q = 1 / p;
                double dq = (cap - s) / dsdq;
                if (sameSide >= 2) {
                    dq *= Math.scalb(1.0, Math.min(sameSide - 1, 30));
                }
                next = 1 / (q + dq);
            }
            // safeguard (as in rtsafe): bisect when the iterates alternate sides but the bracket did not halve over
            // the last two steps, which stops Newton from bouncing between the two ends
            double width = high - low;
            boolean slow = Double.isFinite(width) && width > 0.5 * width2 && sameSide == 0;
            width2 = width1;
            width1 = width;
            if (slow) {
                width2 = Double.POSITIVE_INFINITY;
                width1 = Double.POSITIVE_INFINITY;
            }
            if (slow || !(next > low && next < high) || next == p) {
                if (Double.isInfinite(high)) {
                    next = p * 16;
                } else {
                    // geometric midpoint for wide brackets, but not towards the 1e-300 floor
                    next = low > 1e-6 * high && high / low > 4 ? Math.sqrt(low * high) : 0.5 * (low + high);
                }
            }
            p = next;
        }
        if (xh == null) {
            throw new ArithmeticException("price search failed: spend stays above the budget");
        }
        Solution sol = new Solution();
        sol.low = low;
        sol.high = high;
        sol.xLow = xl;
        sol.xHigh = xh;
        sol.iterations = it;
        return sol;
    }

    private static double eval(FlatCells cells, double p, boolean byValue) {
        return byValue ? valueAt(cells, p, new double[cells.cells.length]) : cells.spendAt(p, null);
    }
}
