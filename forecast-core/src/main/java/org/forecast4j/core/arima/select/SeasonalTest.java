package org.forecast4j.core.arima.select;

/**
 * The test that decides on seasonal differencing in {@link UnitRootTests#nsdiffsDecision}.
 *
 * @since 0.1.0
 */
public enum SeasonalTest {
    /** Seasonal strength from an STL decomposition &gt; 0.64 (forecast's default, {@code test = "seas"}). */
    SEASONAL_STRENGTH,
    /** The Osborn–Chui–Smith–Birchenhall test ({@code test = "ocsb"}). */
    OCSB
}
