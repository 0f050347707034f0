package org.forecast4j.lstm;

import java.util.Random;

/** Simulated test signals with fixed seeds (generated here rather than stored: they are defined by formulas). */
final class Signals {

    private Signals() {
    }

    /** {@code sin(2πt/period) + N(0, noise²)}. */
    static double[] noisySine(int n, int period, double noise, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(2 * Math.PI * i / period) + noise * r.nextGaussian();
        }
        return y;
    }

    /** AR(2) {@code y_t = φ1 y_{t-1} + φ2 y_{t-2} + ε_t}, ε ~ N(0, 1), after a burn-in of 200 steps. */
    static double[] ar2(int n, double phi1, double phi2, long seed) {
        Random r = new Random(seed);
        int burn = 200;
        double[] y = new double[n + burn];
        for (int i = 2; i < y.length; i++) {
            y[i] = phi1 * y[i - 1] + phi2 * y[i - 2] + r.nextGaussian();
        }
        return java.util.Arrays.copyOfRange(y, burn, burn + n);
    }
}
