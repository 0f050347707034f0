package org.forecast4j.core.statespace;

import org.forecast4j.core.Checks;

/**
 * Buffers of the ARIMA Kalman filter, sized once for a model (state dimension {@code rd = r + d},
 * {@code r = max(p, q + 1)}, {@code d} = length of the differencing polynomial) and reused for every likelihood
 * evaluation of a fit, so that {@link KalmanLikelihood#evaluate} allocates nothing.
 *
 * <p>After an evaluation the workspace also holds the filtered state {@code a} and covariance {@code P} at the
 * end of the series (used by {@link KalmanForecaster}), and the statistics {@code ssq}, {@code sumlog},
 * {@code nu} of R's {@code ARIMA_Like}. Not thread-safe: one workspace per thread.
 */
public final class KalmanWorkspace {

    final int r;
    final int d;
    final int rd;
    final double[] a;
    final double[] anew;
    final double[] pmat;
    final double[] pnew;
    final double[] pprev;
    final double[] mm;
    final double[] m;
    final double[] q0;
    /** AS 154 scratch, O(r⁴): allocated on first use (the autocovariance path does not need it). */
    private double[] q0work;
    final double[] covWork;
    final double[] gvec;
    final double[] lvec;

    double ssq;
    double sumlog;
    int nu;
    int steadyFrom;

    /**
     * Creates buffers for an ARMA part with {@code p} AR and {@code q} MA coefficients (expanded, seasonal
     * included) and a differencing polynomial of length {@code d}.
     *
     * @param p expanded AR length, &ge; 0
     * @param q expanded MA length, &ge; 0
     * @param d differencing polynomial length {@code d + s·D}, &ge; 0
     */
    public KalmanWorkspace(int p, int q, int d) {
        Checks.requireNonNegative(p, "p");
        Checks.requireNonNegative(q, "q");
        Checks.requireNonNegative(d, "d");
        this.r = Math.max(p, q + 1);
        this.d = d;
        this.rd = r + d;
        this.a = new double[rd];
        this.anew = new double[rd];
        this.pmat = new double[rd * rd];
        this.pnew = new double[rd * rd];
        this.pprev = new double[rd * rd];
        this.mm = new double[rd * rd];
        this.m = new double[rd];
        this.q0 = new double[r * r];
        this.covWork = new double[ArmaCovariance.workSize(p, r)];
        this.gvec = new double[rd];
        this.lvec = new double[rd];
    }

    /** The AS 154 workspace, allocated on first use. */
    double[] q0work() {
        if (q0work == null) {
            q0work = new double[GardnerQ0.workSize(r)];
        }
        return q0work;
    }

    /**
     * State dimension {@code rd}.
     *
     * @return rd
     */
    public int stateDimension() {
        return rd;
    }

    /**
     * Sum of squared standardised innovations {@code Σ v_t² / F_t} over the counted steps.
     *
     * @return ssq of the last evaluation
     */
    public double ssq() {
        return ssq;
    }

    /**
     * {@code Σ log F_t} over the counted steps.
     *
     * @return sumlog of the last evaluation
     */
    public double sumlog() {
        return sumlog;
    }

    /**
     * Number of counted steps (observed, with {@code F_t &lt; 1e4}).
     *
     * @return nu of the last evaluation
     */
    public int nu() {
        return nu;
    }

    /**
     * Index of the first step of the last evaluation at which the filter ran in its steady state (covariance
     * fixed), or -1 if it never reached it.
     *
     * @return step index or -1
     */
    public int steadyFrom() {
        return steadyFrom;
    }

    /**
     * Copy of the filtered state at the end of the last evaluation.
     *
     * @return a, length rd
     */
    public double[] state() {
        return a.clone();
    }

    /**
     * Copy of the filtered state covariance (row-major rd&times;rd) at the end of the last evaluation.
     *
     * @return P
     */
    public double[] covariance() {
        return pmat.clone();
    }
}
