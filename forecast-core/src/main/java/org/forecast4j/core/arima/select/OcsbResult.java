package org.forecast4j.core.arima.select;

/**
 * The outcome of an {@link Ocsb} test.
 *
 * @param statistic     the t statistic of the {@code Z5} coefficient
 * @param criticalValue the 5% critical value for the period (Osborn's simulation formula)
 * @param lagOrder      number of lagged {@code ΔΔ_m y} terms in the final regression
 * @param period        seasonal period
 * @since 0.1.0
 */
public record OcsbResult(double statistic, double criticalValue, int lagOrder, int period) {

    /**
     * Whether the test suggests a seasonal difference: the statistic is not below the critical value (a
     * seasonal unit root is not rejected), as {@code forecast::nsdiffs(test = "ocsb")}.
     *
     * @return true if a seasonal difference is suggested
     */
    public boolean seasonalDifferenceSuggested() {
        return statistic > criticalValue;
    }
}
