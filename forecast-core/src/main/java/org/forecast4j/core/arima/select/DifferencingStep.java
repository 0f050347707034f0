package org.forecast4j.core.arima.select;

/**
 * One test run while choosing the number of differences.
 *
 * @param differences         differences already applied when the test ran (0 for the raw series)
 * @param statistic           test statistic: KPSS η, the seasonal strength, or the OCSB t value; NaN if the
 *                            test could not be computed
 * @param pValue              p-value where the test has one (KPSS), else NaN
 * @param threshold           what the statistic (or p-value) was compared with: α for KPSS, 0.64 for the
 *                            seasonal strength, the critical value for OCSB
 * @param differenceSuggested whether this test asked for one more difference
 * @param note                why the test could not be computed (empty when it could)
 * @since 0.1.0
 */
public record DifferencingStep(int differences, double statistic, double pValue, double threshold,
                               boolean differenceSuggested, String note) {
}
