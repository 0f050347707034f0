package org.forecast4j.lstm.internal;

import org.forecast4j.lstm.OptimizerType;

/**
 * First-order update rules on flat parameter arrays, with their state (moments or velocity) allocated once.
 * Also hosts the gradient transformations applied before a step: L2 weight decay and clipping by global norm.
 */
public abstract class Optimizer {

    /** Adam's first-moment decay β1 (Kingma &amp; Ba 2015, the paper's default). */
    public static final double BETA1 = 0.9;
    /** Adam's second-moment decay β2 (paper default). */
    public static final double BETA2 = 0.999;
    /** Adam's denominator guard ε (paper default). */
    public static final double EPSILON = 1e-8;

    Optimizer() {
    }

    /**
     * Creates an optimizer for {@code n} parameters.
     *
     * @param type     ADAM or SGD
     * @param n        parameter count
     * @param momentum SGD momentum μ in [0, 1) (ignored by Adam)
     * @return the optimizer
     */
    public static Optimizer create(OptimizerType type, int n, double momentum) {
        return type == OptimizerType.ADAM ? new Adam(n) : new Sgd(n, momentum);
    }

    /**
     * Applies one update {@code params -= lr · direction(grads)}.
     *
     * @param params parameters. Modified.
     * @param grads  gradients. Not modified.
     * @param lr     learning rate &gt; 0
     */
    public abstract void step(double[] params, double[] grads, double lr);

    /**
     * Adds the L2 penalty's gradient: {@code g += λ w} (coupled weight decay, as PyTorch's {@code weight_decay}).
     *
     * @param params parameters. Not modified.
     * @param grads  gradients. Modified.
     * @param lambda decay λ &ge; 0
     */
    public static void addWeightDecay(double[] params, double[] grads, double lambda) {
        if (lambda == 0) {
            return;
        }
        for (int i = 0; i < grads.length; i++) {
            grads[i] += lambda * params[i];
        }
    }

    /**
     * Clips by global norm: if {@code ‖g‖₂ > maxNorm}, {@code g ← g · maxNorm / ‖g‖₂} (Pascanu et al. 2013).
     *
     * @param grads   gradients. Modified.
     * @param maxNorm threshold; {@code <= 0} disables clipping
     * @return the norm before clipping
     */
    public static double clipGlobalNorm(double[] grads, double maxNorm) {
        double s = 0;
        for (double g : grads) {
            s += g * g;
        }
        double norm = Math.sqrt(s);
        if (maxNorm > 0 && norm > maxNorm) {
            double k = maxNorm / norm;
            for (int i = 0; i < grads.length; i++) {
                grads[i] *= k;
            }
        }
        return norm;
    }

    /** Adam: {@code m = β1 m + (1-β1) g}, {@code v = β2 v + (1-β2) g²}, {@code w -= lr m̂ / (√v̂ + ε)}. */
    static final class Adam extends Optimizer {
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int n) {
            m = new double[n];
            v = new double[n];
        }

        @Override
        public void step(double[] params, double[] grads, double lr) {
            t++;
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            double[] mm = m;
            double[] vv = v;
            for (int i = 0; i < params.length; i++) {
                double g = grads[i];
                mm[i] = BETA1 * mm[i] + (1 - BETA1) * g;
                vv[i] = BETA2 * vv[i] + (1 - BETA2) * g * g;
                params[i] -= lr * (mm[i] / c1) / (Math.sqrt(vv[i] / c2) + EPSILON);
            }
        }
    }

    /** SGD with momentum: {@code v = μ v + g}, {@code w -= lr v}. */
    static final class Sgd extends Optimizer {
        private final double[] vel;
        private final double mu;

        Sgd(int n, double mu) {
            vel = new double[n];
            this.mu = mu;
        }

        @Override
        public void step(double[] params, double[] grads, double lr) {
            double[] v = vel;
            for (int i = 0; i < params.length; i++) {
                v[i] = mu * v[i] + grads[i];
                params[i] -= lr * v[i];
            }
        }
    }
}
