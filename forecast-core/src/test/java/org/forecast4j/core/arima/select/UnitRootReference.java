package org.forecast4j.core.arima.select;

import java.util.Map;
import org.forecast4j.core.testutil.ReferenceData;

/**
 * The reference values of R 4.2.2 / forecast 8.20 / urca 1.3-3 produced by
 * {@code src/test/resources/reference/unitroot/unitroot_reference.R}.
 */
final class UnitRootReference {

    static final String[] ALL = {"AirPassengers", "USAccDeaths", "lynx", "Nile", "WWWusage", "ecom_orders",
        "ecom_pageviews", "ecom_sku_units", "sarima100_110_7_n200", "sarima100_110_7_n1000", "ar1_n200",
        "arima111_n200"};
    static final String[] SEASONAL = {"AirPassengers", "USAccDeaths", "ecom_orders", "ecom_pageviews",
        "ecom_sku_units", "sarima100_110_7_n200", "sarima100_110_7_n1000"};

    private static final Map<String, Map<String, Double>> TABLE =
            ReferenceData.longTable("/reference/unitroot/unitroot_reference.csv");

    private UnitRootReference() {
    }

    static double value(String series, String quantity) {
        Double v = TABLE.get(series).get(quantity);
        if (v == null) {
            throw new IllegalArgumentException("no reference " + quantity + " for " + series);
        }
        return v;
    }

    static double[] series(String name) {
        return ReferenceData.series("/reference/unitroot/" + name + ".csv");
    }

    static int period(String name) {
        return (int) value(name, "period");
    }
}
