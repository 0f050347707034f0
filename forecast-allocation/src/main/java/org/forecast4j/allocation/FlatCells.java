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
        final byte[] code = this.code;
        final double[] a = this.a;
        final double[] b = this.b;
        final double[] lo = this.lo;
        final double[] hi = this.hi;
        double s = 0;
        for (int i = 0; i < code.length; i++) {
            double x;
            switch (code[i]) {
                case EXPONENTIAL: {
                    // x = k ln(W M / (k p))
                    double t = a[i] / (b[i] * p);
                    x = t > 1 ? b[i] * Math.log(t) : 0;
                    break;
                }
                case LOG:
                    // x = W c / p − k
                    x = a[i] / p - b[i];
                    break;
                case HILL1:
                    // x = √(W M e / p) − e
                    x = Math.sqrt(a[i] * b[i] / p) - b[i];
                    break;
                case LINEAR:
                    x = a[i] >= p ? b[i] : 0;
                    break;
                default:
                    x = cells[i].argmax(p);
                    break;
            }
            x = x < lo[i] ? lo[i] : (x > hi[i] ? hi[i] : x);
            if (out != null) {
                out[i] = x;
            }
            s += x;
        }
        return s;
    }
}
