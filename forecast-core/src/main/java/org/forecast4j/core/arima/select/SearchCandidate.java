package org.forecast4j.core.arima.select;

import java.util.Locale;

/**
 * One model evaluated by the {@link AutoArima} search, with its information criterion or the reason it was
 * rejected (then {@code ic} is +&infin;, as R's {@code myarima} records a failed candidate).
 *
 * @param p             AR order
 * @param d             differences
 * @param q             MA order
 * @param seasonalP     seasonal AR order
 * @param seasonalD     seasonal differences
 * @param seasonalQ     seasonal MA order
 * @param period        seasonal period (1 for non-seasonal)
 * @param constant      whether a mean (d + D = 0) or drift (d + D = 1) was included
 * @param approximation whether the criterion came from the CSS approximation
 * @param ic            the criterion; +&infin; when rejected
 * @param rejection     why the candidate was rejected; empty when it was not
 * @since 0.1.0
 */
public record SearchCandidate(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period,
                              boolean constant, boolean approximation, double ic, String rejection) {

    /**
     * R's label, e.g. {@code ARIMA(0,1,1)(0,1,1)[12]} or {@code ARIMA(1,1,1) with drift}.
     *
     * @return the label
     */
    public String label() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ARIMA(%d,%d,%d)", p, d, q));
        if (period > 1 && seasonalP + seasonalD + seasonalQ > 0) {
            sb.append(String.format(Locale.ROOT, "(%d,%d,%d)[%d]", seasonalP, seasonalD, seasonalQ, period));
        }
        int diffs = d + seasonalD;
        if (constant && diffs == 0) {
            sb.append(" with non-zero mean");
        } else if (constant && diffs == 1) {
            sb.append(" with drift");
        } else if (!constant && diffs == 0) {
            sb.append(" with zero mean");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return label() + " : " + (Double.isInfinite(ic) ? "Inf (" + rejection + ")" : Double.toString(ic));
    }
}
