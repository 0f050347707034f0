package org.forecast4j.cli;

import java.util.Locale;
import java.util.Set;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;

/**
 * Turns the ARIMA flags of {@link ModelOptions} ({@code --order p,d,q --seasonal-order P,D,Q --method
 * ml|css|css-ml --include-mean true|false --include-drift true|false --lambda number|auto --biasadj}) into an
 * {@link Arima} spec. The seasonal
 * period is the series' ({@code --period} or the frequency's default).
 */
final class ArimaOptions {

    /** The model flags {@code --model arima} reads. */
    static final Set<String> FLAGS = Set.of("--order", "--seasonal-order", "--method", "--include-mean",
            "--include-drift", "--xreg", "--lambda", "--biasadj");

    private ArimaOptions() {
    }

    /**
     * Builds the spec.
     *
     * @param o the options
     * @return the spec
     * @throws IllegalArgumentException naming the flag and value when a value is malformed
     */
    static org.forecast4j.core.Forecaster forecaster(ModelOptions o) {
        Arima a = spec(o);
        return o.xreg == null ? a : ArimaXreg.read(a, o.xreg);
    }

    /**
     * Builds the spec without regressors.
     *
     * @param o the options
     * @return the spec
     */
    static Arima spec(ModelOptions o) {
        int[] ord = triple(o.order, "--order", "p,d,q");
        int[] sord = triple(o.seasonalOrder, "--seasonal-order", "P,D,Q");
        Arima a;
        try {
            a = Arima.of(ord[0], ord[1], ord[2]);
            if (sord[0] + sord[1] + sord[2] > 0) {
                a = a.withSeasonal(sord[0], sord[1], sord[2]);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--order/--seasonal-order: " + e.getMessage(), e);
        }
        if (o.method != null) {
            try {
                a = a.withMethod(ArimaMethod.parse(o.method));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--method must be ml, css or css-ml, got '" + o.method + "'", e);
            }
        }
        if (o.includeMean != null) {
            a = a.withMean(o.includeMean);
        }
        if (o.includeDrift != null) {
            a = a.withDrift(o.includeDrift);
        }
        double lambda = lambda(o);
        if (o.lambda != null) {
            a = Double.isNaN(lambda) ? a.withLambdaAuto() : a.withLambda(lambda);
        }
        return a.withBiasAdjust(o.biasadj);
    }

    /**
     * Parses {@code --lambda <number>|auto} and checks {@code --biasadj} against it.
     *
     * @param o the options
     * @return the lambda, NaN for {@code auto} or when not given
     * @throws IllegalArgumentException for a value that is neither a finite number nor {@code auto}, or
     *                                  {@code --biasadj} without {@code --lambda}
     */
    static double lambda(ModelOptions o) {
        if (o.biasadj && o.lambda == null) {
            throw new IllegalArgumentException("--biasadj needs --lambda (it adjusts the back-transformed forecasts)");
        }
        if (o.lambda == null || "auto".equals(o.lambda.trim().toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(o.lambda.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--lambda must be a number or 'auto', got '" + o.lambda + "'");
    }

    private static int[] triple(String text, String flag, String shape) {
        if (text == null) {
            return new int[3];
        }
        String[] f = text.trim().split("\\s*,\\s*");
        if (f.length != 3) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %s (three integers), got '%s'",
                    flag, shape, text));
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Integer.parseInt(f[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s must be %s (three integers), got '%s'", flag, shape, text), e);
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s values must be >= 0, got '%s'", flag, text));
            }
        }
        return out;
    }
}
