package org.forecast4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A prediction-interval level in percent, strictly between 0 and 100 (e.g. 80 or 95).
 *
 * @param percent coverage in percent, in (0, 100)
 * @since 0.1.0
 */
public record Level(double percent) implements Comparable<Level> {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * Validates the level.
     *
     * @throws IllegalArgumentException if not in (0, 100)
     */
    public Level {
        Checks.requireArgument(percent > 0 && percent < 100, "level must be in (0, 100), got %s", percent);
    }

    /**
     * Levels from percentages, sorted ascending and without duplicates.
     *
     * @param percents levels in (0, 100)
     * @return an unmodifiable sorted list
     * @throws IllegalArgumentException if a level is outside (0, 100)
     */
    public static List<Level> of(double... percents) {
        List<Level> out = new ArrayList<>(percents.length);
        for (double p : percents) {
            Level l = new Level(p);
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        Collections.sort(out);
        return Collections.unmodifiableList(out);
    }

    /**
     * The standard normal quantile {@code z = Φ⁻¹(0.5 + percent/200)} for a symmetric interval.
     *
     * @return z &gt; 0
     */
    public double normalQuantile() {
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + percent / 200.0);
    }

    /**
     * Lower tail probability {@code (1 - percent/100)/2}.
     *
     * @return alpha/2
     */
    public double lowerTail() {
        return 0.5 - percent / 200.0;
    }

    @Override
    public int compareTo(Level o) {
        return Double.compare(percent, o.percent);
    }

    @Override
    public String toString() {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
