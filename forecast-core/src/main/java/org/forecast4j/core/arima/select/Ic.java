package org.forecast4j.core.arima.select;

/**
 * The information criterion that ranks candidate models: with {@code k} = estimated coefficients + 1 (for
 * σ&sup2;) and {@code n*} the observations after differencing,
 * {@code AIC = −2 log L + 2k}, {@code AICc = AIC + 2k(k+1)/(n* − k − 1)}, {@code BIC = AIC + k (ln n* − 2)}.
 *
 * @since 0.1.0
 */
public enum Ic {
    /** Akaike's criterion. */
    AIC,
    /** Akaike's criterion with the small-sample correction (R's default). */
    AICC,
    /** The Bayesian (Schwarz) criterion. */
    BIC
}
