package org.forecast4j.core.arima.select;

import org.forecast4j.core.testutil.ReferenceData;

/** Reference series shared by the auto-ARIMA tests. */
final class ReferenceSeries {

    private ReferenceSeries() {
    }

    /** R's WWWusage (datasets). */
    static double[] wwwUsage() {
        return ReferenceData.series("/reference/unitroot/WWWusage.csv");
    }
}
