package org.forecast4j.lstm.internal;

/**
 * Builds network inputs from windows of a scaled series and, optionally, scaled covariates (regressors known in
 * the future, e.g. calendar or promotion indicators).
 *
 * <p>Without covariates the input has one feature (the scaled value) and {@code L} steps. With {@code F}
 * covariates it has {@code F + 2} features and {@code L + K} steps: step {@code t < L} carries
 * {@code [y, x_1 … x_F, 1]} of position {@code i + t}, and the {@code K} extra steps carry
 * {@code [0, x_1 … x_F, 0]} of the target positions, so the network sees the covariates of the steps it
 * forecasts (the last feature flags observed steps). Targets are {@code s[i+L, i+L+K)}.
 */
public final class WindowSource {

    private final double[] s;
    private final double[][] cov;
    private final int lookback;
    private final int outputs;

    /**
     * Creates a source.
     *
     * @param s        scaled target values (possibly several series concatenated). Not modified.
     * @param cov      scaled covariates, {@code cov[f][p]} aligned with {@code s}, or null. Not modified.
     * @param lookback L
     * @param outputs  K
     */
    public WindowSource(double[] s, double[][] cov, int lookback, int outputs) {
        this.s = s;
        this.cov = cov == null || cov.length == 0 ? null : cov;
        this.lookback = lookback;
        this.outputs = outputs;
    }

    /**
     * Input width per step.
     *
     * @param covariates number of covariates F
     * @return 1 without covariates, {@code F + 2} with
     */
    public static int inputSize(int covariates) {
        return covariates == 0 ? 1 : covariates + 2;
    }

    /**
     * Steps per window.
     *
     * @param lookback   L
     * @param outputs    K
     * @param covariates F
     * @return L without covariates, {@code L + K} with
     */
    public static int steps(int lookback, int outputs, int covariates) {
        return covariates == 0 ? lookback : lookback + outputs;
    }

    /**
     * Steps per window of this source.
     *
     * @return steps
     */
    public int steps() {
        return steps(lookback, outputs, cov == null ? 0 : cov.length);
    }

    /**
     * Fills a time-major batch: {@code x[(t·B + b)·I + f]} and {@code target[b·K + k] = s[start_b + L + k]}.
     *
     * @param starts window starts (positions in {@code s}). Not modified.
     * @param from   first index into {@code starts}
     * @param bsz    batch size B
     * @param x      input buffer. Modified.
     * @param target target buffer. Modified.
     */
    public void fill(int[] starts, int from, int bsz, double[] x, double[] target) {
        final int k = outputs;
        if (cov == null) {
            for (int b = 0; b < bsz; b++) {
                int i = starts[from + b];
                for (int t = 0; t < lookback; t++) {
                    x[t * bsz + b] = s[i + t];
                }
                System.arraycopy(s, i + lookback, target, b * k, k);
            }
            return;
        }
        final int nf = cov.length;
        final int in = nf + 2;
        final int steps = lookback + k;
        for (int b = 0; b < bsz; b++) {
            int i = starts[from + b];
            for (int t = 0; t < steps; t++) {
                int p = i + t;
                int row = (t * bsz + b) * in;
                boolean known = t < lookback;
                x[row] = known ? s[p] : 0.0;
                for (int f = 0; f < nf; f++) {
                    x[row + 1 + f] = cov[f][p];
                }
                x[row + 1 + nf] = known ? 1.0 : 0.0;
            }
            System.arraycopy(s, i + lookback, target, b * k, k);
        }
    }
}
