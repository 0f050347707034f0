package org.forecast4j.cli;

import java.util.Locale;
import java.util.Set;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.Ic;

/**
 * Turns the auto-ARIMA flags of {@link ModelOptions} ({@code --ic aicc|aic|bic --stepwise true|false --max-p p
 * --max-q q --max-order n --seasonal true|false --lambda number|auto --biasadj --xreg FILE}) into an
 * {@link AutoArima} (R's defaults for everything not given), wrapped by {@link ArimaXreg} when regressors are
 * given. The seasonal period is the series' ({@code --period} or the frequency's default).
 */
final class AutoArimaOptions {

    /** The model flags {@code --model auto-arima} reads. */
    static final Set<String> FLAGS = Set.of("--ic", "--stepwise", "--max-p", "--max-q", "--max-order", "--seasonal",
            "--lambda", "--biasadj", "--xreg");

    private AutoArimaOptions() {
    }

    /**
     * Builds the forecaster.
     *
     * @param o the options
     * @return the auto-ARIMA forecaster
     * @throws IllegalArgumentException naming the flag and value when a value is invalid
     */
    static org.forecast4j.core.Forecaster forecaster(ModelOptions o) {
        AutoArima a = spec(o);
        return o.xreg == null ? a : ArimaXreg.read(a, o.xreg);
    }

    /**
     * Builds the forecaster without regressors.
     *
     * @param o the options
     * @return the auto-ARIMA forecaster
     * @throws IllegalArgumentException naming the flag and value when a value is invalid
     */
    static AutoArima spec(ModelOptions o) {
        AutoArima.Builder b = AutoArima.builder();
        if (o.ic != null) {
            b.ic(ic(o.ic));
        }
        if (o.stepwise != null) {
            b.stepwise(o.stepwise);
        }
        if (o.maxP != null || o.maxQ != null) {
            int p = o.maxP == null ? 5 : nonNegative(o.maxP, "--max-p");
            int q = o.maxQ == null ? 5 : nonNegative(o.maxQ, "--max-q");
            b.maxOrders(p, q);
        }
        if (o.maxOrder != null) {
            b.maxOrder(nonNegative(o.maxOrder, "--max-order"));
        }
        if (o.seasonal != null) {
            b.seasonal(o.seasonal);
        }
        double lambda = ArimaOptions.lambda(o);
        if (o.lambda != null) {
            if (Double.isNaN(lambda)) {
                b.lambdaAuto();
            } else {
                b.lambda(lambda);
            }
        }
        return b.biasAdjust(o.biasadj).build();
    }

    private static Ic ic(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "aicc":
                return Ic.AICC;
            case "aic":
                return Ic.AIC;
            case "bic":
                return Ic.BIC;
            default:
                throw new IllegalArgumentException("--ic must be aicc, aic or bic, got '" + text + "'");
        }
    }

    private static int nonNegative(int v, String flag) {
        if (v < 0) {
            throw new IllegalArgumentException(flag + " must be >= 0, got " + v);
        }
        return v;
    }
}
