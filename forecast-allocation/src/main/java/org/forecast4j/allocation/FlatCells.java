package org.forecast4j.allocation;

/**
 * Structure-of-arrays view of the cells for the water-filling kernel: the common cells (no capacity, concave
 * exponential, log, Hill with shape 1, linear) are evaluated in closed form from primitive arrays without virtual
 * calls; every other cell goes through {@link Cell#argmax(double)}.
 *
 * <p>Closed forms of {@code x(p) = argmax W·L(x) − p·x} (W = value per unit &times; baseline mean):
 * exponential {@code k·ln(W·M/(k·p))}; log {@code W·c/p − k}; Hill (s = 1) {@code √(W·M·e/p) − e};
 * linear {@code cap/r} when {@code W·r ≥ p}, else 0; each clamped to the cell's bounds.
 */
final class FlatCells {

    static final byte GENERIC = 0;
    static final byte EXPONENTIAL = 1;
    static final byte LOG = 2;
    static final byte HILL1 = 3;
    static final byte LINEAR = 4;

    final Cell[] cells;
    final byte[] code;
    /** W·M (exp, Hill), W·c (log), W·r (linear). */
    final double[] a;
    /** k (exp, log), e (Hill), cap/r (linear). */
    final double[] b;
    final double[] lo;
    final double[] hi;

    FlatCells(Cell[] cells) {
        int n = cells.length;
        this.cells = cells;
        code = new byte[n];
        a = new double[n];
        b = new double[n];
        lo = new double[n];
        hi = new double[n];
        for (int i = 0; i < n; i++) {
            Cell c = cells[i];
            lo[i] = c.lo();
            hi[i] = c.hi();
            double w = c.simpleWeight();
            ResponseCurve rc = c.curve();
            if (Double.isNaN(w)) {
                code[i] = GENERIC;
            } else if (rc instanceof ExponentialCurve) {
                code[i] = EXPONENTIAL;
                a[i] = w * ((ExponentialCurve) rc).maxLift();
                b[i] = ((ExponentialCurve) rc).scale();
            } else if (rc instanceof LogCurve) {
                code[i] = LOG;
                a[i] = w * ((LogCurve) rc).coefficient();
                b[i] = ((LogCurve) rc).scale();
            } else if (rc instanceof HillCurve && ((HillCurve) rc).shape() == 1) {
                code[i] = HILL1;
                a[i] = w * ((HillCurve) rc).maxLift();
                b[i] = ((HillCurve) rc).ec50();
            } else if (rc instanceof LinearCurve) {
                code[i] = LINEAR;
                a[i] = w * ((LinearCurve) rc).rate();
                b[i] = ((LinearCurve) rc).rate() == 0 ? 0 : ((LinearCurve) rc).cap() / ((LinearCurve) rc).rate();
            } else {
                code[i] = GENERIC;
            }
        }
    }

    /**
     * Spend of every cell at price p, and its sum.
     *
     * @param p   price, &gt; 0
     * @param out spend per cell, or null. Modified.
     * @return Σ x_i(p)
     */
    double spendAt(double p, double[] out) {
        return spendAt(p, out, null);
    }

    /**
     * Spend of every cell at price p, its sum, and (when {@code slope} is given) {@code dS/dp} over the
     * closed-form cells strictly inside their bounds: exponential {@code −k/p}, log {@code −W·c/p²}, Hill
     * {@code −½·√(W·M·e/p)/p}; other smooth cells {@code 1/V''(x)} by a central difference of the marginal. Linear
     * and piecewise cells contribute 0 (their spend is piecewise constant; the bracket handles the jumps).
     *
     * @param p     price, &gt; 0
     * @param out   spend per cell, or null. Modified.
     * @param slope one-element array receiving dS/dp, or null. Modified.
     * @return Σ x_i(p)
     */
    double spendAt(double p, double[] out, double[] slope) {
        final boolean wantSlope = slope != null;
        double ds = 0;
        final byte[] code = this.code;
        final double[] a = this.a;
        final double[] b = this.b;
        final double[] lo = this.lo;
        final double[] hi = this.hi;
        double s = 0;
        for (int i = 0; i < code.length; i++) {
            double x;
            double dx = 0;
            switch (code[i]) {
                case EXPONENTIAL: {
                    // x = k ln(W M / (k p))
                    double t = a[i] / (b[i] * p);
                    x = t > 1 ? b[i] * Math.log(t) : 0;
                    dx = -b[i] / p;
                    break;
                }
                case LOG:
                    // x = W c / p − k
                    x = a[i] / p - b[i];
                    dx = -a[i] / (p * p);
                    break;
                case HILL1: {
                    // x = √(W M e / p) − e
                    double r = Math.sqrt(a[i] * b[i] / p);
                    x = r - b[i];
                    dx = -0.5 * r / p;
                    break;
                }
                case LINEAR:
                    x = a[i] >= p ? b[i] : 0;
                    break;
                default:
                    x = cells[i].argmax(p);
                    if (wantSlope && x > lo[i] && x < hi[i]) {
                        // V'(x(p)) = p ⇒ dx/dp = 1/V''(x), V'' by a central difference of the marginal
                        double h = 1e-6 * Math.max(x, 1);
                        if (x - h > 0) {
                            double d2 = (cells[i].marginalValue(x + h) - cells[i].marginalValue(x - h)) / (2 * h);
                            dx = d2 < 0 && Double.isFinite(d2) ? 1 / d2 : 0;
                        }
                    }
                    break;
            }
            if (x <= lo[i]) {
                x = lo[i];
            } else if (x >= hi[i]) {
                x = hi[i];
            } else if (wantSlope) {
                ds += dx;
            }
            if (out != null) {
                out[i] = x;
            }
            s += x;
        }
        if (wantSlope) {
            slope[0] = ds;
        }
        return s;
    }
}
