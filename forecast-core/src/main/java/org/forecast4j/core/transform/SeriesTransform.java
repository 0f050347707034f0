package org.forecast4j.core.transform;

import java.util.Objects;
import org.forecast4j.core.TimeSeries;

/**
 * A fitted, length-preserving, invertible transform of a series: {@code invert(apply(x)) ≈ x} up to floating
 * point rounding. Implementations are immutable and thread-safe; {@code NaN} (missing) maps to {@code NaN}.
 *
 * <pre>{@code
 * SeriesTransform t = BoxCox.guerrero(train);          // or StandardScaler.fit(train), LogTransform.log(), ...
 * TimeSeries z = t.apply(train);                       // model z ...
 * double[] back = t.invert(zForecastMean);             // ... and map forecasts back
 * }</pre>
 *
 * @since 0.1.0
 */
public interface SeriesTransform {

    /**
     * Transforms values element by element.
     *
     * @param x values, NaN for missing. Not modified.
     * @return a new array of the transformed values
     * @throws IllegalArgumentException if a value is outside the transform's domain (the message names it)
     */
    double[] apply(double[] x);

    /**
     * Maps transformed values back to the original scale.
     *
     * @param y transformed values, NaN for missing. Not modified.
     * @return a new array of the values on the original scale
     * @throws IllegalArgumentException if a value is outside the transform's range (the message names it)
     */
    double[] invert(double[] y);

    /**
     * Transforms a series, keeping its name, frequency, start and period.
     *
     * @param series the series. Not modified.
     * @return the transformed series
     */
    default TimeSeries apply(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return series.withValues(apply(series.values())).build();
    }

    /**
     * Maps a transformed series back, keeping its name, frequency, start and period.
     *
     * @param series the transformed series. Not modified.
     * @return the series on the original scale
     */
    default TimeSeries invert(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return series.withValues(invert(series.values())).build();
    }

    /**
     * A short description, e.g. {@code "BoxCox(lambda=0.5)"}.
     *
     * @return the description
     */
    String description();
}
