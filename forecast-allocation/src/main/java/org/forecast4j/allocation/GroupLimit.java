package org.forecast4j.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * Spend limits on the cells whose labels match every entry of a selector (e.g. {@code {channel: search}} or
 * {@code {date: 2026-12-01}}); groups may overlap. The limits apply to the total spend of the matching cells.
 *
 * @since 0.1.0
 */
public final class GroupLimit {

    private final Map<String, String> where;
    private final double minSpend;
    private final double maxSpend;

    /**
     * Creates a group limit.
     *
     * @param where    label selector; an empty selector matches every cell. Not modified.
     * @param minSpend minimum total spend of the group, finite, &ge; 0
     * @param maxSpend maximum total spend of the group, &ge; minSpend (may be {@code +∞})
     * @throws IllegalArgumentException on bad limits
     */
    public GroupLimit(Map<String, String> where, double minSpend, double maxSpend) {
        Objects.requireNonNull(where, "where");
        Checks.requireArgument(Double.isFinite(minSpend) && minSpend >= 0,
                "group %s: minSpend must be finite and >= 0, got %s", where, minSpend);
        Checks.requireArgument(!Double.isNaN(maxSpend) && maxSpend >= minSpend,
                "group %s: maxSpend must be >= minSpend %s, got %s", where, minSpend, maxSpend);
        this.where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
        this.minSpend = minSpend;
        this.maxSpend = maxSpend;
    }

    /**
     * Label selector.
     *
     * @return unmodifiable map
     */
    public Map<String, String> where() {
        return where;
    }

    /**
     * Minimum group spend.
     *
     * @return min
     */
    public double minSpend() {
        return minSpend;
    }

    /**
     * Maximum group spend.
     *
     * @return max
     */
    public double maxSpend() {
        return maxSpend;
    }

    /**
     * Whether a cell belongs to the group.
     *
     * @param cell the cell
     * @return true when every selector entry equals the cell's label
     */
    public boolean matches(Cell cell) {
        Map<String, String> labels = cell.labels();
        for (Map.Entry<String, String> e : where.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "group" + where;
    }
}
