package org.forecast4j.cli;

import java.nio.file.Path;
import org.forecast4j.allocation.ResponseCurve;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.io.CsvSeriesReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values of the conventional variables ({@link DocSamplesTest#GIVENS}) for documentation samples that the doc-test
 * runs ({@code ```java run}): the shipped series {@code examples/ecom_orders.csv} (730 daily orders) and objects
 * derived from it. Public because the wrapped samples live in the unnamed package.
 */
public final class DocGivens {

    private DocGivens() {
    }

    /** {@code examples/ecom_orders.csv}: 730 days from 2022-01-01, DAILY, period 7. */
    public static TimeSeries series() {
        return CsvSeriesReader.create().withDateColumn("date").withValueColumn("y")
                .read(DocSamplesTest.repositoryRoot().resolve(Path.of("examples", "ecom_orders.csv")));
    }

    /** The first 702 days of {@link #series()}. */
    public static TimeSeries train() {
        return series().head(702);
    }

    /** The last 28 days of {@link #series()}. */
    public static TimeSeries test() {
        return series().tail(28);
    }

    /** Seasonal naive forecast of {@link #series()}, 14 days, 80% and 95% intervals. */
    public static Forecast forecast() {
        return Forecasters.seasonalNaive().fit(series()).forecast(14, 80, 95);
    }

    /** Exponential response curve: 25% lift at saturation, scale 400. */
    public static ResponseCurve curve() {
        return ResponseCurve.exponential(0.25, 400);
    }

    /** A logger named "docs". */
    public static Logger log() {
        return LoggerFactory.getLogger("docs");
    }
}
