package org.forecast4j.core.arima.select;

import java.util.List;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.transform.BoxCox;

/**
 * A non-ARIMA model of auto-ARIMA (the deterministic equivalents and the fallbacks) fitted to the Box–Cox transform of
 * the series: forecasts are back-transformed as the ARIMA's ({@link BoxCox#invertForecast}), fitted values by the
 * plain inverse, residuals stay on the transformed scale (as R's innovation residuals).
 */
final class BoxCoxFallback implements FittedModel {

    private final FittedModel inner;
    private final BoxCox boxCox;
    private final boolean biasAdjust;
    private final TimeSeries original;

    BoxCoxFallback(FittedModel inner, double lambda, boolean biasAdjust, TimeSeries original) {
        this.inner = inner;
        this.boxCox = BoxCox.of(lambda);
        this.biasAdjust = biasAdjust;
        this.original = original;
    }

    double lambda() {
        return boxCox.lambda();
    }

    @Override
    public Forecast forecast(int horizon, List<Level> levels) {
        Forecast z = inner.forecast(horizon, levels);
        return boxCox.invertForecast(description(), original, z, biasAdjust && z.standardErrors() != null);
    }

    @Override
    public String description() {
        double lam = boxCox.lambda();
        // as FittedArima.description(): 6 significant digits, trailing zeros dropped
        String text = String.format(java.util.Locale.ROOT, "%.6g", lam);
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return inner.description() + ", Box-Cox lambda = " + text + (biasAdjust ? ", bias-adjusted" : "");
    }

    @Override
    public TimeSeries series() {
        return original;
    }

    @Override
    public double[] fitted() {
        return boxCox.invert(inner.fitted());
    }

    @Override
    public double[] residuals() {
        return inner.residuals();
    }
}
