package org.forecast4j.core.arima;

/**
 * Estimation method of an ARIMA model, as R's {@code stats::arima(method = ...)}.
 *
 * @since 0.1.0
 */
public enum ArimaMethod {
    /** Conditional sum of squares: fast, conditions on the first {@code d + sD + p + sP} observations. */
    CSS,
    /** Exact Gaussian maximum likelihood by the Kalman filter. */
    ML,
    /** CSS for starting values, then exact ML (R's default); ML when the series has missing values. */
    CSS_ML;

    /**
     * R's spelling: {@code "CSS"}, {@code "ML"} or {@code "CSS-ML"}.
     *
     * @return the label
     */
    public String label() {
        return this == CSS_ML ? "CSS-ML" : name();
    }

    /**
     * Parses {@code css}, {@code ml}, {@code css-ml} (case-insensitive; {@code _} accepted for {@code -}).
     *
     * @param text the name
     * @return the method
     * @throws IllegalArgumentException for an unknown name
     */
    public static ArimaMethod parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (ArimaMethod m : values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of ml, css, css-ml, got '" + text + "'");
    }
}
